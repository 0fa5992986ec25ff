import { useMemo, useState } from 'preact/hooks';
import type { Delivery, Item } from '../../model/api-types.ts';
import { formatDate, formatQuantity } from '../../model/format.ts';
import { buildReceiptRows, checkReceipt, findDiscrepancies, prefillReceipt, receiptFieldFor, type Receipt } from '../../model/receipt-form.ts';
import type { Api } from '../api.ts';
import { describedBy, errorFor, ErrorSummary, FieldError, NumberInput, Success, SubmitButton, useForm } from '../forms.tsx';
import { useMessages } from '../i18n.tsx';
import { langOf } from '../../model/names.ts';
import { ItemName, SLOT, Slotted } from './Named.tsx';

/**
 * Confirm a dispatched delivery: lines prefilled with what left the store, the differences listed
 * before confirming (a receipt cannot be taken back), "received by" the signed-in person.
 * Receipt is a conditional write (dispatched → delivered once): no key; the button waits.
 */
export function ReceiptForm(props: { api: Api; delivery: Delivery; items: ReadonlyMap<string, Item>; today: string; signedInName: string; onReceived: () => void }) {
  const { delivery } = props;
  const m = useMessages();
  const q = (n: number) => formatQuantity(n, m);
  const rows = useMemo(() => buildReceiptRows(delivery.lines, props.items, delivery.deliveryId, m), [delivery, props.items, m]);
  const [values, setValues] = useState(() => prefillReceipt(rows));
  const [receivedBy, setReceivedBy] = useState(props.signedInName);
  const [checking, setChecking] = useState(false);
  const form = useForm();
  const receivedById = `received-by-${delivery.deliveryId.slice(0, 8)}`;
  const discrepancies = findDiscrepancies(rows, values);

  const submit = (event: Event) => {
    event.preventDefault();
    const check = checkReceipt(rows, values, receivedBy, receivedById, m);
    if (!check.ok) return void form.report(check.errors, null);
    // First press: check your answers (the differences). Second press: send.
    if (!checking) return setChecking(true);
    const receipt: Receipt = check.receipt;
    void form.submit<Delivery>({
      body: receipt,
      send: () => props.api.write('POST', `/v1/deliveries/${encodeURIComponent(delivery.deliveryId)}/receipt`, { body: receipt }),
      fieldFor: receiptFieldFor(rows, receipt, receivedById),
      success: (d) =>
        (d.discrepancies ?? []).length > 0 ? m.t('receipt.withDifferences', { count: (d.discrepancies ?? []).length }) : m.t('receipt.inFull'),
      after: props.onReceived,
    });
  };

  const heading = `receipt-heading-${delivery.deliveryId.slice(0, 8)}`;
  return (
    <section class="panel" aria-labelledby={heading} data-delivery-id={delivery.deliveryId}>
      <h3 id={heading}>{m.t('receipt.heading', { date: formatDate(delivery.date, props.today, m) })}</h3>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="receipt-success" />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{m.t('receipt.legend')}</legend>
          {rows.map((row) => {
            const error = errorFor(form.errors, row.fieldId);
            const differs = discrepancies.some((d) => d.sku === row.sku);
            return (
              <div class={`count-row${error ? ' has-error' : ''}${differs ? ' differs' : ''}`} key={row.sku}>
                <label for={row.fieldId} lang={langOf(props.items.get(row.sku), m)}>
                  {row.name}
                </label>
                <p class="hint" id={`${row.fieldId}-hint`}>
                  {m.t('receipt.dispatched', { quantity: q(row.dispatched) })}
                </p>
                <FieldError id={row.fieldId} message={error} />
                <NumberInput
                  id={row.fieldId}
                  value={values[row.sku] ?? ''}
                  error={error}
                  hint
                  onInput={(v) => {
                    setChecking(false);
                    setValues((old) => ({ ...old, [row.sku]: v }));
                  }}
                />
              </div>
            );
          })}
        </fieldset>
        <div class="count-row">
          <label for={receivedById}>{m.t('receipt.receivedBy')}</label>
          <FieldError id={receivedById} message={errorFor(form.errors, receivedById)} />
          <input
            id={receivedById}
            type="text"
            autoComplete="name"
            value={receivedBy}
            aria-describedby={describedBy(receivedById, false, errorFor(form.errors, receivedById))}
            onInput={(e) => setReceivedBy((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        {discrepancies.length > 0 ? (
          <div class="discrepancies" data-testid="discrepancies">
            <h4>{m.t('receipt.differences')}</h4>
            <ul>
              {discrepancies.map((d) => (
                <li key={d.sku}>
                  <Slotted
                    text={m.t(d.received < d.dispatched ? 'receipt.short' : 'receipt.over', {
                      item: SLOT,
                      received: q(d.received),
                      dispatched: q(d.dispatched),
                      difference: q(Math.abs(d.dispatched - d.received)),
                    })}
                  >
                    <ItemName items={props.items} sku={d.sku} />
                  </Slotted>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {checking ? (
          <p class="check" role="status">
            {m.t('receipt.checkFigures')} {discrepancies.length > 0 ? m.t('receipt.willRecord') : m.t('receipt.allArrived')}
          </p>
        ) : null}
        <SubmitButton busy={form.busy}>{checking ? m.t('receipt.confirm') : m.t('receipt.check')}</SubmitButton>
      </form>
    </section>
  );
}

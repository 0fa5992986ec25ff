import { useMemo, useState } from 'preact/hooks';
import type { Delivery, Item } from '../../model/api-types.ts';
import { formatDate, formatQuantity } from '../../model/format.ts';
import { buildReceiptRows, checkReceipt, findDiscrepancies, prefillReceipt, receiptFieldFor, type Receipt } from '../../model/receipt-form.ts';
import type { Api } from '../api.ts';
import { describedBy, errorFor, ErrorSummary, FieldError, NumberInput, Success, SubmitButton, useForm } from '../forms.tsx';

/**
 * Confirm a dispatched delivery: lines prefilled with what left the store, the differences listed
 * before confirming (a receipt cannot be taken back), "received by" the signed-in person.
 * Receipt is a conditional write (dispatched → delivered once): no key; the button waits.
 */
export function ReceiptForm(props: { api: Api; delivery: Delivery; items: ReadonlyMap<string, Item>; today: string; signedInName: string; onReceived: () => void }) {
  const { delivery } = props;
  const rows = useMemo(() => buildReceiptRows(delivery.lines, props.items, delivery.deliveryId), [delivery, props.items]);
  const [values, setValues] = useState(() => prefillReceipt(rows));
  const [receivedBy, setReceivedBy] = useState(props.signedInName);
  const [checking, setChecking] = useState(false);
  const form = useForm();
  const receivedById = `received-by-${delivery.deliveryId.slice(0, 8)}`;
  const discrepancies = findDiscrepancies(rows, values);

  const submit = (event: Event) => {
    event.preventDefault();
    const check = checkReceipt(rows, values, receivedBy, receivedById);
    if (!check.ok) return void form.report(check.errors, null);
    // First press: check your answers (the differences). Second press: send.
    if (!checking) return setChecking(true);
    const receipt: Receipt = check.receipt;
    void form.submit<Delivery>({
      body: receipt,
      send: () => props.api.write('POST', `/v1/deliveries/${encodeURIComponent(delivery.deliveryId)}/receipt`, { body: receipt }),
      fieldFor: receiptFieldFor(rows, receipt, receivedById),
      success: (d) =>
        (d.discrepancies ?? []).length > 0
          ? `Delivery received, with ${(d.discrepancies ?? []).length} ${(d.discrepancies ?? []).length === 1 ? 'difference' : 'differences'} recorded for the store.`
          : 'Delivery received in full. Your stock now includes it.',
      after: props.onReceived,
    });
  };

  const heading = `receipt-heading-${delivery.deliveryId.slice(0, 8)}`;
  return (
    <section class="panel" aria-labelledby={heading} data-delivery-id={delivery.deliveryId}>
      <h3 id={heading}>Delivery of {formatDate(delivery.date, props.today)}</h3>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="receipt-success" />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>What arrived, in units</legend>
          {rows.map((row) => {
            const error = errorFor(form.errors, row.fieldId);
            const differs = discrepancies.some((d) => d.sku === row.sku);
            return (
              <div class={`count-row${error ? ' has-error' : ''}${differs ? ' differs' : ''}`} key={row.sku}>
                <label for={row.fieldId}>{row.name}</label>
                <p class="hint" id={`${row.fieldId}-hint`}>
                  Dispatched {formatQuantity(row.dispatched)}
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
          <label for={receivedById}>Received by</label>
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
            <h4>Differences from what was dispatched</h4>
            <ul>
              {discrepancies.map((d) => (
                <li key={d.sku}>
                  {d.name}: {formatQuantity(d.received)} received, {formatQuantity(d.dispatched)} dispatched ({d.received < d.dispatched ? `${formatQuantity(d.dispatched - d.received)} short` : `${formatQuantity(d.received - d.dispatched)} over`})
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {checking ? (
          <p class="check" role="status">
            Check the figures above: once confirmed, the receipt cannot be changed. {discrepancies.length > 0 ? 'The differences will be recorded for the store.' : 'Everything dispatched arrived.'}
          </p>
        ) : null}
        <SubmitButton busy={form.busy}>{checking ? 'Confirm receipt' : 'Check receipt'}</SubmitButton>
      </form>
    </section>
  );
}

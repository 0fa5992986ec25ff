import { useMemo, useState } from 'preact/hooks';
import type { Item, Position, SupplyRequest } from '../../model/api-types.ts';
import { describeLines } from '../../model/deliveries.ts';
import { readWholeNumber } from '../../model/form-fields.ts';
import { formatQuantity } from '../../model/format.ts';
import { buildRequestRows, checkRequest, describePacks, prefillRequest, requestFieldFor, type RequestSubmission } from '../../model/request-form.ts';
import type { Api } from '../api.ts';
import { describedBy, errorFor, ErrorSummary, FieldError, NumberInput, Success, SubmitButton, useForm } from '../forms.tsx';
import { useMessages } from '../i18n.tsx';
import { langOf } from '../../model/names.ts';

/** Request PPE: the API's suggested order prefilled in whole packs, the store's caps shown where set. */
export function RequestForm(props: {
  api: Api;
  homeId: string;
  positions: Position[];
  items: ReadonlyMap<string, Item>;
  weeklyCaps: Record<string, number> | null;
  today: string;
  onSubmitted: () => void;
}) {
  const m = useMessages();
  const rows = useMemo(
    () => buildRequestRows(props.positions, props.items, props.weeklyCaps, m),
    [props.positions, props.items, props.weeklyCaps, m],
  );
  const [values, setValues] = useState<Record<string, string>>(() => prefillRequest(rows));
  const [note, setNote] = useState('');
  const [neededBy, setNeededBy] = useState('');
  const form = useForm();

  const submit = (event: Event) => {
    event.preventDefault();
    const check = checkRequest(rows, values, { note, neededBy, today: props.today }, m);
    const submission: RequestSubmission | null = check.ok ? check.submission : null;
    void form.submit<SupplyRequest>({
      ...(check.ok ? { body: submission } : { errors: check.errors }),
      send: (key) => props.api.write('POST', `/v1/homes/${encodeURIComponent(props.homeId)}/requests`, { body: submission, idempotencyKey: key }),
      fieldFor: submission ? requestFieldFor(submission) : () => null,
      success: (request) => m.t('request.sent', { lines: describeLines(request.lines, props.items, m) }),
      after: () => {
        setValues(Object.fromEntries(rows.map((r) => [r.sku, ''])));
        setNote('');
        setNeededBy('');
        props.onSubmitted();
      },
    });
  };

  const noteError = errorFor(form.errors, 'request-note');
  const neededError = errorFor(form.errors, 'request-needed-by');
  return (
    <section class="panel" aria-labelledby="request-heading">
      <h2 id="request-heading">{m.t('request.heading')}</h2>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="request-success" />
      <form onSubmit={submit} noValidate>
        <p>{m.t('request.explain')}</p>
        <fieldset>
          <legend>{m.t('request.legend')}</legend>
          {rows.map((row) => {
            const error = errorFor(form.errors, row.fieldId);
            const typed = readWholeNumber(values[row.sku] ?? '', row.name);
            return (
              <div class={error ? 'count-row has-error' : 'count-row'} key={row.sku}>
                <label for={row.fieldId} lang={langOf(props.items.get(row.sku), m)}>
                  {row.name}
                </label>
                <p class="hint" id={`${row.fieldId}-hint`}>
                  {row.suggested > 0 ? m.t('request.suggested', { quantity: formatQuantity(row.suggested, m) }) : m.t('request.noSuggestion')};{' '}
                  {m.t('request.packsOf', { size: row.packSize })}
                  {row.cap !== null ? `; ${m.t('request.weeklyCap', { quantity: formatQuantity(row.cap, m) })}` : ''}
                  {typed.kind === 'number' && typed.value > 0 ? `: ${m.t('request.sends', { packs: describePacks(row, typed.value, m) })}` : ''}
                </p>
                <FieldError id={row.fieldId} message={error} />
                <NumberInput id={row.fieldId} value={values[row.sku] ?? ''} error={error} hint onInput={(v) => setValues((old) => ({ ...old, [row.sku]: v }))} />
              </div>
            );
          })}
        </fieldset>
        <div class="count-row">
          <label for="request-needed-by">{m.t('request.neededBy')}</label>
          <FieldError id="request-needed-by" message={neededError} />
          <input
            id="request-needed-by"
            type="date"
            min={props.today}
            value={neededBy}
            aria-invalid={neededError ? 'true' : undefined}
            aria-describedby={describedBy('request-needed-by', false, neededError)}
            onInput={(e) => setNeededBy((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="count-row">
          <label for="request-note">{m.t('request.note')}</label>
          <FieldError id="request-note" message={noteError} />
          <textarea
            id="request-note"
            rows={2}
            maxLength={500}
            value={note}
            aria-invalid={noteError ? 'true' : undefined}
            aria-describedby={describedBy('request-note', false, noteError)}
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <SubmitButton busy={form.busy}>{m.t('request.send')}</SubmitButton>
      </form>
    </section>
  );
}

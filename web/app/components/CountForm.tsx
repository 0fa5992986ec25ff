import { useMemo, useState } from 'preact/hooks';
import type { Item, Position } from '../../model/api-types.ts';
import { buildCountRows, checkCount, countFieldFor, countFromCsv, countOutcome, type CountPost } from '../../model/count-form.ts';
import { formatDays } from '../../model/format.ts';
import { presentStatus, type Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { errorFor, ErrorSummary, FieldError, NumberInput, Success, SubmitButton, useForm } from '../forms.tsx';
import { StatusBadge } from './StatusBadge.tsx';

interface Recorded {
  positions: Position[];
}

/**
 * Today's count, for a home or the store's own warehouse: one field per item, tab from one to the
 * next, Enter sends. Blank fields are not counted.
 */
export function CountForm(props: {
  api: Api;
  /** e.g. /v1/homes/ty-gwyn/stock-counts */
  postPath: string;
  positions: Position[];
  items: ReadonlyMap<string, Item>;
  timeZone: string;
  today: string;
  thresholds?: Thresholds | undefined;
  onCounted: () => void;
}) {
  const rows = useMemo(
    () => buildCountRows(props.positions, props.items, { timeZone: props.timeZone, today: props.today }),
    [props.positions, props.items, props.timeZone, props.today],
  );
  const [values, setValues] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ReturnType<typeof countOutcome>>([]);
  const form = useForm();
  const held = rows.filter((r) => r.held);
  const others = rows.filter((r) => !r.held);

  const submit = (event: Event) => {
    event.preventDefault();
    const check = checkCount(rows, values, new Date());
    const post: CountPost | null = check.ok ? check.post : null;
    void form.submit({
      ...(check.ok ? { body: check.post } : { errors: check.errors }),
      send: () => props.api.write<Recorded>('POST', props.postPath, { body: post }),
      fieldFor: post ? countFieldFor(post) : undefined,
      success: () => `Count saved: ${post!.lines.length} ${post!.lines.length === 1 ? 'item' : 'items'} counted.`,
      after: (recorded) => {
        setOutcome(countOutcome(recorded.positions, post!.lines.map((l) => l.sku), props.items));
        setValues({});
        props.onCounted();
      },
    });
  };

  const readCsv = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const parsed = countFromCsv(await file.text(), rows);
    setValues((v) => ({ ...v, ...parsed.values }));
    form.report(parsed.errors, `Filled ${Object.keys(parsed.values).length} counts from ${file.name}. Check them, then save the count.`);
  };

  const field = (row: (typeof rows)[number]) => {
    const error = errorFor(form.errors, row.fieldId);
    return (
      <div class={error ? 'count-row has-error' : 'count-row'} key={row.sku}>
        <label for={row.fieldId}>{row.name}</label>
        <p class="hint" id={`${row.fieldId}-hint`}>
          Last count {row.lastCount}; expected now {row.expected}
        </p>
        <FieldError id={row.fieldId} message={error} />
        <NumberInput id={row.fieldId} value={values[row.sku] ?? ''} error={error} hint onInput={(v) => setValues((old) => ({ ...old, [row.sku]: v }))} />
      </div>
    );
  };

  return (
    <section class="panel" aria-labelledby="count-heading">
      <h2 id="count-heading">Today’s count</h2>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="count-success" />
      {outcome.length > 0 ? (
        <div class="outcome" data-testid="count-outcome">
          <h3>After this count</h3>
          <ul class="plain">
            {outcome.map((o) => (
              <li key={o.sku}>
                {o.name}: <StatusBadge status={presentStatus(o.position.status, props.thresholds)} small /> {formatDays(o.position.daysOfSupply)} of supply
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <p>Count what is on the shelf now, in units (single masks, gloves, bottles). Leave an item blank if you did not count it.</p>
        <fieldset>
          <legend>Items you hold</legend>
          {held.length === 0 ? <p>None yet: count any item below to start.</p> : held.map(field)}
        </fieldset>
        {others.length > 0 ? (
          <details open={held.length === 0}>
            <summary>Add an item from the catalogue ({others.length})</summary>
            <fieldset>
              <legend class="visually-hidden">Other catalogue items</legend>
              {others.map(field)}
            </fieldset>
          </details>
        ) : null}
        <SubmitButton busy={form.busy}>Save count</SubmitButton>
      </form>
      <div class="csv-upload">
        <label for="count-csv">Or fill the form from a spreadsheet (CSV with columns sku and onHand)</label>
        <FieldError id="count-csv" message={errorFor(form.errors, 'count-csv')} />
        <input id="count-csv" type="file" accept=".csv,text/csv" onChange={readCsv} />
      </div>
    </section>
  );
}

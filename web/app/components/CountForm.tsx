import { useMemo, useState } from 'preact/hooks';
import type { Item, Position } from '../../model/api-types.ts';
import { buildCountRows, checkCount, countFieldFor, countFromCsv, countOutcome, type CountPost } from '../../model/count-form.ts';
import { formatDays } from '../../model/format.ts';
import { presentStatus, type Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { errorFor, ErrorSummary, FieldError, NumberInput, Success, SubmitButton, useForm } from '../forms.tsx';
import { useMessages } from '../i18n.tsx';
import { langOf } from '../../model/names.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { ItemName } from './Named.tsx';

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
  const m = useMessages();
  const rows = useMemo(
    () => buildCountRows(props.positions, props.items, { timeZone: props.timeZone, today: props.today, m }),
    [props.positions, props.items, props.timeZone, props.today, m],
  );
  const [values, setValues] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ReturnType<typeof countOutcome>>([]);
  const form = useForm();
  const held = rows.filter((r) => r.held);
  const others = rows.filter((r) => !r.held);

  const submit = (event: Event) => {
    event.preventDefault();
    const check = checkCount(rows, values, new Date(), m);
    const post: CountPost | null = check.ok ? check.post : null;
    void form.submit({
      ...(check.ok ? { body: check.post } : { errors: check.errors }),
      send: () => props.api.write<Recorded>('POST', props.postPath, { body: post }),
      fieldFor: post ? countFieldFor(post) : undefined,
      success: () => m.t('count.saved', { count: post!.lines.length }),
      after: (recorded) => {
        setOutcome(countOutcome(recorded.positions, post!.lines.map((l) => l.sku), props.items, m));
        setValues({});
        props.onCounted();
      },
    });
  };

  const readCsv = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const parsed = countFromCsv(await file.text(), rows, m);
    setValues((v) => ({ ...v, ...parsed.values }));
    form.report(parsed.errors, m.t('count.filled', { count: Object.keys(parsed.values).length, file: file.name }));
  };

  const field = (row: (typeof rows)[number]) => {
    const error = errorFor(form.errors, row.fieldId);
    return (
      <div class={error ? 'count-row has-error' : 'count-row'} key={row.sku}>
        <label for={row.fieldId} lang={langOf(props.items.get(row.sku), m)}>
          {row.name}
        </label>
        <p class="hint" id={`${row.fieldId}-hint`}>
          {m.t('count.hint', { last: row.lastCount, expected: row.expected })}
        </p>
        <FieldError id={row.fieldId} message={error} />
        <NumberInput id={row.fieldId} value={values[row.sku] ?? ''} error={error} hint onInput={(v) => setValues((old) => ({ ...old, [row.sku]: v }))} />
      </div>
    );
  };

  return (
    <section class="panel" aria-labelledby="count-heading">
      <h2 id="count-heading">{m.t('count.heading')}</h2>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="count-success" />
      {outcome.length > 0 ? (
        <div class="outcome" data-testid="count-outcome">
          <h3>{m.t('count.after')}</h3>
          <ul class="plain">
            {outcome.map((o) => (
              <li key={o.sku}>
                <ItemName items={props.items} sku={o.sku} />: <StatusBadge status={presentStatus(o.position.status, props.thresholds, m)} small />{' '}
                {m.t('count.outcome', { days: formatDays(o.position.daysOfSupply, m) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <p>{m.t('count.explain')}</p>
        <fieldset>
          <legend>{m.t('count.held')}</legend>
          {held.length === 0 ? <p>{m.t('count.noneHeld')}</p> : held.map(field)}
        </fieldset>
        {others.length > 0 ? (
          <details open={held.length === 0}>
            <summary>{m.t('count.addItem', { count: others.length })}</summary>
            <fieldset>
              <legend class="visually-hidden">{m.t('count.otherItems')}</legend>
              {others.map(field)}
            </fieldset>
          </details>
        ) : null}
        <SubmitButton busy={form.busy}>{m.t('count.save')}</SubmitButton>
      </form>
      <div class="csv-upload">
        <label for="count-csv">{m.t('count.csv')}</label>
        <FieldError id="count-csv" message={errorFor(form.errors, 'count-csv')} />
        <input id="count-csv" type="file" accept=".csv,text/csv" onChange={readCsv} />
      </div>
    </section>
  );
}

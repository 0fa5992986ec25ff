import { useMemo, useState } from 'preact/hooks';
import type { AllocationResult, Item, QueuedRequest, RequestCaps, StoreHome, SupplyRequest } from '../../model/api-types.ts';
import { approvalFieldFor, buildApprovalRows, checkApproval, checkRejection, linesOverCap, prefillApproval } from '../../model/approval-form.ts';
import { describeLines } from '../../model/deliveries.ts';
import { formatDate, formatDays, formatQuantity, isoDateInZone } from '../../model/format.ts';
import type { Api } from '../api.ts';
import { describedBy, errorFor, ErrorSummary, FieldError, NumberInput, Success, SubmitButton, useForm } from '../forms.tsx';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import { useMessages } from '../i18n.tsx';
import { ItemName, Lines, Name, SLOT, Slotted } from './Named.tsx';
import type { Translator } from '../../i18n/translate.ts';
import { apiNoteLang, itemName, langOf, nameIn } from '../../model/names.ts';

type Order = 'urgency' | 'oldest';

interface Context {
  api: Api;
  items: ReadonlyMap<string, Item>;
  homes: ReadonlyMap<string, StoreHome>;
  caps: RequestCaps | null;
  timeZone: string;
  today: string;
  onChanged: () => void;
  /** A decision's confirmation, shown above the queue: the decided card leaves the queue at the next refresh. */
  onDecided: (message: string) => void;
  m: Translator;
}

/** The store's submitted requests, most urgent (or oldest) first, each with approve and reject; then allocation. */
export function RequestQueue(props: { api: Api; storeId: string; items: ReadonlyMap<string, Item>; homes: StoreHome[]; timeZone: string; today: string; canApprove: boolean }) {
  const [order, setOrder] = useState<Order>('urgency');
  const [decided, setDecided] = useState<string | null>(null);
  const m = useMessages();
  const base = `/v1/stores/${encodeURIComponent(props.storeId)}`;
  const live = useAutoRefresh(
    async () => {
      const [queue, caps] = await Promise.all([
        props.api.getAll<QueuedRequest>(`${base}/requests?status=submitted&sort=${order}&limit=100`),
        props.api.getOptional<RequestCaps>(`${base}/request-caps`),
      ]);
      return { queue, caps };
    },
    `${props.storeId}:${order}`,
  );
  const homes = useMemo(() => new Map(props.homes.map((h) => [h.homeId, h])), [props.homes]);
  const context: Context = { api: props.api, items: props.items, homes, caps: live.data?.caps ?? null, timeZone: props.timeZone, today: props.today, onChanged: live.refresh, onDecided: setDecided, m };
  return (
    <>
      <section class="panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{m.t('queue.heading')}</h2>
        <fieldset class="inline">
          <legend>{m.t('queue.order')}</legend>
          {(['urgency', 'oldest'] as const).map((o) => (
            <label key={o} class="radio">
              <input type="radio" name="queue-order" value={o} checked={order === o} onChange={() => setOrder(o)} /> {o === 'urgency' ? m.t('queue.urgency') : m.t('queue.oldest')}
            </label>
          ))}
        </fieldset>
        <Success message={decided} testId="decision-success" />
        {live.error ? <p class="warning">{live.error}</p> : null}
        {live.data && live.data.queue.length === 0 ? <p>{m.t('queue.empty')}</p> : null}
        <ol class="cards" data-testid="request-queue">
          {(live.data?.queue ?? []).map((r) => (
            <QueuedRequestCard key={r.requestId} request={r} context={context} canApprove={props.canApprove} />
          ))}
        </ol>
      </section>
      {props.canApprove ? <Allocate api={props.api} storeId={props.storeId} context={context} /> : null}
    </>
  );
}

function QueuedRequestCard({ request, context, canApprove }: { request: QueuedRequest; context: Context; canApprove: boolean }) {
  const { m } = context;
  const home = context.homes.get(request.homeId);
  const rows = useMemo(
    () => buildApprovalRows(request.requestId, request.lines, context.items, { beds: home?.beds ?? null, capsPerBedPerWeek: context.caps?.capsPerBedPerWeek ?? null }, m),
    [request, context.items, home, context.caps, m],
  );
  const [values, setValues] = useState(() => prefillApproval(rows));
  const [overrideReason, setOverrideReason] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const form = useForm();
  const id = request.requestId.slice(0, 8);
  const overrideId = `override-${id}`;
  const rejectId = `reject-${id}`;
  const over = linesOverCap(rows, values);

  const approve = (event: Event) => {
    event.preventDefault();
    const check = checkApproval(rows, values, overrideReason, overrideId, m);
    void form.submit<SupplyRequest>({
      ...(check.ok ? { body: check.approval } : { errors: check.errors }),
      send: () => context.api.write('POST', `/v1/requests/${request.requestId}/approve`, { body: check.ok ? check.approval : null }),
      fieldFor: check.ok ? approvalFieldFor(rows, check.approval, overrideId) : () => null,
      success: (r) => {
        const home = context.homes.get(request.homeId);
        const message = m.t(r.status === 'partially-approved' ? 'queue.approvedInPart' : 'queue.approved', {
          lines: describeLines((r.approvedLines ?? []).filter((l) => l.quantity > 0), context.items, m),
        });
        context.onDecided(`${home ? nameIn(home, m) : request.homeId}: ${message}`);
        return message;
      },
      after: context.onChanged,
    });
  };
  const reject = (event: Event) => {
    event.preventDefault();
    const check = checkRejection(rejectReason, rejectId, m);
    void form.submit<SupplyRequest>({
      ...(check.ok ? { body: { reason: check.reason } } : { errors: check.errors }),
      send: () => context.api.write('POST', `/v1/requests/${request.requestId}/reject`, { body: { reason: check.ok ? check.reason : '' } }),
      fieldFor: (pointer) => (pointer === '/reason' ? rejectId : null),
      success: () => {
        context.onDecided(`${nameOfHome(context, request.homeId)}: ${m.t('queue.rejected')}`);
        return m.t('queue.rejected');
      },
      after: context.onChanged,
    });
  };

  const heading = `request-${id}-heading`;
  return (
    <li data-request-id={request.requestId} data-home-id={request.homeId} aria-labelledby={heading}>
      <h3 id={heading}>
        <Slotted text={m.t('queue.cardHeading', { home: SLOT, date: formatDate(isoDateInZone(request.createdAt, context.timeZone), context.today, m) })}>
          <HomeName context={context} homeId={request.homeId} />
        </Slotted>
      </h3>
      <p>
        {m.t('queue.fewestDays', { days: request.fewestDaysOfSupply === undefined ? m.t('queue.notKnown') : formatDays(request.fewestDaysOfSupply, m) })}
        {request.neededBy ? m.t('queue.neededBy', { date: formatDate(request.neededBy, context.today, m) }) : ''}
      </p>
      {request.note ? <p>{m.t('queue.note', { note: request.note })}</p> : null}
      <ErrorSummary errors={form.errors} />
      {!canApprove ? (
        <p>
          <Slotted text={m.t('queue.asks', { lines: SLOT })}>
            <Lines lines={request.lines} items={context.items} />
          </Slotted>
        </p>
      ) : (
        <>
          <form onSubmit={approve} noValidate>
            <fieldset>
              <legend>{m.t('queue.approveLegend')}</legend>
              {rows.map((row) => {
                const error = errorFor(form.errors, row.fieldId);
                return (
                  <div class={error ? 'count-row has-error' : 'count-row'} key={row.sku}>
                    <label for={row.fieldId} lang={langOf(context.items.get(row.sku), m)}>
                      {row.name}
                    </label>
                    <p class="hint" id={`${row.fieldId}-hint`}>
                      {m.t('queue.asked', { quantity: formatQuantity(row.requested, m) })}
                      {`; ${row.cap !== null ? m.t('queue.weeklyCap', { quantity: formatQuantity(row.cap, m) }) : m.t('queue.noCap')}`}
                    </p>
                    <FieldError id={row.fieldId} message={error} />
                    <NumberInput id={row.fieldId} value={values[row.sku] ?? ''} error={error} hint onInput={(v) => setValues((old) => ({ ...old, [row.sku]: v }))} />
                  </div>
                );
              })}
            </fieldset>
            {over.length > 0 ? (
              <div class="count-row">
                <label for={overrideId}>{m.t('queue.overrideLabel', { items: over.map((r) => r.name).join(', ') })}</label>
                <FieldError id={overrideId} message={errorFor(form.errors, overrideId)} />
                <input
                  id={overrideId}
                  type="text"
                  value={overrideReason}
                  aria-describedby={describedBy(overrideId, false, errorFor(form.errors, overrideId))}
                  onInput={(e) => setOverrideReason((e.currentTarget as HTMLInputElement).value)}
                />
              </div>
            ) : null}
            <SubmitButton busy={form.busy}>{m.t('queue.approve')}</SubmitButton>
          </form>
          <details class="reject">
            <summary>{m.t('queue.reject')}</summary>
            <form onSubmit={reject} noValidate>
              <label for={rejectId}>{m.t('queue.rejectReason')}</label>
              <FieldError id={rejectId} message={errorFor(form.errors, rejectId)} />
              <input id={rejectId} type="text" value={rejectReason} onInput={(e) => setRejectReason((e.currentTarget as HTMLInputElement).value)} />
              <SubmitButton busy={form.busy}>{m.t('queue.rejectButton')}</SubmitButton>
            </form>
          </details>
        </>
      )}
    </li>
  );
}

/** Allocate the store's stock to approved requests; each line's allocation and, where short, why. */
function Allocate({ api, storeId, context }: { api: Api; storeId: string; context: Context }) {
  const form = useForm();
  const { m } = context;
  const [result, setResult] = useState<AllocationResult | null>(null);
  const run = () =>
    form.submit<AllocationResult>({
      send: () => api.write('POST', `/v1/stores/${encodeURIComponent(storeId)}/allocations`),
      success: (r) => m.t('allocate.done', { count: r.allocations.length }),
      after: (r) => {
        setResult(r);
        context.onChanged();
      },
    });
  return (
    <section class="panel" aria-labelledby="allocate-heading">
      <h2 id="allocate-heading">{m.t('allocate.heading')}</h2>
      <p>{m.t('allocate.explain')}</p>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="allocate-success" />
      <button type="button" disabled={form.busy} onClick={() => void run()}>
        {form.busy ? m.t('allocate.busy') : m.t('allocate.button')}
      </button>
      {result ? (
        <ul class="plain" data-testid="allocations">
          {result.allocations.map((a) => (
            <li key={a.requestId}>
              <strong>
                <HomeName context={context} homeId={a.homeId} />
              </strong>
              :{' '}
              {a.lines.map((l, i) => (
                <span key={l.sku}>
                  {i > 0 ? '; ' : ''}
                  <Slotted text={m.t('allocate.line', { item: SLOT, allocated: formatQuantity(l.allocated, m), approved: formatQuantity(l.approved, m) })}>
                    <ItemName items={context.items} sku={l.sku} />
                  </Slotted>
                  {l.reason ? (
                    <>
                      {' ('}
                      <span lang={apiNoteLang(m)}>{l.reason}</span>)
                    </>
                  ) : null}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function nameOfHome(context: Context, homeId: string): string {
  const home = context.homes.get(homeId);
  return home ? nameIn(home, context.m) : homeId;
}

function HomeName({ context, homeId }: { context: Context; homeId: string }) {
  const home = context.homes.get(homeId);
  return <Name text={home ? nameIn(home, context.m) : homeId} lang={langOf(home, context.m)} />;
}

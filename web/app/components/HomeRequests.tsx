import { useState } from 'preact/hooks';
import type { Item, SupplyRequest } from '../../model/api-types.ts';
import { requestProgress } from '../../model/request-progress.ts';
import type { Api } from '../api.ts';
import { ErrorSummary, Success, useForm } from '../forms.tsx';
import { useMessages } from '../i18n.tsx';
import { Lines, SLOT, Slotted } from './Named.tsx';

/** A home's requests with their progress; cancel before dispatch (a conditional write: no key needed, the button waits). */
export function HomeRequests(props: { api: Api; requests: SupplyRequest[]; items: ReadonlyMap<string, Item>; timeZone: string; today: string; canCancel: boolean; onChanged: () => void }) {
  const form = useForm();
  const m = useMessages();
  // Cancelling cannot be undone: the button asks first, then sends on the second, explicit, answer.
  const [confirming, setConfirming] = useState<string | null>(null);
  const cancel = (requestId: string) =>
    form.submit<SupplyRequest>({
      body: requestId,
      send: () => props.api.write('POST', `/v1/requests/${requestId}/cancel`),
      success: () => m.t('myRequests.cancelled'),
      after: () => {
        setConfirming(null);
        props.onChanged();
      },
    });
  const rows = [...props.requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20);
  return (
    <section class="panel" aria-labelledby="my-requests-heading">
      <h2 id="my-requests-heading">{m.t('myRequests.heading')}</h2>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="requests-success" />
      {rows.length === 0 ? (
        <p>{m.t('myRequests.none')}</p>
      ) : (
        <ul class="cards" data-testid="my-requests">
          {rows.map((r) => {
            const p = requestProgress(r, props.items, { timeZone: props.timeZone, today: props.today, m });
            return (
              <li key={p.requestId} data-request-id={p.requestId}>
                <p>
                  <strong>{m.t('myRequests.sent', { date: p.created })}</strong> <span class={`tag tag-${p.status}`}>{p.statusWord}</span>
                </p>
                <p>
                  <Slotted text={m.t('myRequests.asked', { lines: SLOT })}>
                    <Lines lines={p.lines} items={props.items} />
                  </Slotted>
                </p>
                {p.approvedLines !== null ? (
                  <p>
                    <Slotted text={m.t('myRequests.approved', { lines: SLOT })}>
                      {p.approvedLines.length > 0 ? <Lines lines={p.approvedLines} items={props.items} /> : m.t('myRequests.nothing')}
                    </Slotted>
                  </p>
                ) : null}
                {p.steps.length > 0 ? (
                  <p class="muted">
                    {p.steps.map((s, i) => (
                      <span key={i}>
                        {i > 0 ? '; ' : ''}
                        {s.text}
                        {s.note ? (
                          <>
                            : <span lang={s.noteLang}>{s.note}</span>
                          </>
                        ) : null}
                      </span>
                    ))}
                  </p>
                ) : null}
                {p.cancellable && props.canCancel ? (
                  confirming === p.requestId ? (
                    <div class="confirm" role="group" aria-label={m.t('myRequests.confirmGroup')}>
                      <p>{m.t('myRequests.confirm')}</p>
                      <button type="button" class="warning-button" disabled={form.busy} onClick={() => void cancel(p.requestId)}>
                        {m.t('myRequests.yes')}
                      </button>{' '}
                      <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                        {m.t('myRequests.no')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" class="secondary" onClick={() => setConfirming(p.requestId)}>
                      {m.t('myRequests.cancel')}<span class="visually-hidden"> {m.t('myRequests.cancelSent', { date: p.created })}</span>
                    </button>
                  )
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { Item, SupplyRequest } from '../../model/api-types.ts';
import { requestProgress } from '../../model/request-progress.ts';
import type { Api } from '../api.ts';
import { ErrorSummary, Success, useForm } from '../forms.tsx';

/** A home's requests with their progress; cancel before dispatch (a conditional write: no key needed, the button waits). */
export function HomeRequests(props: { api: Api; requests: SupplyRequest[]; items: ReadonlyMap<string, Item>; timeZone: string; today: string; canCancel: boolean; onChanged: () => void }) {
  const form = useForm();
  // Cancelling cannot be undone: the button asks first, then sends on the second, explicit, answer.
  const [confirming, setConfirming] = useState<string | null>(null);
  const cancel = (requestId: string) =>
    form.submit<SupplyRequest>({
      body: requestId,
      send: () => props.api.write('POST', `/v1/requests/${requestId}/cancel`),
      success: () => 'Request cancelled.',
      after: () => {
        setConfirming(null);
        props.onChanged();
      },
    });
  const rows = [...props.requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20);
  return (
    <section class="panel" aria-labelledby="my-requests-heading">
      <h2 id="my-requests-heading">Your requests</h2>
      <ErrorSummary errors={form.errors} />
      <Success message={form.success} testId="requests-success" />
      {rows.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul class="cards" data-testid="my-requests">
          {rows.map((r) => {
            const p = requestProgress(r, props.items, { timeZone: props.timeZone, today: props.today });
            return (
              <li key={p.requestId} data-request-id={p.requestId}>
                <p>
                  <strong>Sent {p.created}</strong> <span class={`tag tag-${p.status}`}>{p.statusWord}</span>
                </p>
                <p>Asked: {p.contents}</p>
                {p.approved !== null ? <p>Approved: {p.approved || 'nothing'}</p> : null}
                {p.steps.length > 0 ? <p class="muted">{p.steps.join('; ')}</p> : null}
                {p.cancellable && props.canCancel ? (
                  confirming === p.requestId ? (
                    <div class="confirm" role="group" aria-label="Confirm cancelling">
                      <p>Cancel this request? The store will not send it.</p>
                      <button type="button" class="warning-button" disabled={form.busy} onClick={() => void cancel(p.requestId)}>
                        Yes, cancel the request
                      </button>{' '}
                      <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                        No, keep it
                      </button>
                    </div>
                  ) : (
                    <button type="button" class="secondary" onClick={() => setConfirming(p.requestId)}>
                      Cancel request<span class="visually-hidden"> sent {p.created}</span>
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

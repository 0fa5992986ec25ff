import type { DeliveryDay } from '../../model/deliveries.ts';

export function Deliveries({ days, window }: { days: DeliveryDay[] | null; window: number }) {
  return (
    <section aria-labelledby="deliveries-heading" class="panel">
      <h2 id="deliveries-heading">Deliveries, next {window} days</h2>
      {days === null ? (
        <p class="muted">Delivery plans are not available from this API yet.</p>
      ) : days.length === 0 ? (
        <p>No deliveries planned.</p>
      ) : (
        days.map((day) => (
          <div key={day.date}>
            <h3>
              <time dateTime={day.date}>{day.heading}</time>
            </h3>
            <ul class="plain">
              {day.deliveries.map((d) => (
                <li key={d.deliveryId}>
                  <strong>{d.homeName}</strong> ({d.status}
                  {d.emergency ? ', brought forward' : ''}): {d.contents}
                  {d.emergency && d.reason ? <span class="muted"> — {d.reason}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

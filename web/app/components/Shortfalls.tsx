import type { TodaysShortfalls } from '../../model/shortfalls.ts';
import { formatDate } from '../../model/format.ts';

/** What this morning's shortfall job found for the store. */
export function Shortfalls({ shortfalls, today }: { shortfalls: TodaysShortfalls | null; today: string }) {
  return (
    <section aria-labelledby="shortfalls-heading" class="panel">
      <h2 id="shortfalls-heading">Today’s shortfalls ({formatDate(today)})</h2>
      {shortfalls === null ? (
        <p class="muted">Shortfall records are not available from this API yet.</p>
      ) : shortfalls.short.length === 0 && shortfalls.silent.length === 0 ? (
        <p>
          No shortfall records for today. The check runs each morning at 07:00 and records homes under 7 days or gone
          silent; the homes table above is live.
        </p>
      ) : (
        <>
          <h3>Short of something</h3>
          {shortfalls.short.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul class="plain" data-testid="short-homes">
              {shortfalls.short.map((home) => (
                <li key={home.homeId}>
                  <strong>{home.name}</strong>:{' '}
                  {home.items.map((i, n) => (
                    <span key={i.sku}>
                      {n > 0 ? '; ' : ''}
                      {i.itemName} {i.daysText} ({i.status.word.toLowerCase()})
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <h3>Gone silent (no recent count)</h3>
          {shortfalls.silent.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul class="plain" data-testid="silent-homes">
              {shortfalls.silent.map((home) => (
                <li key={home.homeId}>{home.name}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

import type { HomeRow } from '../../model/worklist.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The store's homes, worst first: status, and the items that give each home its status. */
export function Worklist({ rows, storeName }: { rows: HomeRow[]; storeName: string }) {
  return (
    <section aria-labelledby="homes-heading" class="panel">
      <h2 id="homes-heading">Homes, worst first</h2>
      {rows.length === 0 ? (
        <p>{storeName} serves no homes yet.</p>
      ) : (
        <div class="table-scroll" role="region" aria-label="Homes table, scrolls sideways" tabIndex={0}>
          <table class="worklist stack-narrow" data-testid="worklist">
            <caption class="visually-hidden">Homes served by {storeName}, worst status first, with the items needing attention</caption>
            <thead>
              <tr>
                <th scope="col">Home</th>
                <th scope="col">Status</th>
                <th scope="col">Items needing attention</th>
                <th scope="col">Last count</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.homeId} data-home-id={row.homeId} class={`row-${row.status.status}`}>
                  <th scope="row">
                    {row.name}
                    {row.outbreak ? (
                      <>
                        {' '}
                        <strong class="tag tag-outbreak" data-testid="outbreak-tag">
                          {row.outbreak}
                        </strong>
                      </>
                    ) : null}
                  </th>
                  <td data-label="Status">
                    <StatusBadge status={row.status} />
                  </td>
                  <td data-label="Needing attention">
                    {row.driving.length === 0 ? (
                      <span class="muted">{row.status.status === 'green' ? 'Every item has 7 days or more' : 'No counts yet'}</span>
                    ) : (
                      <ul class="driving">
                        {row.driving.map((d) => (
                          <li key={d.sku}>
                            <StatusBadge status={d.status} small /> <span class="item-name">{d.itemName}</span>: <strong>{d.daysText}</strong>
                            {d.runoutIso ? (
                              <>
                                , <time dateTime={d.runoutIso}>{d.runoutText}</time>
                              </>
                            ) : null}
                          </li>
                        ))}
                        {row.moreDriving > 0 ? <li class="muted">and {row.moreDriving} more</li> : null}
                      </ul>
                    )}
                  </td>
                  <td data-label="Last count" class="nowrap">{row.lastCount ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

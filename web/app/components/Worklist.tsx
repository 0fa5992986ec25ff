import type { Thresholds } from '../../model/status.ts';
import { defaultThresholds } from '../../model/status.ts';
import type { HomeRow } from '../../model/worklist.ts';
import { useMessages } from '../i18n.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** The store's homes, worst first: status, and the items that give each home its status. */
export function Worklist({ rows, storeName, thresholds = defaultThresholds }: { rows: HomeRow[]; storeName: string; thresholds?: Thresholds | undefined }) {
  const m = useMessages();
  return (
    <section aria-labelledby="homes-heading" class="panel">
      <h2 id="homes-heading">{m.t('worklist.heading')}</h2>
      {rows.length === 0 ? (
        <p>{m.t('worklist.none', { store: storeName })}</p>
      ) : (
        <div class="table-scroll" role="region" aria-label={m.t('worklist.scrolls')} tabIndex={0}>
          <table class="worklist stack-narrow" data-testid="worklist">
            <caption class="visually-hidden">{m.t('worklist.caption', { store: storeName })}</caption>
            <thead>
              <tr>
                <th scope="col">{m.t('worklist.home')}</th>
                <th scope="col">{m.t('worklist.status')}</th>
                <th scope="col">{m.t('worklist.attention')}</th>
                <th scope="col">{m.t('worklist.lastCount')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.homeId} data-home-id={row.homeId} class={`row-${row.status.status}`}>
                  <th scope="row">
                    <span lang={row.nameLang}>{row.name}</span>
                    {row.outbreak ? (
                      <>
                        {' '}
                        <strong class="tag tag-outbreak" data-testid="outbreak-tag">
                          {row.outbreak}
                        </strong>
                      </>
                    ) : null}
                  </th>
                  <td data-label={m.t('worklist.status')}>
                    <StatusBadge status={row.status} />
                  </td>
                  <td data-label={m.t('worklist.attentionShort')}>
                    {row.driving.length === 0 ? (
                      <span class="muted">{row.status.status === 'green' ? m.t('worklist.allEnough', { days: thresholds.shortfallDays }) : m.t('worklist.noCounts')}</span>
                    ) : (
                      <ul class="driving">
                        {row.driving.map((d) => (
                          <li key={d.sku}>
                            <StatusBadge status={d.status} small /> <span class="item-name" lang={d.itemLang}>{d.itemName}</span>: <strong>{d.daysText}</strong>
                            {d.runoutIso ? (
                              <>
                                , <time dateTime={d.runoutIso}>{d.runoutText}</time>
                              </>
                            ) : null}
                          </li>
                        ))}
                        {row.moreDriving > 0 ? <li class="muted">{m.t('worklist.more', { count: row.moreDriving })}</li> : null}
                      </ul>
                    )}
                  </td>
                  <td data-label={m.t('worklist.lastCount')} class="nowrap">{row.lastCount ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

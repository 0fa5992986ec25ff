import { useEffect, useState } from 'preact/hooks';
import type { Shortfall } from '../../model/api-types.ts';
import { rowsOf, totalsInWords, trendChart, type Overview, type OverviewTrend } from '../../model/overview.ts';
import type { Permissions } from '../../model/permissions.ts';
import type { Thresholds } from '../../model/status.ts';
import { ApiError, type Api } from '../api.ts';
import { formatDate } from '../../model/format.ts';
import { useMessages } from '../i18n.tsx';
import type { Heading } from './Frame.tsx';
import { langOf, nameIn } from '../../model/names.ts';
import { StorePage } from './StorePage.tsx';

type Scope = { kind: 'nation' } | { kind: 'region'; regionId: string };
type Opened = { kind: 'region'; regionId: string; name: string } | { kind: 'store'; storeId: string; name: string } | null;

interface Props {
  api: Api;
  scope: Scope;
  permissions: Permissions;
  thresholds?: Thresholds | undefined;
  onHeading?: ((heading: Heading) => void) | undefined;
}

/**
 * The national (administrator) or regional (a region's members) picture: totals in words with the
 * week before, regions or stores worst first (each leads down: a region to its stores, a store to
 * its worklist), red and amber homes over the last 12 weeks, and the silent homes. Everything comes
 * from the daily rollup the shortfall job writes; the worklist below a store is live.
 */
export function OverviewPage({ api, scope, permissions, thresholds, onHeading }: Props) {
  const m = useMessages();
  const [overview, setOverview] = useState<Overview | 'none' | null>(null);
  const [trend, setTrend] = useState<OverviewTrend | null>(null);
  const [silent, setSilent] = useState<Shortfall[] | null>(null);
  const [item, setItem] = useState('');
  const [opened, setOpened] = useState<Opened>(null);
  const [error, setError] = useState<string | null>(null);
  const base = scope.kind === 'nation' ? '/v1/overview' : `/v1/regions/${scope.regionId}/overview`;
  const regionQuery = scope.kind === 'region' ? `&regionId=${scope.regionId}` : '';

  useEffect(() => {
    api.get<Overview>(base).then(
      (o) => setOverview(o),
      (e: Error) => (e instanceof ApiError && e.status === 404 ? setOverview('none') : setError(e.message)),
    );
  }, [api, base]);

  // Named again when the language changes (the API's own names stay as it gives them).
  const named = overview && overview !== 'none' ? overview : null;
  useEffect(() => {
    if (named) onHeading?.(named.scope === 'nation' ? { text: m.t('overview.walesHeading') } : { text: nameIn(named, m), lang: langOf(named, m) });
  }, [named, m]);

  useEffect(() => {
    api.get<OverviewTrend>(`/v1/overview/trend?interval=week${regionQuery}${item ? `&sku=${item}` : ''}`).then(setTrend, (e: Error) => setError(e.message));
  }, [api, regionQuery, item]);

  useEffect(() => {
    if (!overview || overview === 'none') return;
    const date = overview.date;
    const lists =
      scope.kind === 'nation'
        ? [api.getAll<Shortfall>(`/v1/shortfalls?date=${date}&limit=100`)]
        : overview.rows.filter((r) => r.storeId).map((r) => api.getAll<Shortfall>(`/v1/stores/${r.storeId}/shortfalls?date=${date}&limit=100`));
    Promise.all(lists).then(
      (all) => setSilent(all.flat().filter((s) => s.reasons.includes('silent'))),
      () => setSilent(null),
    );
  }, [api, overview, scope.kind]);

  if (opened) {
    return (
      <>
        <p>
          <button type="button" class="link-button" onClick={() => setOpened(null)}>
            {m.t('overview.back', { name: overview && overview !== 'none' ? nameIn(overview, m) : m.t('overview.theOverview') })}
          </button>
        </p>
        {opened.kind === 'region' ? (
          <OverviewPage api={api} scope={{ kind: 'region', regionId: opened.regionId }} permissions={permissions} thresholds={thresholds} />
        ) : (
          <StorePage api={api} storeId={opened.storeId} permissions={permissions} thresholds={thresholds} />
        )}
      </>
    );
  }
  if (error) return <p class="warning">{m.t('overview.couldNotRead', { error })}</p>;
  if (!overview) return <p role="status">{m.t('overview.loading')}</p>;
  if (overview === 'none') return <p>{m.t('overview.noFigures')}</p>;

  const totals = totalsInWords(overview, item || undefined, m);
  const rows = rowsOf(overview, m);
  const overviewName = nameIn(overview, m);
  const chart = trend && trendChart(trend);
  const skus = overview.totals.items.map((i) => i.sku);
  const nation = scope.kind === 'nation';
  return (
    <>
      <section aria-labelledby="totals-heading" class="panel">
        <h2 id="totals-heading">{m.t('overview.totalsHeading', { name: overviewName, count: totals.homes, date: formatDate(overview.date, undefined, m) })}</h2>
        <div class="chart-controls">
          <label for="overview-item">{m.t('overview.item')}</label>
          <select id="overview-item" value={item} onChange={(e) => setItem((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{m.t('overview.anyPpe')}</option>
            {skus.map((sku) => (
              <option key={sku} value={sku}>
                {sku}
              </option>
            ))}
          </select>
        </div>
        <ul class="plain" data-testid="overview-totals">
          {totals.headline.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rows-heading" class="panel">
        <h2 id="rows-heading">{m.t(nation ? 'overview.regionsHeading' : 'overview.storesHeading')}</h2>
        <table data-testid="overview-rows">
          <caption class="visually-hidden">{m.t(nation ? 'overview.regionsCaption' : 'overview.storesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m.t(nation ? 'overview.region' : 'overview.store')}</th>
              <th scope="col">{m.t('overview.homes')}</th>
              <th scope="col">{m.t('overview.red')}</th>
              <th scope="col">{m.t('overview.amber')}</th>
              <th scope="col">{m.t('overview.unknown')}</th>
              <th scope="col">{m.t('overview.green')}</th>
              <th scope="col">{m.t('overview.silent')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.target ? (
                    <button
                      type="button"
                      class="link-button"
                      lang={row.nameLang}
                      onClick={() => setOpened(row.target!.kind === 'region' ? { kind: 'region', regionId: row.target!.regionId, name: row.name } : { kind: 'store', storeId: (row.target as { storeId: string }).storeId, name: row.name })}
                    >
                      {row.name}
                    </button>
                  ) : (
                    <span lang={row.nameLang}>{row.name}</span>
                  )}
                </th>
                <td>{row.homes}</td>
                <td>{row.red}</td>
                <td>{row.amber}</td>
                <td>{row.unknown}</td>
                <td>{row.green}</td>
                <td>{row.silent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="trend-heading" class="panel">
        <h2 id="trend-heading">{item ? m.t('overview.trendItem', { item }) : m.t('overview.trendAny')}</h2>
        {!chart ? (
          <p role="status">{m.t('overview.loadingTrend')}</p>
        ) : (
          <>
            <svg width="100%" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-labelledby="trend-heading" data-testid="trend-chart">
              <line x1="30" x2={chart.width - 10} y1={chart.height - 20} y2={chart.height - 20} stroke="#505a5f" />
              <text x="2" y="24" font-size="11">{chart.max}</text>
              <text x="2" y={chart.height - 22} font-size="11">0</text>
              {chart.red.map((points) => (
                <polyline key={`r${points}`} points={points} fill="none" stroke="#d4351c" stroke-width="3" />
              ))}
              {chart.amber.map((points) => (
                <polyline key={`a${points}`} points={points} fill="none" stroke="#f47738" stroke-width="3" stroke-dasharray="6 3" />
              ))}
              {chart.labels.map((l) => (
                <text key={l.text} x={l.x} y={chart.height - 4} font-size="11" text-anchor="middle">
                  {l.text}
                </text>
              ))}
            </svg>
            <p class="muted">{m.t('overview.trendKey')}</p>
            <details>
              <summary>{m.t('overview.asTable')}</summary>
              <table>
                <caption class="visually-hidden">{m.t('overview.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.t('overview.week')}</th>
                    <th scope="col">{m.t('overview.red')}</th>
                    <th scope="col">{m.t('overview.amber')}</th>
                  </tr>
                </thead>
                <tbody>
                  {chart.table.map((p) => (
                    <tr key={p.period}>
                      <th scope="row">{p.period}</th>
                      <td>{p.red ?? m.t('overview.noFiguresCell')}</td>
                      <td>{p.amber ?? m.t('overview.noFiguresCell')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="silent-heading" class="panel">
        <h2 id="silent-heading">{m.t('overview.silentHeading')}</h2>
        {silent === null ? (
          <p class="muted">{m.t('overview.silentUnreadable')}</p>
        ) : silent.length === 0 ? (
          <p>{m.t('common.none')}</p>
        ) : (
          <ul class="plain" data-testid="overview-silent">
            {silent.map((s) => (
              <li key={s.homeId}>
                {m.t('overview.silentHome', { home: s.homeId, store: s.storeId })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

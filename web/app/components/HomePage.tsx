import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Delivery, Item, LocationStock, SupplyRequest } from '../../model/api-types.ts';
import { isoDateInZone } from '../../model/format.ts';
import { buildHomeView } from '../../model/home-view.ts';
import type { Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { loadItems } from '../store-data.ts';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import { Freshness } from './Freshness.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StatusLegend } from './StatusLegend.tsx';

// A home's token cannot read its store (tenancy), so a home's page shows dates in the default zone.
const ZONE = 'Europe/London';

interface HomeSnapshot {
  name: string;
  items: Map<string, Item>;
  stock: LocationStock | null;
  requests: SupplyRequest[] | null;
  deliveries: Delivery[] | null;
}

async function loadHome(api: Api, homeId: string, cache: { items?: Map<string, Item> }): Promise<HomeSnapshot> {
  const base = `/v1/homes/${encodeURIComponent(homeId)}`;
  const list = async <T,>(path: string) => (await api.getOptional<{ items: T[] }>(path))?.items ?? null;
  const [home, items, stock, requests, deliveries] = await Promise.all([
    api.get<{ name: string }>(base),
    cache.items ? Promise.resolve(cache.items) : loadItems(api),
    api.getOptional<LocationStock>(`${base}/stock`),
    list<SupplyRequest>(`${base}/requests?limit=50`),
    list<Delivery>(`${base}/deliveries?limit=50`),
  ]);
  cache.items = items;
  return { name: home.name, items, stock, requests, deliveries };
}

/** A home's own page: its positions, its requests in progress, its deliveries to come. */
export function HomePage(props: { api: Api; homeId: string; thresholds?: Thresholds | undefined; onHeading?: (heading: string) => void }) {
  const { api, homeId, thresholds, onHeading } = props;
  const cache = useRef<{ items?: Map<string, Item> }>({});
  const live = useAutoRefresh(() => loadHome(api, homeId, cache.current), homeId);
  const snapshot = live.data;
  const homeName = snapshot?.name;
  useEffect(() => {
    if (homeName) onHeading?.(homeName);
  }, [homeName, onHeading]);
  const today = isoDateInZone(new Date(), ZONE);
  const view = useMemo(
    () => snapshot && buildHomeView(snapshot.stock, snapshot.requests ?? [], snapshot.deliveries ?? [], { items: snapshot.items, timeZone: ZONE, today, thresholds }),
    [snapshot, today, thresholds],
  );
  return (
    <>
      <div class="toolbar">
        <Freshness fetchedAt={live.fetchedAt} error={live.error} loading={live.loading} timeZone={ZONE} onRefresh={live.refresh} />
      </div>
      {snapshot && view ? (
        <>
          <p class="summary">
            Overall: <StatusBadge status={view.status} /> <span class="muted">(the status of your worst item)</span>
          </p>
          <section aria-labelledby="positions-heading" class="panel">
            <h2 id="positions-heading">Your stock, worst first</h2>
            {view.positions.length === 0 ? (
              <p>No counts yet. Post a stock count to see days of supply here.</p>
            ) : (
              <div class="table-scroll" role="region" aria-labelledby="positions-heading" tabIndex={0}>
                <table class="stack-narrow">
                  <thead>
                    <tr>
                      <th scope="col">Item</th>
                      <th scope="col">Status</th>
                      <th scope="col">Days of supply</th>
                      <th scope="col">Runs out</th>
                      <th scope="col">On hand now (estimated)</th>
                      <th scope="col">Use</th>
                      <th scope="col">Last count</th>
                      <th scope="col">Suggested order</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.positions.map((p) => (
                      <tr key={p.sku}>
                        <th scope="row">{p.itemName}</th>
                        <td data-label="Status">
                          <StatusBadge status={p.status} />
                        </td>
                        <td data-label="Days of supply">{p.daysText}</td>
                        <td data-label="Runs out" class="nowrap">{p.runout}</td>
                        <td data-label="On hand now (estimated)">{p.onHandNow}</td>
                        <td data-label="Use" class="nowrap">{p.usage}</td>
                        <td data-label="Last count">{p.lastCount}</td>
                        <td data-label="Suggested order">{p.suggestedOrder}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <div class="columns">
            <section aria-labelledby="requests-heading" class="panel">
              <h2 id="requests-heading">Your requests in progress</h2>
              {snapshot.requests === null ? (
                <p class="muted">Requests are not available from this API yet.</p>
              ) : view.requests.length === 0 ? (
                <p>None in progress.</p>
              ) : (
                <ul class="plain">
                  {view.requests.map((r) => (
                    <li key={r.requestId}>
                      <strong>{r.created}</strong> ({r.status}): {r.contents}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="home-deliveries-heading" class="panel">
              <h2 id="home-deliveries-heading">Your deliveries to come</h2>
              {snapshot.deliveries === null ? (
                <p class="muted">Deliveries are not available from this API yet.</p>
              ) : view.deliveries.length === 0 ? (
                <p>None planned.</p>
              ) : (
                <ul class="plain">
                  {view.deliveries.map((d) => (
                    <li key={d.deliveryId}>
                      <strong>{d.date}</strong> ({d.status}): {d.contents}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <StatusLegend thresholds={thresholds} />
        </>
      ) : null}
    </>
  );
}

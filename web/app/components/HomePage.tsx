import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Delivery, Home, HomeRequestCaps, Item, LocationStock, Outbreak, SupplyRequest } from '../../model/api-types.ts';
import { openOutbreak } from '../../model/outbreak.ts';
import { isoDateInZone } from '../../model/format.ts';
import { buildHomeView } from '../../model/home-view.ts';
import type { Permissions } from '../../model/permissions.ts';
import type { Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { loadItems } from '../store-data.ts';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import { CountForm } from './CountForm.tsx';
import { Freshness } from './Freshness.tsx';
import { HomeRequests } from './HomeRequests.tsx';
import { OutbreakPanel } from './OutbreakPanel.tsx';
import { ReceiptForm } from './ReceiptForm.tsx';
import { RequestForm } from './RequestForm.tsx';
import { ScreenNav, useScreen, type Screen } from './Screens.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StatusLegend } from './StatusLegend.tsx';

// A home's token cannot read its store (tenancy), so a home's page shows dates in the default zone.
const ZONE = 'Europe/London';

interface HomeSnapshot {
  name: string;
  home: Home;
  /** The home's weekly caps in units (null from an API without them: the form shows none). */
  caps: HomeRequestCaps | null;
  items: Map<string, Item>;
  stock: LocationStock | null;
  requests: SupplyRequest[] | null;
  deliveries: Delivery[] | null;
  /** The home's open outbreak (null: none, or an API without outbreaks). */
  outbreak: Outbreak | null;
}

async function loadHome(api: Api, homeId: string, cache: { items?: Map<string, Item> }): Promise<HomeSnapshot> {
  const base = `/v1/homes/${encodeURIComponent(homeId)}`;
  const list = async <T,>(path: string) => (await api.getOptional<{ items: T[] }>(path))?.items ?? null;
  const [home, items, stock, requests, deliveries, outbreaks] = await Promise.all([
    api.get<Home>(base),
    cache.items ? Promise.resolve(cache.items) : loadItems(api),
    api.getOptional<LocationStock>(`${base}/stock`),
    list<SupplyRequest>(`${base}/requests?limit=50`),
    list<Delivery>(`${base}/deliveries?limit=50`),
    list<Outbreak>(`${base}/outbreaks?limit=5`),
  ]);
  cache.items = items;
  // An older API without the route (404): the form shows no caps rather than failing.
  const caps = await api.getOptional<HomeRequestCaps>(`${base}/request-caps`);
  return { name: home.name, home, caps, items, stock, requests, deliveries, outbreak: openOutbreak(outbreaks) };
}

const HOME_SCREENS: Screen[] = [
  { id: 'stock', label: 'Stock' },
  { id: 'count', label: 'Today’s count' },
  { id: 'request', label: 'Request PPE' },
  { id: 'deliveries', label: 'Deliveries' },
];

/** A home's own page: its positions, its requests in progress, its deliveries to come. */
export function HomePage(props: {
  api: Api;
  homeId: string;
  permissions: Permissions;
  signedInName: string | null;
  thresholds?: Thresholds | undefined;
  onHeading?: (heading: string) => void;
}) {
  const { api, homeId, thresholds, onHeading, permissions } = props;
  const screen = useScreen(HOME_SCREENS);
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
      <ScreenNav screens={HOME_SCREENS} current={screen} />
      <div class="toolbar">
        <Freshness fetchedAt={live.fetchedAt} error={live.error} loading={live.loading} timeZone={ZONE} onRefresh={live.refresh} />
      </div>
      {snapshot && view && screen === 'count' ? (
        permissions.count ? (
          <CountForm
            api={api}
            postPath={`/v1/homes/${encodeURIComponent(homeId)}/stock-counts`}
            positions={snapshot.stock?.positions ?? []}
            items={snapshot.items}
            timeZone={ZONE}
            today={today}
            thresholds={thresholds}
            onCounted={live.refresh}
          />
        ) : (
          <NotAllowed what="post counts" />
        )
      ) : null}
      {snapshot && view && screen === 'request' ? (
        <>
          {permissions.request ? (
            <RequestForm
              api={api}
              homeId={homeId}
              positions={snapshot.stock?.positions ?? []}
              items={snapshot.items}
              weeklyCaps={snapshot.caps?.weeklyCaps ?? null}
              today={today}
              onSubmitted={live.refresh}
            />
          ) : (
            <NotAllowed what="request PPE" />
          )}
          <HomeRequests api={api} requests={snapshot.requests ?? []} items={snapshot.items} timeZone={ZONE} today={today} canCancel={permissions.request} onChanged={live.refresh} />
        </>
      ) : null}
      {snapshot && view && screen === 'deliveries' ? (
        <HomeDeliveries api={api} snapshot={snapshot} today={today} canReceive={permissions.count} signedInName={props.signedInName} onReceived={live.refresh} />
      ) : null}
      {snapshot && view && screen === 'stock' ? (
        <>
          <p class="summary">
            Overall: <StatusBadge status={view.status} /> <span class="muted">(the status of your worst item)</span>
          </p>
          <section aria-labelledby="positions-heading" class="panel">
            <h2 id="positions-heading">Your stock, worst first</h2>
            {view.positions.length === 0 ? (
              <p>No counts yet. Post a stock count to see days of supply here.</p>
            ) : (
              <div class="table-scroll" role="region" aria-label="Stock table, scrolls sideways" tabIndex={0}>
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
          <OutbreakPanel
            key={snapshot.outbreak?.outbreakId ?? 'none'}
            api={api}
            homeId={homeId}
            open={snapshot.outbreak}
            today={today}
            canChange={permissions.count}
            onChanged={live.refresh}
          />
          <StatusLegend thresholds={thresholds} />
        </>
      ) : null}
    </>
  );
}

function NotAllowed({ what }: { what: string }) {
  return (
    <p class="panel" data-testid="not-allowed">
      Your role does not allow you to {what}. Ask your manager if you need to.
    </p>
  );
}

/** Deliveries on their way (dispatched) with a receipt form each; the rest as a list. */
function HomeDeliveries(props: { api: Api; snapshot: HomeSnapshot; today: string; canReceive: boolean; signedInName: string | null; onReceived: () => void }) {
  const all = props.snapshot.deliveries ?? [];
  const dispatched = all.filter((d) => d.status === 'dispatched');
  const view = buildHomeView(null, [], all, { items: props.snapshot.items, timeZone: ZONE, today: props.today });
  const received = all.filter((d) => d.status === 'delivered').slice(0, 5);
  return (
    <>
      <section class="panel" aria-labelledby="to-confirm-heading">
        <h2 id="to-confirm-heading">Deliveries to confirm</h2>
        {dispatched.length === 0 ? <p>No delivery is on its way to you.</p> : null}
        {dispatched.map((d) =>
          props.canReceive ? (
            <ReceiptForm key={d.deliveryId} api={props.api} delivery={d} items={props.snapshot.items} today={props.today} signedInName={props.signedInName ?? ''} onReceived={props.onReceived} />
          ) : (
            <p key={d.deliveryId}>A delivery of {d.date} is on its way. Your role does not allow you to confirm receipts.</p>
          ),
        )}
      </section>
      <section class="panel" aria-labelledby="planned-heading">
        <h2 id="planned-heading">Planned deliveries</h2>
        {view.deliveries.filter((d) => d.status === 'planned').length === 0 ? <p>None planned.</p> : null}
        <ul class="plain">
          {view.deliveries
            .filter((d) => d.status === 'planned')
            .map((d) => (
              <li key={d.deliveryId}>
                <strong>{d.date}</strong>: {d.contents}
              </li>
            ))}
        </ul>
      </section>
      {received.length > 0 ? (
        <section class="panel" aria-labelledby="received-heading">
          <h2 id="received-heading">Recently received</h2>
          <ul class="plain" data-testid="received-deliveries">
            {received.map((d) => (
              <li key={d.deliveryId}>
                {d.date}: received by {d.receivedBy ?? 'someone'}
                {(d.discrepancies ?? []).length > 0
                  ? `; differences: ${(d.discrepancies ?? []).map((x) => `${props.snapshot.items.get(x.sku)?.name ?? x.sku} ${x.received} of ${x.dispatched}`).join(', ')}`
                  : '; in full'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

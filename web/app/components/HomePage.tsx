import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Delivery, Home, HomeRequestCaps, Item, LocationStock, Outbreak, SupplyRequest } from '../../model/api-types.ts';
import { openOutbreak } from '../../model/outbreak.ts';
import { isoDateInZone } from '../../model/format.ts';
import { buildHomeView } from '../../model/home-view.ts';
import type { Permissions } from '../../model/permissions.ts';
import type { Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { useMessages } from '../i18n.tsx';
import { itemName, langOf, nameIn } from '../../model/names.ts';
import { formatDate } from '../../model/format.ts';
import type { Heading } from './Frame.tsx';
import { ItemName, Lines, SLOT, Slotted } from './Named.tsx';
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
  return { home, caps, items, stock, requests, deliveries, outbreak: openOutbreak(outbreaks) };
}

const HOME_SCREENS = ['stock', 'count', 'request', 'deliveries'] as const;

/** A home's own page: its positions, its requests in progress, its deliveries to come. */
export function HomePage(props: {
  api: Api;
  homeId: string;
  permissions: Permissions;
  signedInName: string | null;
  thresholds?: Thresholds | undefined;
  onHeading?: (heading: Heading) => void;
}) {
  const { api, homeId, thresholds, onHeading, permissions } = props;
  const m = useMessages();
  const screens: Screen[] = useMemo(() => HOME_SCREENS.map((id) => ({ id, label: m.t(`home.screen.${id}`) })), [m]);
  const screen = useScreen(screens);
  const cache = useRef<{ items?: Map<string, Item> }>({});
  const live = useAutoRefresh(() => loadHome(api, homeId, cache.current), homeId);
  const snapshot = live.data;
  const homeName = snapshot ? nameIn(snapshot.home, m) : undefined;
  const homeLang = langOf(snapshot?.home, m);
  useEffect(() => {
    if (homeName) onHeading?.({ text: homeName, lang: homeLang });
  }, [homeName, homeLang, onHeading]);
  const today = isoDateInZone(new Date(), ZONE);
  const view = useMemo(
    () => snapshot && buildHomeView(snapshot.stock, snapshot.requests ?? [], snapshot.deliveries ?? [], { items: snapshot.items, timeZone: ZONE, today, thresholds, m }),
    [snapshot, today, thresholds, m],
  );
  return (
    <>
      <ScreenNav screens={screens} current={screen} />
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
          <NotAllowed text={m.t('home.notAllowed.count')} />
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
            <NotAllowed text={m.t('home.notAllowed.request')} />
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
            {m.t('home.overall')} <StatusBadge status={view.status} /> <span class="muted">{m.t('home.overallHint')}</span>
          </p>
          <section aria-labelledby="positions-heading" class="panel">
            <h2 id="positions-heading">{m.t('home.stockHeading')}</h2>
            {view.positions.length === 0 ? (
              <p>{m.t('home.noCounts')}</p>
            ) : (
              <div class="table-scroll" role="region" aria-label={m.t('home.scrolls')} tabIndex={0}>
                <table class="stack-narrow">
                  <thead>
                    <tr>
                      <th scope="col">{m.t('stock.item')}</th>
                      <th scope="col">{m.t('stock.status')}</th>
                      <th scope="col">{m.t('stock.days')}</th>
                      <th scope="col">{m.t('stock.runsOut')}</th>
                      <th scope="col">{m.t('stock.onHandNow')}</th>
                      <th scope="col">{m.t('stock.use')}</th>
                      <th scope="col">{m.t('stock.lastCount')}</th>
                      <th scope="col">{m.t('stock.suggested')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.positions.map((p) => (
                      <tr key={p.sku}>
                        <th scope="row" lang={langOf(snapshot.items.get(p.sku), m)}>{p.itemName}</th>
                        <td data-label={m.t('stock.status')}>
                          <StatusBadge status={p.status} />
                        </td>
                        <td data-label={m.t('stock.days')}>{p.daysText}</td>
                        <td data-label={m.t('stock.runsOut')} class="nowrap">{p.runout}</td>
                        <td data-label={m.t('stock.onHandNow')}>{p.onHandNow}</td>
                        <td data-label={m.t('stock.use')} class="nowrap">{p.usage}</td>
                        <td data-label={m.t('stock.lastCount')}>{p.lastCount}</td>
                        <td data-label={m.t('stock.suggested')}>{p.suggestedOrder}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <div class="columns">
            <section aria-labelledby="requests-heading" class="panel">
              <h2 id="requests-heading">{m.t('home.requestsHeading')}</h2>
              {snapshot.requests === null ? (
                <p class="muted">{m.t('home.requestsUnavailable')}</p>
              ) : view.requests.length === 0 ? (
                <p>{m.t('home.noneInProgress')}</p>
              ) : (
                <ul class="plain">
                  {view.requests.map((r) => (
                    <li key={r.requestId}>
                      <strong>{r.created}</strong> ({r.status}): <Lines lines={r.lines} items={snapshot.items} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="home-deliveries-heading" class="panel">
              <h2 id="home-deliveries-heading">{m.t('home.deliveriesHeading')}</h2>
              {snapshot.deliveries === null ? (
                <p class="muted">{m.t('home.deliveriesUnavailable')}</p>
              ) : view.deliveries.length === 0 ? (
                <p>{m.t('common.nonePlanned')}</p>
              ) : (
                <ul class="plain">
                  {view.deliveries.map((d) => (
                    <li key={d.deliveryId}>
                      <strong>{d.date}</strong> ({d.status}): <Lines lines={d.lines} items={snapshot.items} />
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

function NotAllowed({ text }: { text: string }) {
  return (
    <p class="panel" data-testid="not-allowed">
      {text}
    </p>
  );
}

/** Deliveries on their way (dispatched) with a receipt form each; the rest as a list. */
function HomeDeliveries(props: { api: Api; snapshot: HomeSnapshot; today: string; canReceive: boolean; signedInName: string | null; onReceived: () => void }) {
  const m = useMessages();
  const all = props.snapshot.deliveries ?? [];
  const dispatched = all.filter((d) => d.status === 'dispatched');
  const view = buildHomeView(null, [], all, { items: props.snapshot.items, timeZone: ZONE, today: props.today, m });
  const received = all.filter((d) => d.status === 'delivered').slice(0, 5);
  // Compared by the API's status, not the word shown (which is in the page's language).
  const plannedIds = new Set(all.filter((d) => d.status === 'planned').map((d) => d.deliveryId));
  const planned = view.deliveries.filter((d) => plannedIds.has(d.deliveryId));
  return (
    <>
      <section class="panel" aria-labelledby="to-confirm-heading">
        <h2 id="to-confirm-heading">{m.t('home.toConfirm')}</h2>
        {dispatched.length === 0 ? <p>{m.t('home.noneOnItsWay')}</p> : null}
        {dispatched.map((d) =>
          props.canReceive ? (
            <ReceiptForm key={d.deliveryId} api={props.api} delivery={d} items={props.snapshot.items} today={props.today} signedInName={props.signedInName ?? ''} onReceived={props.onReceived} />
          ) : (
            <p key={d.deliveryId}>{m.t('home.onItsWay', { date: formatDate(d.date, props.today, m) })}</p>
          ),
        )}
      </section>
      <section class="panel" aria-labelledby="planned-heading">
        <h2 id="planned-heading">{m.t('home.planned')}</h2>
        {planned.length === 0 ? <p>{m.t('common.nonePlanned')}</p> : null}
        <ul class="plain">
          {planned
            .map((d) => (
              <li key={d.deliveryId}>
                <strong>{d.date}</strong>: <Lines lines={d.lines} items={props.snapshot.items} />
              </li>
            ))}
        </ul>
      </section>
      {received.length > 0 ? (
        <section class="panel" aria-labelledby="received-heading">
          <h2 id="received-heading">{m.t('home.received')}</h2>
          <ul class="plain" data-testid="received-deliveries">
            {received.map((d) => (
              <li key={d.deliveryId}>
                {m.t('home.receivedBy', { date: formatDate(d.date, props.today, m), name: d.receivedBy ?? m.t('home.someone') })}
                {(d.discrepancies ?? []).length > 0 ? (
                  <Slotted text={m.t('home.differences', { list: SLOT })}>
                    {(d.discrepancies ?? []).map((x, i) => (
                      <span key={x.sku}>
                        {i > 0 ? ', ' : ''}
                        <Slotted text={m.t('home.difference', { item: SLOT, received: x.received, dispatched: x.dispatched })}>
                          <ItemName items={props.snapshot.items} sku={x.sku} />
                        </Slotted>
                      </span>
                    ))}
                  </Slotted>
                ) : (
                  m.t('home.inFull')
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

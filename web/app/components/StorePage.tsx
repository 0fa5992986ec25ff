import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Item } from '../../model/api-types.ts';
import { upcomingDeliveries } from '../../model/deliveries.ts';
import { todaysShortfalls } from '../../model/shortfalls.ts';
import { presentStatus, statusCounts, type Thresholds } from '../../model/status.ts';
import { buildWorklist } from '../../model/worklist.ts';
import type { Api } from '../api.ts';
import { useMessages } from '../i18n.tsx';
import { langOf, nameIn } from '../../model/names.ts';
import { DELIVERY_DAYS, loadStoreSnapshot } from '../store-data.ts';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import type { Permissions } from '../../model/permissions.ts';
import { Deliveries } from './Deliveries.tsx';
import { DeliveryScreen } from './DeliveryScreen.tsx';
import { RequestQueue } from './RequestQueue.tsx';
import { ScreenNav, useScreen, type Screen } from './Screens.tsx';
import { WarehouseScreen } from './WarehouseScreen.tsx';
import { ExportCsv } from './ExportCsv.tsx';
import { Freshness } from './Freshness.tsx';
import { Shortfalls } from './Shortfalls.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { StatusLegend } from './StatusLegend.tsx';
import { SupplyChart } from './SupplyChart.tsx';
import { Worklist } from './Worklist.tsx';
import type { Heading } from './Frame.tsx';

const STORE_SCREENS = ['homes', 'requests', 'deliveries', 'warehouse'] as const;

/** A store's live page: its homes worst first, today's shortfalls, the next deliveries, the chart. */
export function StorePage(props: { api: Api; storeId: string; permissions: Permissions; thresholds?: Thresholds | undefined; onHeading?: (heading: Heading) => void }) {
  const { api, storeId, thresholds, onHeading, permissions } = props;
  const m = useMessages();
  const screens: Screen[] = useMemo(() => STORE_SCREENS.map((id) => ({ id, label: m.t(`store.screen.${id}`) })), [m]);
  const screen = useScreen(screens);
  const itemsCache = useRef<{ items?: Map<string, Item> }>({});
  const live = useAutoRefresh(() => loadStoreSnapshot(api, storeId, itemsCache.current), storeId);
  const snapshot = live.data;
  const store = snapshot?.store;
  const storeName = store ? nameIn(store, m) : undefined;
  const storeLang = langOf(store, m);
  useEffect(() => {
    if (storeName) onHeading?.({ text: storeName, lang: storeLang });
  }, [storeName, storeLang, onHeading]);

  const view = useMemo(() => {
    if (!snapshot) return null;
    const context = { items: snapshot.items, timeZone: snapshot.store.timeZone, today: snapshot.today, thresholds, m };
    const rows = buildWorklist(snapshot.homes, context);
    const names = new Map(snapshot.homes.map((h) => [h.homeId, nameIn(h, m)]));
    const homeLangs = new Map(snapshot.homes.map((h) => [h.homeId, langOf(h, m)]));
    const positions = new Map(snapshot.homes.map((h) => [h.homeId, h.positions ?? []]));
    return {
      rows,
      counts: statusCounts(rows.map((r) => r.status.status)),
      shortfalls: snapshot.shortfalls ? todaysShortfalls(snapshot.shortfalls, names, context) : null,
      deliveries: snapshot.deliveries ? upcomingDeliveries(snapshot.deliveries, names, snapshot.items, snapshot.today, DELIVERY_DAYS, m) : null,
      homeLangs,
      chart: rows.map((r) => ({ homeId: r.homeId, homeName: r.name, positions: positions.get(r.homeId) ?? [] })),
    };
  }, [snapshot, thresholds, m]);

  return (
    <>
      <ScreenNav screens={screens} current={screen} />
      <div class="toolbar">
        <Freshness fetchedAt={live.fetchedAt} error={live.error} loading={live.loading} timeZone={snapshot?.store.timeZone ?? 'Europe/London'} onRefresh={live.refresh} />
        {snapshot ? <ExportCsv api={api} storeId={storeId} today={snapshot.today} /> : null}
      </div>
      {snapshot && screen === 'requests' ? (
        <RequestQueue
          api={api}
          storeId={storeId}
          items={snapshot.items}
          homes={snapshot.homes}
          timeZone={snapshot.store.timeZone}
          today={snapshot.today}
          canApprove={permissions.approve}
        />
      ) : null}
      {snapshot && screen === 'deliveries' ? (
        <DeliveryScreen
          api={api}
          storeId={storeId}
          items={snapshot.items}
          homes={snapshot.homes}
          today={snapshot.today}
          canSchedule={permissions.schedule}
          onChanged={live.refresh}
        />
      ) : null}
      {snapshot && screen === 'warehouse' ? (
        <WarehouseScreen
          api={api}
          storeId={storeId}
          items={snapshot.items}
          timeZone={snapshot.store.timeZone}
          today={snapshot.today}
          canCount={permissions.count}
          thresholds={thresholds}
        />
      ) : null}
      {snapshot && view && screen === 'homes' ? (
        <>
          <p class="summary" data-testid="summary">
            {m.t('store.summaryHomes', { count: view.rows.length })}{' '}
            {view.counts.map((c, i) => (
              <span key={c.status}>
                {i > 0 ? ', ' : ''}
                {m.number(c.count)} <StatusBadge status={presentStatus(c.status, thresholds, m)} small />
              </span>
            ))}
          </p>
          <Worklist rows={view.rows} storeName={storeName ?? snapshot.store.name} thresholds={thresholds} />
          <div class="columns">
            <Shortfalls shortfalls={view.shortfalls} today={snapshot.today} thresholds={thresholds} items={snapshot.items} homeLangs={view.homeLangs} />
            <Deliveries days={view.deliveries} window={DELIVERY_DAYS} items={snapshot.items} homeLangs={view.homeLangs} />
          </div>
          <SupplyChart homes={view.chart} items={snapshot.items} thresholds={thresholds} />
          <StatusLegend thresholds={thresholds} />
        </>
      ) : null}
    </>
  );
}

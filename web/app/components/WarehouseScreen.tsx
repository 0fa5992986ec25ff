import type { Item, LocationStock } from '../../model/api-types.ts';
import { buildHomeView } from '../../model/home-view.ts';
import type { Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import { CountForm } from './CountForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useMessages } from '../i18n.tsx';
import { langOf } from '../../model/names.ts';

/** The store's own warehouse: days of supply and status per item, and its count (the same form as a home's). */
export function WarehouseScreen(props: { api: Api; storeId: string; items: Map<string, Item>; timeZone: string; today: string; canCount: boolean; thresholds?: Thresholds | undefined }) {
  const m = useMessages();
  const path = `/v1/stores/${encodeURIComponent(props.storeId)}`;
  const live = useAutoRefresh(() => props.api.get<LocationStock>(`${path}/stock`), props.storeId);
  const view = live.data && buildHomeView(live.data, [], [], { items: props.items, timeZone: props.timeZone, today: props.today, thresholds: props.thresholds, m });
  return (
    <>
      <section class="panel" aria-labelledby="warehouse-heading">
        <h2 id="warehouse-heading">{m.t('warehouse.heading')}</h2>
        {live.error ? <p class="warning">{live.error}</p> : null}
        {view && view.positions.length === 0 ? <p>{m.t('warehouse.nothing')}</p> : null}
        {view && view.positions.length > 0 ? (
          <div class="table-scroll" role="region" aria-label={m.t('warehouse.scrolls')} tabIndex={0}>
            <table class="stack-narrow" data-testid="warehouse">
              <thead>
                <tr>
                  <th scope="col">{m.t('stock.item')}</th>
                  <th scope="col">{m.t('stock.status')}</th>
                  <th scope="col">{m.t('stock.days')}</th>
                  <th scope="col">{m.t('stock.onHandNow')}</th>
                  <th scope="col">{m.t('stock.lastCount')}</th>
                </tr>
              </thead>
              <tbody>
                {view.positions.map((p) => (
                  <tr key={p.sku} data-sku={p.sku}>
                    <th scope="row" lang={langOf(props.items.get(p.sku), m)}>
                      {p.itemName}
                    </th>
                    <td data-label={m.t('stock.status')}>
                      <StatusBadge status={p.status} />
                    </td>
                    <td data-label={m.t('stock.days')}>{p.daysText}</td>
                    <td data-label={m.t('stock.onHandNow')}>{p.onHandNow}</td>
                    <td data-label={m.t('stock.lastCount')}>{p.lastCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {props.canCount && live.data ? (
        <CountForm
          api={props.api}
          postPath={`${path}/stock-counts`}
          positions={live.data.positions}
          items={props.items}
          timeZone={props.timeZone}
          today={props.today}
          thresholds={props.thresholds}
          onCounted={live.refresh}
        />
      ) : null}
    </>
  );
}

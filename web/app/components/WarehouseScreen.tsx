import type { Item, LocationStock } from '../../model/api-types.ts';
import { buildHomeView } from '../../model/home-view.ts';
import type { Thresholds } from '../../model/status.ts';
import type { Api } from '../api.ts';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import { CountForm } from './CountForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** The store's own warehouse: days of supply and status per item, and its count (the same form as a home's). */
export function WarehouseScreen(props: { api: Api; storeId: string; items: Map<string, Item>; timeZone: string; today: string; canCount: boolean; thresholds?: Thresholds | undefined }) {
  const path = `/v1/stores/${encodeURIComponent(props.storeId)}`;
  const live = useAutoRefresh(() => props.api.get<LocationStock>(`${path}/stock`), props.storeId);
  const view = live.data && buildHomeView(live.data, [], [], { items: props.items, timeZone: props.timeZone, today: props.today, thresholds: props.thresholds });
  return (
    <>
      <section class="panel" aria-labelledby="warehouse-heading">
        <h2 id="warehouse-heading">Warehouse stock</h2>
        {live.error ? <p class="warning">{live.error}</p> : null}
        {view && view.positions.length === 0 ? <p>Nothing counted yet.</p> : null}
        {view && view.positions.length > 0 ? (
          <div class="table-scroll" role="region" aria-label="Warehouse table, scrolls sideways" tabIndex={0}>
            <table class="stack-narrow" data-testid="warehouse">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Status</th>
                  <th scope="col">Days of supply</th>
                  <th scope="col">On hand now (estimated)</th>
                  <th scope="col">Last count</th>
                </tr>
              </thead>
              <tbody>
                {view.positions.map((p) => (
                  <tr key={p.sku} data-sku={p.sku}>
                    <th scope="row">{p.itemName}</th>
                    <td data-label="Status">
                      <StatusBadge status={p.status} />
                    </td>
                    <td data-label="Days of supply">{p.daysText}</td>
                    <td data-label="On hand now (estimated)">{p.onHandNow}</td>
                    <td data-label="Last count">{p.lastCount}</td>
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

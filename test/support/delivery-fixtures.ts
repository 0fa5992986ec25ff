/** Fixtures for the delivery tests: a store, its homes and stock, approved requests, plans, and table read-backs. */
import { addDays, weekdayOf, type Weekday } from '../../functions/domain/calendar-date.ts';
import { dateInZone } from '../../functions/domain/zoned-dates.ts';
import { testCatalogue } from './stock-fixtures.ts';
import type { ApiResponse, TestApi } from './test-api.ts';

export type Line = { sku: string; quantity: number };

/** Today in Europe/London, the stores' default zone: plans may start no earlier. */
export const today = () => dateInZone(new Date(), 'Europe/London');
/** The weekday `n` days from today: a rota day that falls exactly there. */
export const weekdayIn = (n: number): Weekday => weekdayOf(addDays(today(), n));
export { addDays };

export interface StoreFixture {
  storeId: string;
  capacityPerDay: number;
  closedDates?: string[];
  /** homeId → rota days */
  homes: Record<string, Weekday[]>;
  /** The store's own stock: SKU → on hand (usage 0). */
  stock?: Record<string, number>;
}

export async function setupStore(api: TestApi, fixture: StoreFixture): Promise<{ admin: string; store: string }> {
  const admin = await api.token('admin');
  const put = async (path: string, body: unknown) => {
    const response = await api.request('PUT', path, { token: admin, body });
    if (response.status !== 200) throw new Error(`PUT ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  };
  for (const { sku, ...item } of testCatalogue) await put(`/v1/items/${sku}`, item);
  await put(`/v1/stores/${fixture.storeId}`, { name: fixture.storeId, capacityPerDay: fixture.capacityPerDay, closedDates: fixture.closedDates ?? [] });
  for (const [homeId, deliveryDays] of Object.entries(fixture.homes)) {
    await put(`/v1/homes/${homeId}`, { name: homeId, storeId: fixture.storeId, beds: 40, deliveryDays });
  }
  const store = await api.token(`store:${fixture.storeId}`);
  if (fixture.stock) {
    const lines = Object.entries(fixture.stock).map(([sku, onHand]) => ({ sku, onHand }));
    await expectStatus(api.request('POST', `/v1/stores/${fixture.storeId}/stock-counts`, { token: store, body: { countedAt: minutesAgo(5), lines } }), 200);
  }
  return { admin, store };
}

export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export async function countHome(api: TestApi, token: string, homeId: string, lines: { sku: string; onHand: number; dailyUsage?: number }[], countedAt = minutesAgo(5)) {
  return expectStatus(api.request('POST', `/v1/homes/${homeId}/stock-counts`, { token, body: { countedAt, lines } }), 200);
}

/** Submitted and approved in full by `token` (the store or an admin); returns the request id. */
export async function approvedRequest(api: TestApi, token: string, homeId: string, lines: Line[]): Promise<string> {
  const submitted = await expectStatus(api.request('POST', `/v1/homes/${homeId}/requests`, { token, body: { lines } }), 201);
  const id = submitted.body.requestId as string;
  await expectStatus(api.request('POST', `/v1/requests/${id}/approve`, { token, body: { lines } }), 200);
  return id;
}

export function plan(api: TestApi, token: string, storeId: string, from: string, days: number): Promise<ApiResponse> {
  return api.request('POST', `/v1/stores/${storeId}/delivery-plans`, { token, body: { from, days } });
}

export const dispatch = (api: TestApi, token: string, deliveryId: string) => api.request('POST', `/v1/deliveries/${deliveryId}/dispatch`, { token });
export const receive = (api: TestApi, token: string, deliveryId: string, lines: Line[], receivedBy = 'Rhian Evans') =>
  api.request('POST', `/v1/deliveries/${deliveryId}/receipt`, { token, body: { receivedBy, lines } });

export async function expectStatus(pending: Promise<ApiResponse>, status: number): Promise<ApiResponse> {
  const response = await pending;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response;
}

/** Stored positions of a location: SKU → { onHand, inbound }. */
export async function positionsOf(api: TestApi, pk: string): Promise<Record<string, { onHand: number; inbound: number }>> {
  const items = (await api.tableItems()).filter((i) => i.entity === 'StockPosition' && i.PK === pk);
  return Object.fromEntries(items.map((i) => [i.sku as string, { onHand: Number(i.onHand), inbound: Number(i.inbound) }]));
}

export async function entities(api: TestApi, entity: string): Promise<Record<string, any>[]> {
  return (await api.tableItems()).filter((i) => i.entity === entity);
}

/** Fixtures for the stock tests: a catalogue, stores and homes put through the API, and instants relative to now. */
import type { TestApi } from './test-api.ts';

export const DAY_MS = 86_400_000;

/** An instant `days` before now (fractions allowed), canonical UTC. */
export const daysAgo = (days: number, now = Date.now()) => new Date(now - days * DAY_MS).toISOString();

export const testCatalogue = [
  { sku: 'MASK-IIR', name: 'Type IIR mask', unit: 'mask', packSize: 50 },
  { sku: 'MASK-FFP3', name: 'FFP3 respirator', unit: 'respirator', packSize: 20 },
  { sku: 'GLOVE-NITRILE-M', name: 'Nitrile glove M', unit: 'glove', packSize: 100 },
  { sku: 'APRON', name: 'Apron', unit: 'apron', packSize: 200 },
  { sku: 'GOWN-FR', name: 'Gown', unit: 'gown', packSize: 10 },
  { sku: 'VISOR', name: 'Visor', unit: 'visor', packSize: 25 },
  { sku: 'HAND-SANITISER-500ML', name: 'Sanitiser', unit: 'bottle', packSize: 12 },
];

export interface RegistryFixture {
  stores: string[];
  /** homeId → storeId */
  homes: Record<string, string>;
  /** Extra SKUs beyond testCatalogue (pack size 1). */
  extraSkus?: string[];
}

export async function seedRegistry(api: TestApi, fixture: RegistryFixture): Promise<string> {
  const admin = await api.token('admin');
  const put = async (path: string, body: unknown) => {
    const response = await api.request('PUT', path, { token: admin, body });
    if (response.status !== 200) throw new Error(`PUT ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  };
  for (const { sku, ...item } of testCatalogue) await put(`/v1/items/${sku}`, item);
  for (const sku of fixture.extraSkus ?? []) await put(`/v1/items/${sku}`, { name: sku, unit: 'each', packSize: 1 });
  for (const storeId of fixture.stores) await put(`/v1/stores/${storeId}`, { name: storeId, capacityPerDay: 3 });
  for (const [homeId, storeId] of Object.entries(fixture.homes)) {
    await put(`/v1/homes/${homeId}`, { name: homeId, storeId, beds: 30, deliveryDays: ['MON', 'THU'] });
  }
  return admin;
}

/** `count(api, token, '/v1/homes/h1', daysAgo(2), [{ sku, onHand }])` → the response. */
export async function postCount(
  api: TestApi,
  token: string,
  location: string,
  countedAt: string,
  lines: Record<string, unknown>[],
) {
  return api.request('POST', `${location}/stock-counts`, { token, body: { countedAt, lines } });
}

/**
 * An administrator sets up the catalogue, a store and its homes; the store and a home read them
 * back; anyone pages through the catalogue; mistakes come back as typed problems.
 */
import { expect } from 'vitest';
import type { Journey } from '../journey.ts';
import { problemOf, typedClient, type Schemas } from './typed-client.ts';

const catalogue: Schemas['ItemInput'][] = [
  { name: 'Type IIR surgical mask', unit: 'mask', packSize: 50 },
  { name: 'FFP3 respirator', unit: 'mask', packSize: 20 },
  { name: 'Nitrile gloves, medium', unit: 'glove', packSize: 100 },
  { name: 'Disposable apron', unit: 'apron', packSize: 200 },
  { name: 'Face visor', unit: 'visor', packSize: 10 },
];
const skus = ['E2E-MASK-IIR', 'E2E-MASK-FFP3', 'E2E-GLOVE-M', 'E2E-APRON', 'E2E-VISOR'];

export const journey: Journey = {
  name: 'an administrator registers items, a store and homes; they read them back and page through the catalogue',
  async run({ baseUrl, token }) {
    const admin = typedClient(baseUrl, await token('admin'));

    for (const [index, body] of catalogue.entries()) {
      const sku = skus[index]!;
      const { data, error } = await admin.PUT('/v1/items/{sku}', { params: { path: { sku } }, body });
      expect(error).toBeUndefined();
      const item: Schemas['Item'] = data!;
      expect(item).toMatchObject({ sku, ...body });
    }

    const store = await admin.PUT('/v1/stores/{storeId}', {
      params: { path: { storeId: 'e2e-cardiff' } },
      body: { name: 'Cardiff JES', capacityPerDay: 4, closedDates: ['2026-12-25'] },
    });
    expect(store.data).toMatchObject({ storeId: 'e2e-cardiff', timeZone: 'Europe/London', closedDates: ['2026-12-25'] });

    for (const [homeId, deliveryDays] of [['e2e-ty-gwyn', ['MON', 'THU']], ['e2e-plas-newydd', ['TUE']]] as const) {
      const home = await admin.PUT('/v1/homes/{homeId}', {
        params: { path: { homeId } },
        body: { name: homeId, storeId: 'e2e-cardiff', beds: 30, deliveryDays: [...deliveryDays] },
      });
      expect(home.response.status).toBe(200);
      expect(home.data?.storeId).toBe('e2e-cardiff');
    }

    const storeClient = typedClient(baseUrl, await token('store:e2e-cardiff'));
    expect((await storeClient.GET('/v1/stores/{storeId}', { params: { path: { storeId: 'e2e-cardiff' } } })).data?.capacityPerDay).toBe(4);
    expect((await storeClient.GET('/v1/homes/{homeId}', { params: { path: { homeId: 'e2e-ty-gwyn' } } })).data?.deliveryDays).toEqual(['MON', 'THU']);
    const homeClient = typedClient(baseUrl, await token('home:e2e-plas-newydd'));
    expect((await homeClient.GET('/v1/homes/{homeId}', { params: { path: { homeId: 'e2e-plas-newydd' } } })).data?.beds).toBe(30);

    // Every page at most `limit` long; every item exactly once; the last page says so with null.
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const { data } = await homeClient.GET('/v1/items', { params: { query: { limit: 2, ...(cursor ? { cursor } : {}) } } });
      const page: Schemas['ItemPage'] = data!;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.sku));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    for (const sku of skus) expect(seen.filter((s) => s === sku)).toHaveLength(1);

    const missing = await homeClient.GET('/v1/items/{sku}', { params: { path: { sku: 'E2E-NO-SUCH' } } });
    expect(problemOf(missing.error)).toMatchObject({ status: 404, title: 'Not found' });

    const refused = await admin.PUT('/v1/items/{sku}', {
      params: { path: { sku: 'E2E-BAD' } },
      body: { name: 'Bad', unit: 'each', packSize: 0 },
    });
    expect(problemOf(refused.error)?.errors).toEqual([expect.objectContaining({ in: 'body', path: '/packSize' })]);

    // A 403 may come from Carestock (a problem) or, on AWS, from the gateway ({ message }): the types say both.
    const forbidden = await storeClient.GET('/v1/stores/{storeId}', { params: { path: { storeId: 'someone-else' } } });
    expect(forbidden.response.status).toBe(403);
    expect(problemOf(forbidden.error)?.detail).toMatch(/may not access store/);

    // The types are the document's, not `any`: a body of the wrong shape does not compile.
    // @ts-expect-error packSize is a whole number, not a string
    const wrongType: Schemas['ItemInput'] = { name: 'x', unit: 'each', packSize: '50' };
    // @ts-expect-error ItemInput takes no sku: it comes from the path
    const extraField: Schemas['ItemInput'] = { sku: 'X', name: 'x', unit: 'each', packSize: 1 };
    expect([wrongType, extraField]).toHaveLength(2);
  },
};

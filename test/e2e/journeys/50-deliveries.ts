/**
 * A store plans its approved requests into deliveries, reads the driver's manifest and dispatches;
 * the home confirms what arrived, one box short, and the discrepancy is on the record.
 */
import { expect } from 'vitest';
import type { Journey } from '../journey.ts';
import { problemOf, typedClient } from './typed-client.ts';

const storeId = 'e2e-dlv-store';
const homeId = 'e2e-dlv-home';
const sku = 'E2E-DLV-GLOVE';

export const journey: Journey = {
  name: 'a store plans deliveries and dispatches them; the home confirms receipt',
  async run({ baseUrl, token }) {
    const admin = typedClient(baseUrl, await token('admin'));
    await admin.PUT('/v1/items/{sku}', { params: { path: { sku } }, body: { name: 'Nitrile glove', unit: 'glove', packSize: 100 } });
    await admin.PUT('/v1/stores/{storeId}', { params: { path: { storeId } }, body: { name: 'Delivery JES', capacityPerDay: 4 } });
    await admin.PUT('/v1/homes/{homeId}', {
      params: { path: { homeId } },
      body: { name: 'Delivery home', storeId, beds: 30, deliveryDays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] },
    });
    const store = typedClient(baseUrl, await token(`store:${storeId}`));
    const home = typedClient(baseUrl, await token(`home:${homeId}`));
    const countedAt = new Date(Date.now() - 3_600_000).toISOString();
    await store.POST('/v1/stores/{storeId}/stock-counts', { params: { path: { storeId } }, body: { countedAt, lines: [{ sku, onHand: 1000 }] } });
    const asked = await home.POST('/v1/homes/{homeId}/requests', { params: { path: { homeId } }, body: { lines: [{ sku, quantity: 400 }] } });
    const requestId = asked.data!.requestId;
    await store.POST('/v1/requests/{requestId}/approve', { params: { path: { requestId } }, body: { lines: [{ sku, quantity: 400 }] } });

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const plan = await store.POST('/v1/stores/{storeId}/delivery-plans', { params: { path: { storeId } }, body: { from: today, days: 7 } });
    const [delivery] = plan.data!.deliveries;
    expect(delivery).toMatchObject({ homeId, date: today, requestIds: [requestId], lines: [{ sku, quantity: 400 }], emergency: false });
    const deliveryId = delivery!.deliveryId;

    const manifest = await store.GET('/v1/stores/{storeId}/deliveries', { params: { path: { storeId }, query: { date: today } } });
    expect(manifest.data!.totals).toEqual([{ sku, quantity: 400 }]);

    const notYet = await home.POST('/v1/deliveries/{deliveryId}/receipt', {
      params: { path: { deliveryId } },
      body: { receivedBy: 'Dafydd', lines: [{ sku, quantity: 400 }] },
    });
    expect(problemOf(notYet.error)?.status).toBe(409);

    const sent = await store.POST('/v1/deliveries/{deliveryId}/dispatch', { params: { path: { deliveryId } } });
    expect(sent.data!.status).toBe('dispatched');
    const received = await home.POST('/v1/deliveries/{deliveryId}/receipt', {
      params: { path: { deliveryId } },
      body: { receivedBy: 'Dafydd', lines: [{ sku, quantity: 300 }] },
    });
    expect(received.data!.discrepancies).toEqual([{ sku, dispatched: 400, received: 300 }]);

    const mine = await home.GET('/v1/homes/{homeId}/deliveries', { params: { path: { homeId } } });
    expect(mine.data!.items.map((d) => [d.deliveryId, d.status])).toEqual([[deliveryId, 'delivered']]);
    const stock = await home.GET('/v1/homes/{homeId}/stock', { params: { path: { homeId } } });
    expect(stock.data!.positions.find((p) => p.sku === sku)?.onHand).toBe(300);
  },
};

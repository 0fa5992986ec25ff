/**
 * The deployed sender's handler (functions/handlers/webhook-sender.ts) on DynamoDB Local: a stream
 * record of a new webhook event, as Lambda's event source mapping hands it over (marshalled new
 * image), is fanned out and delivered at once; a scheduled invocation sweeps. No in-process sender
 * runs in this file, so only the handler delivers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import { handler } from '../../functions/handlers/webhook-sender.ts';
import { localLambdaContext } from '../../bin/local/api-gateway-adapter.ts';
import { act, itemsOf, submitted } from '../support/request-fixtures.ts';
import { seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';
import { startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/webhook-receiver.ts';

const api = useTestApi();
let receiver: WebhookReceiver;
const context = () => localLambdaContext('webhook-sender', `test-${Date.now()}`, 120_000);

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  await seedRegistry(api(), { stores: ['s1'], homes: { h1: 's1' } });
}, 60_000);

afterAll(async () => {
  await receiver?.close();
});

it('a stream record of a new event is delivered at once, signed; the next sweep finds nothing left to do', async () => {
  const [home, store] = await Promise.all([api().token('home:h1'), api().token('store:s1')]);
  const created = await api().request('POST', '/v1/homes/h1/webhooks', { token: home, body: { url: receiver.url('/ok/lambda'), eventTypes: ['request.approved'] } });
  expect(created.status).toBe(201);
  const requestId = await submitted(api(), home, 'h1', [{ sku: 'MASK-IIR', quantity: 10 }]);
  expect((await act(api(), store, requestId, 'approve', { lines: [{ sku: 'MASK-IIR', quantity: 10 }] })).status).toBe(200);
  const [event] = await itemsOf(api(), 'WebhookEvent');
  expect(event).toMatchObject({ type: 'request.approved', GSI2PK: 'WEBHOOK-OUTBOX' });

  const record = { eventName: 'INSERT', dynamodb: { NewImage: marshall(event!, { removeUndefinedValues: true }) } };
  const modify = { eventName: 'MODIFY', dynamodb: { NewImage: marshall(event!, { removeUndefinedValues: true }) } };
  expect(await handler({ Records: [record, modify] }, context())).toEqual({ events: 1, deliveries: 1 });
  const [got] = receiver.on('/ok/lambda');
  expect(verifyStandardWebhook(created.body.secret, got!.headers, got!.body)).toBe(true);
  expect(got!.headers['webhook-id']).toBe(event!.eventId);

  // Fanned out: off the outbox; the sweep (the every-minute schedule) has nothing to do, and the same record again delivers nothing twice.
  expect((await itemsOf(api(), 'WebhookEvent'))[0]!.GSI2PK).toBeUndefined();
  expect(await handler({ source: 'carestock.scheduler', 'detail-type': 'Webhook Sweep' }, context())).toEqual({ fannedOut: 0, attempted: 0 });
  expect(await handler({ Records: [record] }, context())).toEqual({ events: 1, deliveries: 0 });
  expect(receiver.on('/ok/lambda')).toHaveLength(1);
});

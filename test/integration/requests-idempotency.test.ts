/**
 * Idempotency-Key on POST /v1/homes/{homeId}/requests, against DynamoDB Local: replay, 422 on a
 * different body, 409 while the first is in flight, 24-hour expiry (DynamoDB Local never deletes
 * expired items, so expiry must be honoured on read), and keys scoped to caller and path.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/data/dynamodb-client.ts';
import { seedRegistry } from '../support/stock-fixtures.ts';
import { itemsOf, submit, type Line } from '../support/request-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let home1: string;
let home2: string;
let store: string;
const masks: Line[] = [{ sku: 'MASK-IIR', quantity: 100 }];
const aprons: Line[] = [{ sku: 'APRON', quantity: 400 }];
const withKey = (key: string) => ({ 'idempotency-key': key });

beforeAll(async () => {
  await seedRegistry(api(), { stores: ['s1'], homes: { h1: 's1', h2: 's1' } });
  [home1, home2, store] = await Promise.all([api().token('home:h1'), api().token('home:h2'), api().token('store:s1')]);
});

afterEach(() => vi.restoreAllMocks());

const requestCount = async () => (await itemsOf(api(), 'Request')).length;
const idempotencyRecords = async (): Promise<Record<string, any>[]> => (await api().tableItems()).filter((item) => String(item.PK).startsWith('IDEMPOTENCY#'));

describe('Idempotency-Key', () => {
  it('the same key and body replay the first response — same status, same body — and create nothing', async () => {
    const first = await submit(api(), home1, 'h1', masks, withKey('replay-key-0001'));
    expect(first.status).toBe(201);
    const count = await requestCount();
    const again = await submit(api(), home1, 'h1', masks, withKey('replay-key-0001'));
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await requestCount()).toBe(count);
  });

  it('the same body with its keys in another order is the same body', async () => {
    const key = withKey('reordered-key-01');
    const first = await api().request('POST', '/v1/homes/h1/requests', { token: home1, headers: key, body: { note: 'Weekly order', lines: masks } });
    const again = await api().request('POST', '/v1/homes/h1/requests', { token: home1, headers: key, raw: true, body: `{"lines":[{"quantity":100,"sku":"MASK-IIR"}],  "note":"Weekly order"}` });
    expect(again.status).toBe(201);
    expect(again.body.requestId).toBe(first.body.requestId);
  });

  it('the same key with a different body → 422, nothing created', async () => {
    await submit(api(), home1, 'h1', masks, withKey('reused-key-00001'));
    const count = await requestCount();
    const reused = await submit(api(), home1, 'h1', aprons, withKey('reused-key-00001'));
    expect(reused.status).toBe(422);
    expect(reused.body.detail).toContain('different body');
    expect(await requestCount()).toBe(count);
  });

  it('a duplicate while the first is still in flight → 409 with Retry-After; only one request is created', async () => {
    const send = documentClient.send.bind(documentClient);
    let reachedWrite!: () => void;
    const writing = new Promise<void>((resolve) => (reachedWrite = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(documentClient, 'send').mockImplementation((async (command: { constructor: { name: string }; input: { Item?: { entity?: string } } }) => {
      if (command.constructor.name === 'PutCommand' && command.input.Item?.entity === 'Request') {
        reachedWrite();
        await released;
      }
      return send(command as never);
    }) as never);
    const count = await requestCount();
    const first = submit(api(), home1, 'h1', masks, withKey('in-flight-key-01'));
    await writing;
    const duplicate = await submit(api(), home1, 'h1', masks, withKey('in-flight-key-01'));
    release();
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(201);
    expect(await requestCount()).toBe(count + 1);
  });

  it('keys expire after 24 hours; an expired record is ignored even though DynamoDB Local never deletes it', async () => {
    const first = await submit(api(), home1, 'h1', masks, withKey('expiring-key-001'));
    const [record] = (await idempotencyRecords()).filter((r) => r.response && JSON.parse(r.response.json).requestId === first.body.requestId);
    expect(record).toMatchObject({ status: 'COMPLETED', SK: expect.stringMatching(/^POST \/v1\/homes\/\{homeId\}\/requests#/) });
    const ttlHours = (record!.ttl - Date.now() / 1000) / 3600;
    expect(ttlHours).toBeGreaterThan(23.9);
    expect(ttlHours).toBeLessThan(24.01);

    // Age the record past its expiry, as 24 hours would.
    const raw = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await raw.send(new UpdateCommand({ TableName: api().system.tableName, Key: { PK: record!.PK, SK: record!.SK }, UpdateExpression: 'SET #ttl = :past', ExpressionAttributeNames: { '#ttl': 'ttl' }, ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 } }));

    const count = await requestCount();
    const afterExpiry = await submit(api(), home1, 'h1', aprons, withKey('expiring-key-001'));
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.body.requestId).not.toBe(first.body.requestId);
    expect(afterExpiry.headers.get('idempotent-replayed')).toBeNull();
    expect(await requestCount()).toBe(count + 1);
    // The key now belongs to the new request.
    expect((await submit(api(), home1, 'h1', aprons, withKey('expiring-key-001'))).body.requestId).toBe(afterExpiry.body.requestId);
  });

  it('two homes using the same key never collide; nor does a store using one key for two homes', async () => {
    const a = await submit(api(), home1, 'h1', masks, withKey('shared-key-00001'));
    const b = await submit(api(), home2, 'h2', masks, withKey('shared-key-00001'));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.requestId).not.toBe(a.body.requestId);
    expect(b.body.homeId).toBe('h2');

    const c = await submit(api(), store, 'h1', masks, withKey('store-key-000001'));
    const d = await submit(api(), store, 'h2', masks, withKey('store-key-000001'));
    expect([c.status, d.status]).toEqual([201, 201]);
    expect(new Set([a, b, c, d].map((r) => r.body.requestId)).size).toBe(4);
  });

  it('a refused attempt does not use up its key: the corrected request goes through with it', async () => {
    const bad = await submit(api(), home1, 'h1', [{ sku: 'NOT-AN-ITEM', quantity: 1 }], withKey('corrected-key-01'));
    expect(bad.status).toBe(400);
    const good = await submit(api(), home1, 'h1', masks, withKey('corrected-key-01'));
    expect(good.status).toBe(201);
  });

  it('without a key, each post is a new request', async () => {
    const count = await requestCount();
    await submit(api(), home1, 'h1', masks);
    await submit(api(), home1, 'h1', masks);
    expect(await requestCount()).toBe(count + 2);
  });
});

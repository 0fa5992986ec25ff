/**
 * The guide's webhook verification (docs/integrating.md, the block after `<!-- guide-webhook-verify`)
 * is extracted, compiled and run against deliveries signed the way the sender
 * signs them: a genuine one passes, a tampered body, another secret and a stale timestamp do not.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { webhookHeaders } from '../../functions/domain/webhooks.ts';
import { newSecret } from '../../functions/webhooks/subscriptions.ts';

type Verify = (secret: string, headers: Record<string, string | undefined>, rawBody: string, now?: number) => { type: string; data: { homeId: string } };
let verify: Verify;

beforeAll(async () => {
  const guide = readFileSync('docs/integrating.md', 'utf8');
  const match = /<!-- guide-webhook-verify[^>]*-->\n```ts\n([\s\S]*?)\n```\n/.exec(guide);
  if (!match) throw new Error('docs/integrating.md has no guide-webhook-verify block');
  const directory = join(process.cwd(), '.build', 'guide');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'webhook-verify.ts');
  writeFileSync(file, match[1]! + '\n');
  verify = ((await import(file)) as { verifyCarestockWebhook: Verify }).verifyCarestockWebhook;
});

describe('the guide’s webhook verification', () => {
  const body = JSON.stringify({ type: 'request.approved', timestamp: '2026-03-10T08:00:00.000Z', data: { homeId: 'ty-gwyn', requestId: 'r1' } });
  const now = 1_773_129_600_000;
  const seconds = Math.floor(now / 1000);

  it('accepts a delivery signed as the sender signs it, and returns the event', () => {
    const secret = newSecret();
    const headers = webhookHeaders(secret, 'msg_0123456789abcdef0123456789abcdef', seconds, body);
    expect(verify(secret, headers, body, now)).toMatchObject({ type: 'request.approved', data: { homeId: 'ty-gwyn' } });
    expect(verify(secret, { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` }, body, now).type).toBe('request.approved');
  });

  it('refuses a tampered body, another secret, a stale or future timestamp, a missing header', () => {
    const secret = newSecret();
    const headers = webhookHeaders(secret, 'msg_1', seconds, body);
    expect(() => verify(secret, headers, body.replace('r1', 'r2'), now)).toThrow(/signature/);
    expect(() => verify(newSecret(), headers, body, now)).toThrow(/signature/);
    expect(() => verify(secret, headers, body, now + 301_000)).toThrow(/timestamp/);
    expect(() => verify(secret, headers, body, now - 301_000)).toThrow(/timestamp/);
    expect(() => verify(secret, { ...headers, 'webhook-id': undefined }, body, now)).toThrow(/header/);
  });
});

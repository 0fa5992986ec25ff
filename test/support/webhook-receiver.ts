/**
 * A webhook receiver on 127.0.0.1 for the tests and the bench: it records every POST (path,
 * headers, raw body, when it arrived) and answers each path as told (`/ok/...` 204, `/fail/...` 500).
 * Its signature check is written from the Standard Webhooks specification with node:crypto alone,
 * independently of the sender's code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: (path: string) => string;
  received: Received[];
  on(path: string): Received[];
  /** Resolves once `path` has received `count` deliveries (polls; rejects after `timeoutMs`). */
  waitFor(path: string, count?: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(statusOf: (path: string) => number = (path) => (path.startsWith('/fail') ? 500 : 204)): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: performance.now() });
      response.writeHead(statusOf(request.url ?? '')).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const on = (path: string) => received.filter((r) => r.path === path);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    on,
    async waitFor(path, count = 1, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (on(path).length < count) {
        if (Date.now() > until) throw new Error(`${path}: ${on(path).length} of ${count} deliveries within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return on(path);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Standard Webhooks verification, from the spec: the key is the base64 after `whsec_`; the signed
 * content is `${webhook-id}.${webhook-timestamp}.${body}`; HMAC-SHA256, base64; the header holds
 * space-separated `v1,<signature>` entries, any one of which may match.
 */
export function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  const signatures = String(headers['webhook-signature'] ?? '').split(' ');
  const key = Buffer.from(secret.split('_')[1]!, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.some((entry) => {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * One POST to a subscriber, with the address checked at the moment of connecting: the socket's own
 * DNS lookup goes through `addressVerdict`, so a name that resolved to a public address when the
 * subscription was made and to 169.254.169.254 now (DNS rebinding) is refused before a byte is
 * sent. Redirects are not followed (a 3xx is a failed attempt). The response body is read up to a
 * small limit and dropped.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressVerdict, urlVerdict, type UrlMode } from '../domain/webhooks.ts';
import { t } from '../i18n/messages.ts';

export interface TransportResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** Sends `body` with `headers` to `url`; never throws. */
export type WebhookTransport = (url: string, headers: Record<string, string>, body: string) => Promise<TransportResult>;

/** Where the rules are applied: `CARESTOCK_WEBHOOK_URL_MODE=local` is set only by the local runtime; anything else is deployed. */
export const webhookUrlMode = (): UrlMode => (process.env.CARESTOCK_WEBHOOK_URL_MODE === 'local' ? 'local' : 'deployed');

export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** A lookup that refuses any address the rules refuse (every address a name has, not only the first). */
export function guardedLookup(mode: UrlMode): LookupFunction {
  return ((hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.map((a) => addressVerdict(a.address, mode)).find((v) => !v.ok);
      if (bad && !bad.ok) return callback(Object.assign(new Error(bad.reason), { code: 'EADDRREFUSED' }), '', 0);
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  }) as LookupFunction;
}

/** The addresses a host has, each checked; the reason of the first refused (or that it does not resolve). */
export async function resolvedVerdict(host: string, mode: UrlMode, timeoutMs = 3000): Promise<{ ok: true } | { ok: false; reason: string }> {
  const addresses = await new Promise<LookupAddress[] | Error>((resolve) => {
    const timer = setTimeout(() => resolve(new Error('timeout')), timeoutMs);
    dnsLookup(host, { all: true }, (error, list) => {
      clearTimeout(timer);
      resolve(error ?? list);
    });
  });
  if (addresses instanceof Error || addresses.length === 0) return { ok: false, reason: t('webhook.host.unresolved', { host }) };
  for (const a of addresses) {
    const verdict = addressVerdict(a.address, mode);
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}

export function httpTransport(mode: UrlMode = webhookUrlMode(), timeoutMs = WEBHOOK_TIMEOUT_MS): WebhookTransport {
  return (url, headers, body) =>
    new Promise((resolve) => {
      const started = performance.now();
      const done = (status: number | null, error: string | null) => resolve({ status, error, durationMs: Math.round(performance.now() - started) });
      const verdict = urlVerdict(url, mode);
      if (!verdict.ok) return done(null, verdict.reason);
      const send = verdict.url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        verdict.url,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Carestock-Webhooks/1' },
          lookup: guardedLookup(mode),
          timeout: timeoutMs,
        },
        (response) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) response.destroy();
          });
          response.on('end', () => done(response.statusCode ?? null, null));
          response.on('close', () => done(response.statusCode ?? null, null));
          response.on('error', () => done(response.statusCode ?? null, null));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (error) => done(null, error.message.slice(0, 300)));
      request.end(body);
    });
}

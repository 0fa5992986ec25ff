/**
 * Section 6 — webhook delivery on one machine (`npm run bench -- --only webhooks`). The local system
 * (its in-process sender, as `npm start` runs it) on DynamoDB Local, a home subscribed to
 * `request.approved`, and a receiver on 127.0.0.1. Latency is from the approve's answer (its
 * transaction, and so the event, committed) to the receiver having the delivery, one approval at a
 * time; at the default sweep interval (250 ms) and at 50 ms. Then a burst: 50 approvals (of 50
 * homes, the store subscribed) sent at once, until the last delivery arrives. The retry schedule is the constant the sender uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSystem } from '../bin/local/local-system.ts';
import { signLocalToken } from '../bin/local/local-auth.ts';
import { DEFAULT_RETRY_SCHEDULE_MS } from '../functions/domain/webhooks.ts';
import { startWebhookReceiver } from '../test/support/webhook-receiver.ts';
import { percentile, round } from './measure.ts';
import { say } from './progress.ts';

export interface WebhookLatency {
  intervalMs: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface WebhookBenchResult {
  sequential: WebhookLatency[];
  burst: { approvals: number; intervalMs: number; lastDeliveredAfterMs: number; perSecond: number };
  retryScheduleMs: readonly number[];
}

export async function benchWebhooks(options: { dynamoEndpoint: string; samples?: number }): Promise<WebhookBenchResult> {
  const samples = options.samples ?? 30;
  const sequential: WebhookLatency[] = [];
  let burst: WebhookBenchResult['burst'] | undefined;
  for (const intervalMs of [250, 50]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'carestock-bench-webhooks-'));
    const system = await startLocalSystem({ port: 0, dynamoEndpoint: options.dynamoEndpoint, tableName: `bench-webhooks-${intervalMs}`, dataDir, webhooks: { intervalMs } });
    const receiver = await startWebhookReceiver();
    try {
      const token = (org: string) => signLocalToken(system.signingKey, { org: org === 'admin' ? { kind: 'admin' } : { kind: org.split(':')[0] as 'home' | 'store', id: org.split(':')[1]! } });
      const [admin, home, store] = await Promise.all(['admin', 'home:bench-home', 'store:bench-store'].map(token));
      const call = async (bearer: string, method: string, path: string, body?: unknown) => {
        const response = await fetch(system.url + path, {
          method,
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const json = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
        if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
        return json!;
      };
      await call(admin!, 'PUT', '/v1/items/MASK-IIR', { name: 'Mask', unit: 'mask', packSize: 50 });
      await call(admin!, 'PUT', '/v1/stores/bench-store', { name: 'Bench store', capacityPerDay: 5 });
      await call(admin!, 'PUT', '/v1/homes/bench-home', { name: 'Bench home', storeId: 'bench-store', beds: 30, deliveryDays: ['MON'] });
      await call(home!, 'POST', '/v1/homes/bench-home/webhooks', { url: receiver.url('/ok/bench'), eventTypes: ['request.approved'] });
      const approve = async () => {
        const request = await call(home!, 'POST', '/v1/homes/bench-home/requests', { lines: [{ sku: 'MASK-IIR', quantity: 10 }] });
        return () => call(store!, 'POST', `/v1/requests/${String(request.requestId)}/approve`, { lines: [{ sku: 'MASK-IIR', quantity: 10 }] });
      };

      const latencies: number[] = [];
      for (let i = 0; i < samples; i++) {
        const send = await approve();
        await send();
        const committed = performance.now();
        const [delivery] = (await receiver.waitFor('/ok/bench', i + 1, 30_000)).slice(i);
        latencies.push(delivery!.receivedAt - committed);
      }
      const figure = { intervalMs, samples, p50Ms: round(percentile(latencies, 50), 0), p95Ms: round(percentile(latencies, 95), 0), maxMs: round(Math.max(...latencies), 0) };
      sequential.push(figure);
      say(`webhooks, sweep every ${intervalMs} ms: approve answered → delivered p50 ${figure.p50Ms} ms, p95 ${figure.p95Ms} ms, max ${figure.maxMs} ms (${samples} one at a time)`);

      if (intervalMs === 250) {
        // One approval per home (approvals of one home race on its positions): 50 homes, the store subscribed.
        const approvals = 50;
        await call(store!, 'POST', '/v1/stores/bench-store/webhooks', { url: receiver.url('/ok/burst'), eventTypes: ['request.approved'] });
        const sends: (() => Promise<unknown>)[] = [];
        for (let i = 0; i < approvals; i++) {
          await call(admin!, 'PUT', `/v1/homes/burst-${i}`, { name: `Burst ${i}`, storeId: 'bench-store', beds: 30, deliveryDays: ['MON'] });
          const request = await call(admin!, 'POST', `/v1/homes/burst-${i}/requests`, { lines: [{ sku: 'MASK-IIR', quantity: 10 }] });
          sends.push(() => call(store!, 'POST', `/v1/requests/${String(request.requestId)}/approve`, { lines: [{ sku: 'MASK-IIR', quantity: 10 }] }));
        }
        const started = performance.now();
        await Promise.all(sends.map((send) => send()));
        const all = await receiver.waitFor('/ok/burst', approvals, 60_000);
        const lastDeliveredAfterMs = round(Math.max(...all.map((d) => d.receivedAt)) - started, 0);
        burst = { approvals, intervalMs, lastDeliveredAfterMs, perSecond: round((approvals / lastDeliveredAfterMs) * 1000, 1) };
        say(`webhooks, a burst of ${approvals} approvals (50 homes) at once: the last delivered ${lastDeliveredAfterMs} ms after they were sent (${burst.perSecond} deliveries/s, approvals included)`);
      }
    } finally {
      await receiver.close();
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { sequential, burst: burst!, retryScheduleMs: DEFAULT_RETRY_SCHEDULE_MS };
}

const duration = (ms: number) => (ms === 0 ? 'at once' : ms < 60_000 ? `${ms / 1000} s` : ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`);

export function webhooksMarkdown(result: WebhookBenchResult): string {
  const rows = result.sequential.map((s) => `| every ${s.intervalMs} ms | ${s.samples} | ${s.p50Ms} | ${s.p95Ms} | ${s.maxMs} |`);
  return [
    'From the approve’s answer (its transaction, with the event, committed) to the receiver on 127.0.0.1 holding the signed delivery; one approval at a time, the in-process sender sweeping the outbox at the interval shown (`npm start` uses 250 ms).',
    '',
    '| sweep | approvals | p50 ms | p95 ms | max ms |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `A burst of ${result.burst.approvals} approvals (50 homes, their store subscribed) sent at once: the last delivery arrived ${result.burst.lastDeliveredAfterMs} ms after they were sent (${result.burst.perSecond} a second, sweeping every ${result.burst.intervalMs} ms).`,
    '',
    `Retry schedule: the first attempt ${duration(result.retryScheduleMs[0] ?? 0)}, then ${result.retryScheduleMs.slice(1).map(duration).join(', ')} after each failed attempt; then the delivery is failing. Deployed, the first attempt comes from the table stream and each retry from the sweep that runs every minute.`,
  ].join('\n');
}

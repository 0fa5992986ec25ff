/**
 * Concurrent posts for the same positions never lose an update: every write is conditioned on the
 * version it read. Parallel posts race through the local server; afterwards the stored positions
 * must equal a sequential application of the applied counts in the order they committed (the
 * version each one produced), and every accepted post must be in the history exactly once.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/data/dynamodb-client.ts';
import { toPositionState } from '../../functions/data/stock-repository.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';
import { applyCount } from '../../functions/domain/usage-estimate.ts';
import type { PositionState } from '../../functions/domain/stock-position.ts';
import { MAX_CONFLICT_ATTEMPTS } from '../../functions/data/retries.ts';
import { daysAgo, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: ['s1'], homes: { race: 's1', calm: 's1' } });
});

afterEach(() => vi.restoreAllMocks());

/**
 * Passes every command through, counting the transactions DynamoDB cancelled. The first `racers`
 * transactions are held until all of them are ready (every post has read the same versions), then
 * released together: the race is certain, not left to the scheduler of a busy machine.
 */
function raceAndCountConflicts(racers: number): () => number {
  const send = documentClient.send.bind(documentClient);
  let cancelled = 0;
  let waiting = 0;
  let release!: () => void;
  const allReady = new Promise<void>((resolve) => (release = resolve));
  const timeout = setTimeout(release, 5_000);
  vi.spyOn(documentClient, 'send').mockImplementation((async (command: never) => {
    if ((command as object) instanceof TransactWriteCommand && waiting < racers) {
      if (++waiting === racers) {
        clearTimeout(timeout);
        release();
      }
      await allReady;
    }
    try {
      return await send(command);
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException') cancelled++;
      throw error;
    }
  }) as never);
  return () => cancelled;
}

type Line = { sku: string; onHand: number; reorderLevel?: number };

describe('parallel posts for the same positions', () => {
  it('end in the state of a sequential application, with no update lost', async () => {
    const now = Date.now();
    const first = { countedAt: daysAgo(10, now), lines: [{ sku: 'MASK-IIR', onHand: 1000, dailyUsage: 50 }, { sku: 'APRON', onHand: 800, dailyUsage: 40 }] };
    expect((await postCount(api(), admin, '/v1/homes/race', first.countedAt, first.lines)).status).toBe(200);

    // Ten posts, each for both positions, at distinct instants; sent all at once, in shuffled order.
    const posts = Array.from({ length: 10 }, (_, k) => ({
      countedAt: daysAgo(9 - k * 0.8, now),
      lines: [
        { sku: 'MASK-IIR', onHand: 1000 - 45 * (k + 1), reorderLevel: 100 + k },
        { sku: 'APRON', onHand: 800 - 30 * (k + 1) },
      ] as Line[],
    })).sort(() => Math.random() - 0.5);
    const conflicts = raceAndCountConflicts(posts.length);
    const responses = await Promise.all(posts.map((p) => postCount(api(), admin, '/v1/homes/race', p.countedAt, p.lines)));
    // The race was real: all but one of the first wave of transactions were refused and re-applied.
    expect(conflicts()).toBeGreaterThanOrEqual(posts.length - 1);
    for (const response of responses) expect([200, 409], JSON.stringify(response.body)).toContain(response.status);
    const accepted = posts.filter((_, i) => responses[i]!.status === 200);
    expect(accepted.length).toBeGreaterThan(0);

    const items = await api().tableItems();
    for (const sku of ['MASK-IIR', 'APRON']) {
      const stored = items.find((i) => i.PK === 'HOME#race' && i.SK === `POS#${sku}`)!;
      const events = items.filter((i) => i.PK === `HIST#HOME#race#${sku}` && i.kind === 'count');
      const applied = events.filter((e) => e.applied).sort((a, b) => Number(a.positionVersion) - Number(b.positionVersion));

      // Every accepted post is in the history once; a refused one not at all.
      expect(events).toHaveLength(1 + accepted.length);
      // Each applied count produced its own version: 1, 2, 3, … with no gap and no repeat.
      expect(applied.map((e) => e.positionVersion)).toEqual(applied.map((_, i) => i + 1));
      expect(stored.version).toBe(applied.length);

      // Replaying the applied counts in commit order gives exactly the stored position.
      let state: PositionState | null = null;
      for (const event of applied) {
        const post = [first, ...accepted].find((p) => new Date(p.countedAt).toISOString() === event.at)!;
        const line = post.lines.find((l) => l.sku === sku)!;
        const outcome = applyCount(state, { ...line, countedAt: post.countedAt }, defaultStockRules);
        expect(outcome.late).toBe(false);
        state = outcome.position;
      }
      expect(toPositionState(stored)).toEqual(state);
      // And what the responses said each line did matches the history.
      for (const [i, post] of posts.entries()) {
        if (responses[i]!.status !== 200) continue;
        const event = events.find((e) => e.at === new Date(post.countedAt).toISOString())!;
        const said = responses[i]!.body.lines.find((l: { sku: string }) => l.sku === sku);
        // A retried post that found its own count already there says so: not applied, a repeat.
        expect(said.applied || said.notAppliedReason === 'repeats-current-count').toBe(event.applied);
      }
    }
  });

  it('a post that keeps losing the race is refused with 409 after a bounded number of attempts, and writes nothing', async () => {
    const send = documentClient.send.bind(documentClient);
    let transactions = 0;
    vi.spyOn(documentClient, 'send').mockImplementation((async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        transactions++;
        throw Object.assign(new Error('Transaction cancelled'), {
          name: 'TransactionCanceledException',
          CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
        });
      }
      return send(command as never);
    }) as never);
    const before = await api().tableItems();
    const response = await postCount(api(), admin, '/v1/homes/calm', daysAgo(1), [{ sku: 'VISOR', onHand: 3 }]);
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(transactions).toBe(MAX_CONFLICT_ATTEMPTS);
    expect(await api().tableItems()).toEqual(before);
  });
});

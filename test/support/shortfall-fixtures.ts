/**
 * For the shortfall job's tests: a sink that keeps what it was given (and can fail on cue), spies
 * on the shared DynamoDB client that record every command or inject a crash, homes seeded through
 * the repositories (fast, and in the very format the API writes), and an independent date rule.
 */
import { vi } from 'vitest';
import { documentClient } from '../../functions/data/dynamodb-client.ts';
import { putHome, putItem, putStore } from '../../functions/data/registry-repository.ts';
import { advanceLastCount, commitPositions } from '../../functions/data/stock-repository.ts';
import type { AlertSink } from '../../functions/shortfalls/alert-sink.ts';
import type { ShortfallEvent, StoreDigest } from '../../functions/domain/shortfall-digest.ts';

export const DAY_MS = 86_400_000;

export class RecordingSink implements AlertSink {
  readonly events: ShortfallEvent[] = [];
  readonly digests: StoreDigest[] = [];
  /** Throw on the next digest after this many were published (an SNS outage half-way). */
  failDigestsAfter: number | undefined;

  async putEvents(events: readonly ShortfallEvent[]): Promise<void> {
    this.events.push(...events);
  }

  async publishDigest(digest: StoreDigest): Promise<void> {
    if (this.failDigestsAfter !== undefined && this.digests.length >= this.failDigestsAfter) throw new Error('injected: SNS unavailable');
    this.digests.push(digest);
  }
}

export interface SentCommand {
  name: string;
  input: Record<string, unknown>;
}

/** Records every command sent through the shared client, and sums the capacity DynamoDB reports for reads. */
export function recordCommands(): { commands: SentCommand[]; readUnits(): number; stop(): void } {
  const send = documentClient.send.bind(documentClient);
  const commands: SentCommand[] = [];
  let read = 0;
  const spy = vi.spyOn(documentClient, 'send').mockImplementation((async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name;
    commands.push({ name, input: command.input });
    const output = (await send(command as never)) as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
    if (/^(Query|BatchGet|Get|Scan)Command$/.test(name)) {
      const consumed = output?.ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) read += c.CapacityUnits ?? 0;
    }
    return output;
  }) as never);
  return { commands, readUnits: () => Math.round(read * 10) / 10, stop: () => spy.mockRestore() };
}

/**
 * The process "dies" after `survivingWrites` shortfall records were written: every later record
 * Put fails, as it would from a Lambda that timed out or lost its network half-way.
 */
export function crashAfterRecordWrites(survivingWrites: number): { stop(): void } {
  const send = documentClient.send.bind(documentClient);
  let writes = 0;
  const spy = vi.spyOn(documentClient, 'send').mockImplementation((async (command: { constructor: { name: string }; input: { Item?: Record<string, unknown> } }) => {
    if (command.constructor.name === 'PutCommand' && command.input.Item?.entity === 'Shortfall' && ++writes > survivingWrites) {
      throw Object.assign(new Error('injected crash'), { name: 'InjectedCrash' });
    }
    return send(command as never);
  }) as never);
  return { stop: () => spy.mockRestore() };
}

/** The asOf's calendar date in Europe/London, worked out without the code under test. */
export const londonDate = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

export interface SeedLine {
  sku: string;
  onHand: number;
  dailyUsage: number;
}

export async function seedCatalogue(skus: readonly string[], now: string): Promise<void> {
  for (const sku of skus) await putItem(sku, { name: sku, unit: 'each', packSize: 10 }, now);
}

export async function seedStore(storeId: string, now: string): Promise<void> {
  await putStore(storeId, { name: storeId, capacityPerDay: 5 }, now);
}

/**
 * A home and its counted positions, written as the count endpoint writes them (countedAt null:
 * never counted): attributed to the home's store and name, unless `attributed` is false (positions
 * written before attribution began, which the job must still attribute from the home's profile).
 */
export async function seedHome(
  homeId: string,
  storeId: string,
  countedAt: string | null,
  lines: readonly SeedLine[],
  now: string,
  { attributed = true }: { attributed?: boolean } = {},
): Promise<void> {
  await putHome(homeId, { name: homeId, storeId, beds: 30, deliveryDays: ['MON'] }, now);
  if (countedAt === null) return;
  await commitPositions(
    lines.map((line) => ({
      location: { kind: 'home' as const, id: homeId },
      expectedVersion: 0,
      attribution: attributed ? { storeId, homeName: homeId } : undefined,
      state: {
        sku: line.sku,
        onHand: line.onHand,
        onHandAt: countedAt,
        countedAt,
        lastCountOnHand: line.onHand,
        receivedSinceCount: 0,
        dailyUsage: line.dailyUsage,
        usageSource: line.dailyUsage > 0 ? ('declared' as const) : ('none' as const),
        reorderLevel: null,
        targetLevel: null,
        inbound: 0,
      },
    })),
  );
  await advanceLastCount(homeId, countedAt);
}

/** Items of the shortfall partitions (records and ledgers), sorted by key: for comparing whole states. */
export const shortfallState = (items: readonly Record<string, unknown>[]): Record<string, unknown>[] =>
  items
    .filter((i) => String(i.PK).startsWith('SHORTFALL'))
    .map((i): Record<string, unknown> => (i.alertedHomes instanceof Set ? { ...i, alertedHomes: [...i.alertedHomes].sort() } : i))
    .sort((a, b) => `${a.PK}|${a.SK}`.localeCompare(`${b.PK}|${b.SK}`));

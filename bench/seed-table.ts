/**
 * Seeding straight into the table: BatchWriteItem, 25 items a call, several calls in flight, and
 * UnprocessedItems retried with backoff until none are left (DynamoDB may return some under load;
 * dropping them would leave the table smaller than the figures claim).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { progressReporter } from './progress.ts';

const BATCH = 25;
const MAX_ATTEMPTS = 10;

export interface SeedResult {
  items: number;
  calls: number;
  /** Items DynamoDB returned unprocessed and that were sent again. */
  retriedItems: number;
  ms: number;
}

export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: Iterable<Record<string, unknown>>,
  options: { total: number; label: string; inFlight?: number },
): Promise<SeedResult> {
  const source = items[Symbol.iterator]();
  const progress = progressReporter(options.label, options.total);
  const result: SeedResult = { items: 0, calls: 0, retriedItems: 0, ms: 0 };
  const nextBatch = (): Record<string, unknown>[] => {
    const batch: Record<string, unknown>[] = [];
    for (let step = source.next(); !step.done; step = source.next()) {
      batch.push(step.value);
      if (batch.length === BATCH) break;
    }
    return batch;
  };
  const worker = async () => {
    for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > MAX_ATTEMPTS) throw new Error(`${options.label}: items still unprocessed after ${MAX_ATTEMPTS} attempts`);
        if (attempt > 1) {
          result.retriedItems += pending.length;
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt) * Math.random()));
        }
        const answer = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        result.calls++;
        pending = (answer.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      }
      result.items += batch.length;
      progress.update(result.items);
    }
  };
  await Promise.all(Array.from({ length: options.inFlight ?? 12 }, worker));
  progress.update(result.items);
  result.ms = progress.elapsedMs();
  return result;
}

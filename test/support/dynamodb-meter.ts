/**
 * Records what a test's code sends to DynamoDB: the command names in order, and the capacity
 * DynamoDB reports for them. Wraps the real clients (the calls still reach DynamoDB Local); undo
 * with `vi.restoreAllMocks()`.
 */
import { vi } from 'vitest';
import { documentClient } from '../../functions/data/dynamodb-client.ts';

interface Sender {
  send(command: unknown): Promise<unknown>;
}

export function meterDynamoDb(clients: readonly Sender[] = [documentClient]) {
  const calls: string[] = [];
  let capacity = 0;
  for (const client of clients) {
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
      calls.push(command.constructor.name.replace(/Command$/, ''));
      const output = (await send(command)) as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
      const consumed = output?.ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) capacity += c.CapacityUnits ?? 0;
      return output;
    }) as never);
  }
  return { calls, capacity: () => capacity };
}

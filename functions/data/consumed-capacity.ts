/**
 * What a unit of work cost in DynamoDB capacity, as DynamoDB itself reports it
 * (`ReturnConsumedCapacity`), without threading a counter through every repository function:
 * one middleware on the shared client adds each answer's ConsumedCapacity to the meter of the
 * async context that sent it. Work outside `meterCapacity` is not counted, and concurrent
 * requests in one process (the local server) each count only their own calls.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { documentClient } from './dynamodb-client.ts';

export interface ConsumedCapacity {
  read: number;
  write: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems', 'Get', 'BatchGet', 'TransactGet']);
const MIDDLEWARE = 'carestockCapacityMeter';

const meters = new AsyncLocalStorage<ConsumedCapacity>();
let installed = false;

function unitsOf(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum: number, c: { CapacityUnits?: number }) => sum + (c?.CapacityUnits ?? 0), 0);
}

function install(): void {
  if (installed) return;
  installed = true;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const meter = meters.getStore();
      if (meter) {
        const units = unitsOf((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
        const command = String(context.commandName ?? '').replace(/Command$/, '');
        if (READS.has(command)) meter.read += units;
        else meter.write += units;
      }
      return result;
    },
    { step: 'initialize', name: MIDDLEWARE, priority: 'low' },
  );
}

/** Runs `work`, and returns what it returned with the capacity its DynamoDB calls consumed (rounded to 0.1). */
export async function meterCapacity<T>(work: () => Promise<T>): Promise<{ result: T; capacity: ConsumedCapacity }> {
  install();
  const meter: ConsumedCapacity = { read: 0, write: 0 };
  const result = await meters.run(meter, work);
  return { result, capacity: { read: round(meter.read), write: round(meter.write) } };
}

const round = (units: number) => Math.round(units * 10) / 10;

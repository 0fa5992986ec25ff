/**
 * Records every DynamoDB call a client sends, with the capacity DynamoDB says it consumed, by adding
 * two middlewares to the client's stack for the time of a recording and removing them after. Nothing
 * in functions/ changes: the bench attaches to the shared document client (whose stack is also its
 * inner DynamoDBClient's), so handlers and jobs run exactly as deployed, except that each call asks
 * for `ReturnConsumedCapacity: 'INDEXES'` while recorded.
 *
 * - initialize step: asks for the capacity, times the call, reads `ConsumedCapacity` off the answer;
 * - build step: keeps the input as it goes on the wire (marshalled), so the call can be replayed
 *   with the plain SDK client (raw-replay.ts) whatever client or command class the code used.
 */
import type { MiddlewareStack } from '@smithy/types';
import { modelledUnits } from './capacity-model.ts';

export interface CallCapacity {
  read: number;
  write: number;
  /** Units charged to the base table, and to each index (DynamoDB Local reports both with INDEXES). */
  table: number;
  indexes: Record<string, number>;
}

export interface RecordedCall {
  /** Low-level command name, e.g. `QueryCommand`, `TransactWriteItemsCommand`. */
  command: string;
  /** The input as sent (AttributeValue format), with the code's own ReturnConsumedCapacity. */
  wireInput: Record<string, unknown>;
  startMs: number;
  endMs: number;
  /** Error name when the call failed (a failed condition, a cancelled transaction). */
  failed?: string;
  capacity: CallCapacity;
}

const READ_COMMANDS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
export const isReadCommand = (command: string) => READ_COMMANDS.has(command);

interface Recordable {
  // The document client's and the plain client's stacks differ only in their input/output types.
  middlewareStack: MiddlewareStack<any, any>;
}

const INITIALIZE = 'carestockBenchRecordCapacity';
const BUILD = 'carestockBenchRecordInput';

export interface Recording {
  readonly calls: RecordedCall[];
  /** Removes the middlewares; returns the calls recorded. */
  stop(): RecordedCall[];
}

export function startRecording(client: Recordable): Recording {
  const calls: RecordedCall[] = [];
  const inFlight = new WeakMap<object, RecordedCall>();
  client.middlewareStack.add(
    (next: (args: any) => Promise<any>, context: any) => async (args: any) => {
      const original = args.input as Record<string, unknown>;
      const call: RecordedCall = {
        command: String(context.commandName ?? 'UnknownCommand'),
        wireInput: {},
        startMs: performance.now(),
        endMs: 0,
        capacity: { read: 0, write: 0, table: 0, indexes: {} },
      };
      inFlight.set(context, call);
      calls.push(call);
      try {
        const result = await next({ ...args, input: { ...original, ReturnConsumedCapacity: 'INDEXES' } });
        call.capacity = capacityOf(call.command, (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
        return result;
      } catch (error) {
        call.failed = (error as Error).name;
        throw error;
      } finally {
        call.endMs = performance.now();
        const { ReturnConsumedCapacity: _asked, ...wire } = call.wireInput;
        call.wireInput = original.ReturnConsumedCapacity === undefined ? wire : { ...wire, ReturnConsumedCapacity: original.ReturnConsumedCapacity };
      }
    },
    { step: 'initialize', name: INITIALIZE, priority: 'high' },
  );
  client.middlewareStack.add(
    (next: (args: any) => Promise<any>, context: any) => async (args: any) => {
      const call = inFlight.get(context);
      if (call) call.wireInput = structuredClone(args.input as Record<string, unknown>);
      return next(args);
    },
    { step: 'build', name: BUILD, priority: 'high' },
  );
  return {
    calls,
    stop() {
      client.middlewareStack.remove(INITIALIZE);
      client.middlewareStack.remove(BUILD);
      return calls;
    },
  };
}

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/** Sums one answer's ConsumedCapacity (an object, or a list per table for batches and transactions). */
export function capacityOf(command: string, consumed: unknown): CallCapacity {
  const total: CallCapacity = { read: 0, write: 0, table: 0, indexes: {} };
  const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as ConsumedCapacity[];
  for (const entry of entries) {
    const units = entry.CapacityUnits ?? 0;
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      total.read += entry.ReadCapacityUnits ?? 0;
      total.write += entry.WriteCapacityUnits ?? 0;
    } else if (isReadCommand(command)) total.read += units;
    else total.write += units;
    total.table += entry.Table?.CapacityUnits ?? 0;
    for (const [name, index] of Object.entries({ ...entry.GlobalSecondaryIndexes, ...entry.LocalSecondaryIndexes })) {
      total.indexes[name] = (total.indexes[name] ?? 0) + (index.CapacityUnits ?? 0);
    }
  }
  return total;
}

export interface CallsSummary {
  calls: number;
  /** Sequential steps: calls that had to wait for an earlier one to finish. */
  roundTrips: number;
  commands: Record<string, number>;
  /** As DynamoDB Local reported them. */
  readUnits: number;
  writeUnits: number;
  /** Units charged to each index (GSI writes are part of writeUnits; GSI reads part of readUnits). */
  indexUnits: Record<string, number>;
  /** As Local reported them, except transactions, re-estimated by AWS's rule (capacity-model.ts). */
  modelledReadUnits: number;
  modelledWriteUnits: number;
  /** Calls and modelled units per command: where the units go. */
  byCommand: Record<string, { calls: number; read: number; write: number }>;
  failed: number;
}

export function summariseCalls(calls: readonly RecordedCall[]): CallsSummary {
  const summary: CallsSummary = {
    calls: calls.length,
    roundTrips: criticalPathLength(calls),
    commands: {},
    readUnits: 0,
    writeUnits: 0,
    indexUnits: {},
    modelledReadUnits: 0,
    modelledWriteUnits: 0,
    byCommand: {},
    failed: 0,
  };
  for (const call of calls) {
    summary.commands[call.command] = (summary.commands[call.command] ?? 0) + 1;
    summary.readUnits += call.capacity.read;
    summary.writeUnits += call.capacity.write;
    const modelled = modelledUnits(call);
    summary.modelledReadUnits += modelled.read;
    summary.modelledWriteUnits += modelled.write;
    const by = (summary.byCommand[call.command] ??= { calls: 0, read: 0, write: 0 });
    by.calls++;
    by.read += modelled.read;
    by.write += modelled.write;
    for (const [name, units] of Object.entries(call.capacity.indexes)) summary.indexUnits[name] = (summary.indexUnits[name] ?? 0) + units;
    if (call.failed) summary.failed++;
  }
  return summary;
}

/**
 * Each call's trigger: the call that finished last before it started (undefined: it started first).
 * Replaying each call after its trigger reproduces the code's sequence and its parallelism, in
 * flight limits included (a call that waited for a free slot waited for the call that freed it).
 */
export function triggers(calls: readonly RecordedCall[]): (number | undefined)[] {
  return calls.map((call) => {
    let trigger: number | undefined;
    calls.forEach((other, j) => {
      if (other.endMs <= call.startMs && (trigger === undefined || other.endMs > calls[trigger]!.endMs)) trigger = j;
    });
    return trigger;
  });
}

/** The longest chain of calls each waiting for the previous: the round trips a caller waits for. */
export function criticalPathLength(calls: readonly RecordedCall[]): number {
  const by = triggers(calls);
  const depth = (i: number): number => (by[i] === undefined ? 1 : 1 + depth(by[i]!));
  return calls.reduce((longest, _, i) => Math.max(longest, depth(i)), 0);
}

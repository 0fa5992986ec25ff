/**
 * The raw cost of what a handler asks of DynamoDB: its recorded calls, replayed with the plain SDK
 * client in the same order and with the same parallelism, and nothing else (no HTTP, no
 * validation, no domain code, no document marshalling).
 *
 * A write's condition is swapped for one that always holds on the same item, so that the same call
 * can repeat (a version check or attribute_not_exists would fail from the second replay on, and a
 * failed condition skips the write) while DynamoDB still reads the item to evaluate it; the write,
 * its size and its index updates are unchanged. Transactions get a fresh ClientRequestToken.
 */
import { randomUUID } from 'node:crypto';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../functions/data/table-definition.ts';
import { triggers, type RecordedCall } from './dynamodb-recorder.ts';

type AnyInput = Record<string, any>;

const commandClasses: Record<string, new (input: any) => any> = {
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  DeleteItemCommand,
  QueryCommand,
  ScanCommand,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
};

const EXPRESSIONS = ['UpdateExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'];

const ALWAYS_TRUE = {
  ConditionExpression: 'attribute_exists(#benchKey) OR attribute_not_exists(#benchKey)',
  names: { '#benchKey': tableDefinition.partitionKey },
};

/** Swaps the condition for an always-true one and drops any name or value only the condition used. */
function withAlwaysTrueCondition(operation: AnyInput): AnyInput {
  const { ConditionExpression: condition, ReturnValuesOnConditionCheckFailure: _return, ...rest } = operation;
  if (condition === undefined) return operation;
  const used = EXPRESSIONS.map((name) => String(rest[name] ?? '')).join(' ');
  const keep = (map: AnyInput | undefined, token: RegExp) => {
    if (!map) return undefined;
    const tokens = new Set(used.match(token) ?? []);
    const kept = Object.fromEntries(Object.entries(map).filter(([name]) => tokens.has(name)));
    return Object.keys(kept).length > 0 ? kept : undefined;
  };
  const names = keep(rest.ExpressionAttributeNames, /#[A-Za-z0-9_]+/g);
  const values = keep(rest.ExpressionAttributeValues, /:[A-Za-z0-9_]+/g);
  delete rest.ExpressionAttributeNames;
  delete rest.ExpressionAttributeValues;
  return {
    ...rest,
    ConditionExpression: ALWAYS_TRUE.ConditionExpression,
    ExpressionAttributeNames: { ...names, ...ALWAYS_TRUE.names },
    ...(values ? { ExpressionAttributeValues: values } : {}),
  };
}

/** The input to send again: conditions that always hold, a fresh idempotency token for transactions. */
export function replayInput(call: RecordedCall): AnyInput {
  const input = call.wireInput as AnyInput;
  switch (call.command) {
    case 'PutItemCommand':
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return withAlwaysTrueCondition(input);
    case 'TransactWriteItemsCommand':
      return {
        ...input,
        ...(input.ClientRequestToken ? { ClientRequestToken: randomUUID() } : {}),
        TransactItems: (input.TransactItems as AnyInput[]).map((item) => {
          const [kind, operation] = Object.entries(item)[0] as [string, AnyInput];
          return { [kind]: withAlwaysTrueCondition(operation) };
        }),
      };
    default:
      return input;
  }
}

/**
 * One replay of the recorded calls: each starts when the call that triggered it in the recording
 * has finished. Throws if any call fails.
 */
export function replayer(client: DynamoDBClient, calls: readonly RecordedCall[]): () => Promise<void> {
  const unknown = calls.find((call) => !commandClasses[call.command]);
  if (unknown) throw new Error(`cannot replay ${unknown.command}`);
  const by = triggers(calls);
  return async () => {
    const finished: Promise<unknown>[] = [];
    calls.forEach((call, i) => {
      const after = by[i] === undefined ? Promise.resolve() : finished[by[i]!]!;
      finished[i] = after.then(() => client.send(new commandClasses[call.command]!(replayInput(call))));
    });
    await Promise.all(finished);
  };
}

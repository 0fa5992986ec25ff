/**
 * The raw cost of what a handler asks of DynamoDB: its recorded calls, replayed with the plain SDK
 * client in the same order and with the same parallelism, and nothing else (no HTTP, no
 * validation, no domain code, no document marshalling).
 *
 * Writes are replayed without their condition expressions, so that the same call can repeat (a
 * version check or attribute_not_exists would fail from the second replay on, and a failed condition
 * skips the write); the write itself, its size and its index updates are unchanged. A ConditionCheck
 * keeps its read with an always-true condition. Transactions get a fresh ClientRequestToken each time.
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

/** Drops the condition and any name or value only the condition used. */
function withoutCondition(operation: AnyInput): AnyInput {
  const { ConditionExpression: _condition, ReturnValuesOnConditionCheckFailure: _return, ...rest } = operation;
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
  return { ...rest, ...(names ? { ExpressionAttributeNames: names } : {}), ...(values ? { ExpressionAttributeValues: values } : {}) };
}

const ALWAYS_TRUE = {
  ConditionExpression: 'attribute_exists(#benchKey) OR attribute_not_exists(#benchKey)',
  ExpressionAttributeNames: { '#benchKey': 'PK' },
};

/** The input to send again: conditions off, a fresh idempotency token for transactions. */
export function replayInput(call: RecordedCall): AnyInput {
  const input = call.wireInput as AnyInput;
  switch (call.command) {
    case 'PutItemCommand':
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return withoutCondition(input);
    case 'TransactWriteItemsCommand':
      return {
        ...input,
        ...(input.ClientRequestToken ? { ClientRequestToken: randomUUID() } : {}),
        TransactItems: (input.TransactItems as AnyInput[]).map((item) => {
          if (item.ConditionCheck) {
            const { ConditionExpression: _c, ExpressionAttributeNames: _n, ExpressionAttributeValues: _v, ...check } = item.ConditionCheck as AnyInput;
            return { ConditionCheck: { ...check, ...ALWAYS_TRUE } };
          }
          const [kind, operation] = Object.entries(item)[0] as [string, AnyInput];
          return { [kind]: withoutCondition(operation) };
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

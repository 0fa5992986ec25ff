/**
 * Fault injection for integration tests against DynamoDB Local: an SDK middleware on the one
 * DynamoDB client (the document client and Powertools' idempotency layer share its stack) that,
 * while a fault is switched on, answers the calls that fault concerns the way DynamoDB does when it
 * fails, before anything is sent. Every other call reaches the real engine. The mocks are only the
 * faults; the handlers, the server and the table are real.
 */
import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { dynamodbClient } from '../../functions/data/dynamodb-client.ts';

export const faults = {
  /** Throttling that outlasted the SDK's retries, on a write outside a transaction. */
  throttled: 'throttled outside a transaction',
  /** A TransactWriteItems cancelled because DynamoDB throttled one of its items. */
  transactionThrottled: 'a transaction cancelled for throttling',
  /** A TransactWriteItems cancelled because every item's condition failed. */
  transactionCondition: 'a transaction cancelled by a condition',
  /** BatchGetItem / BatchWriteItem answering every key or item back unprocessed, for ever. */
  unprocessed: 'unprocessed items forever',
} as const;
export type Fault = keyof typeof faults;

const PLAIN_WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

let active: Fault | null = null;
let hits = 0;

type Input = { TransactItems?: unknown[]; RequestItems?: Record<string, unknown> };

function inject(fault: Fault, command: string, input: Input): { output: unknown } | undefined {
  if (fault === 'throttled' && PLAIN_WRITES.has(command)) {
    throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: { httpStatusCode: 400, attempts: 3 } });
  }
  if ((fault === 'transactionThrottled' || fault === 'transactionCondition') && command === 'TransactWriteItemsCommand') {
    const codes = (input.TransactItems ?? []).map((_, i) =>
      fault === 'transactionCondition' ? 'ConditionalCheckFailed' : i === 0 ? 'ThrottlingError' : 'None',
    );
    throw new TransactionCanceledException({
      message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
      $metadata: { httpStatusCode: 400 },
      CancellationReasons: codes.map((Code) => ({ Code })),
    });
  }
  if (fault === 'unprocessed' && command === 'BatchGetItemCommand') return { output: { Responses: {}, UnprocessedKeys: input.RequestItems, $metadata: {} } };
  if (fault === 'unprocessed' && command === 'BatchWriteItemCommand') return { output: { UnprocessedItems: input.RequestItems, $metadata: {} } };
  return undefined;
}

dynamodbClient.middlewareStack.add(
  (next, context) => async (args) => {
    if (active) {
      let answer: { output: unknown } | undefined;
      try {
        answer = inject(active, context.commandName ?? '', args.input as Input);
      } catch (error) {
        hits++;
        throw error;
      }
      if (answer) {
        hits++;
        return answer as never;
      }
    }
    return next(args);
  },
  { step: 'initialize', name: 'carestockFaultInjection', priority: 'high' },
);

/** Runs `work` with `fault` switched on; answers what it answered and how many calls the fault hit. */
export async function withFault<T>(fault: Fault, work: () => Promise<T>): Promise<{ result: T; hits: number }> {
  active = fault;
  hits = 0;
  try {
    const result = await work();
    return { result, hits };
  } finally {
    active = null;
  }
}

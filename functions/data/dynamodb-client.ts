/**
 * The one DynamoDB document client of a function. The endpoint comes from the SDK's own
 * configuration (AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB Local), so no code knows
 * whether it runs on AWS or on one machine.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { classifyFailure } from './failures.ts';

/** The plain client under the document client: for libraries that send low-level commands (Powertools idempotency). */
export const dynamodbClient = new DynamoDBClient({});

export const documentClient = DynamoDBDocumentClient.from(dynamodbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

/**
 * Every repository call goes through here, so every failure is classified once (failures.ts):
 * the typed errors of functions/domain/failures.ts leave data/, never the SDK's own. The client is
 * looked up per call, so tests can spy on or mock `documentClient.send`.
 */
export const send = (async (command: Parameters<typeof documentClient.send>[0]) => {
  try {
    return await documentClient.send(command);
  } catch (error) {
    throw classifyFailure(error);
  }
}) as unknown as DocumentSend;

type DocumentSend = <C extends { readonly input: object }>(command: C) => Promise<C extends { resolveMiddleware(...args: never[]): unknown } ? CommandOutput<C> : never>;
type CommandOutput<C> = C extends { resolveMiddleware(...args: never[]): (args: never) => Promise<{ output: infer O }> } ? O : never;

/** Read per call, not at import, so one process can serve several tables (tests give each file its own). */
export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

/** One action of a TransactWriteItems (a Put, Update, Delete or ConditionCheck). */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * The one DynamoDB document client of a function. The endpoint comes from the SDK's own
 * configuration (AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB Local), so no code knows
 * whether it runs on AWS or on one machine.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The plain client under the document client: for libraries that send low-level commands (Powertools idempotency). */
export const dynamodbClient = new DynamoDBClient({});

export const documentClient = DynamoDBDocumentClient.from(dynamodbClient, {
  marshallOptions: { removeUndefinedValues: true },
});

/** Read per call, not at import, so one process can serve several tables (tests give each file its own). */
export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

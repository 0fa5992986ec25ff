/**
 * The one DynamoDB document client of a function. The endpoint comes from the SDK's own
 * configuration (AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB Local), so no code knows
 * whether it runs on AWS or on one machine.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

/** Read per call, not at import, so one process can serve several tables (tests give each file its own). */
export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

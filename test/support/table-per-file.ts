/**
 * Runs before each integration test file: points the SDK at the shared DynamoDB Local and gives
 * the file a table of its own, created from the shared definition, so files run in parallel
 * without seeing each other's data.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../bin/local/create-table.ts';
import { configureLocalAws } from '../../bin/local/local-system.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const tableName = `test-${randomUUID().slice(0, 8)}`;
configureLocalAws(inject('dynamoEndpoint'), tableName);
const client = new DynamoDBClient({});
await ensureTable(client, tableName);
client.destroy();

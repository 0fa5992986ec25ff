/** Starts one DynamoDB Local (the real engine) for the whole test run; each test file makes its own table in it. */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../bin/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = Date.now();
  const dynamo = await startDynamoDbLocal();
  console.log(`DynamoDB Local started in ${Date.now() - started} ms at ${dynamo.endpoint}`);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => dynamo.stop();
}

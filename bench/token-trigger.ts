/**
 * `npm run bench:token-trigger [-- --runs N]`: the pre-token-generation trigger's time against
 * DynamoDB Local, invoked in-process with v3 events: a member (two strongly consistent GetItems),
 * a machine client, and a caller with no membership (one GetItem). Prints p50/p95/p99 per case.
 * A figure for the closing note, not a test: Cognito gives the trigger 5 s, the function 4 s.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../bin/local/dynamodb-local.ts';
import { ensureTable } from '../bin/local/create-table.ts';
import { configureLocalAws } from '../bin/local/local-system.ts';
import { machineMemberItems, memberItem, memberSubjectItem, memberEmailItem } from '../functions/data/member-items.ts';
import { percentile, round } from './measure.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' } } });
const runs = Number(values.runs);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const dynamo = await startDynamoDbLocal();
try {
  configureLocalAws(dynamo.endpoint, 'bench-token-trigger');
  const client = new DynamoDBClient({});
  await ensureTable(client, 'bench-token-trigger');
  const db = DynamoDBDocumentClient.from(client);
  const now = new Date().toISOString();
  const person = { memberId: 'bench-person', kind: 'person' as const, email: 'bench@example.org', name: 'Bench', org: 'home:bench-home', role: 'staff' as const, status: 'active' as const, createdAt: now, updatedAt: now };
  const items = [
    memberItem(person, 'bench-sub'),
    memberEmailItem(person.email, person.memberId),
    memberSubjectItem('bench-sub', person.memberId),
    ...machineMemberItems({ ...person, memberId: 'machine-bench', kind: 'machine', email: undefined as never, org: 'store:bench' }, 'bench-client'),
  ];
  for (const Item of items) await db.send(new PutCommand({ TableName: 'bench-token-trigger', Item }));

  const { handler } = await import('../functions/handlers/pre-token-generation.ts');
  const event = (triggerSource: string, sub: string | undefined, clientId = 'web') =>
    ({
      version: '3',
      triggerSource,
      userName: sub,
      callerContext: { clientId },
      request: { userAttributes: sub ? { sub } : {}, scopes: ['openid', 'carestock/read'] },
      response: { claimsAndScopeOverrideDetails: null },
    }) as Parameters<typeof handler>[0];
  const cases = {
    member: () => event('TokenGeneration_HostedAuth', 'bench-sub'),
    machineClient: () => event('TokenGeneration_ClientCredentials', undefined, 'bench-client'),
    noMembership: () => event('TokenGeneration_HostedAuth', 'nobody'),
  };
  for (const [name, make] of Object.entries(cases)) {
    for (let i = 0; i < 20; i++) await handler(make()); // warm the client and the JIT
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await handler(make());
      samples.push(performance.now() - started);
    }
    console.log(`${name}: p50 ${round(percentile(samples, 50))} ms, p95 ${round(percentile(samples, 95))} ms, p99 ${round(percentile(samples, 99))} ms (${runs} runs, one at a time)`);
  }
  client.destroy();
} finally {
  await dynamo.stop();
}

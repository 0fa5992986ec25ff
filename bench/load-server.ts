/**
 * The local system (HTTP server, API Gateway adapter, the real handlers) in its own process for the
 * load test, so autocannon and the server do not share one event loop. It uses the bench's
 * DynamoDB Local and prints its URL as one JSON line when ready.
 * Usage: node --import tsx bench/load-server.ts <dynamoEndpoint> <tableName> <dataDir>
 */
import { startLocalSystem } from '../bin/local/local-system.ts';

process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
const [dynamoEndpoint, tableName, dataDir] = process.argv.slice(2);
if (!dynamoEndpoint || !tableName || !dataDir) throw new Error('usage: load-server.ts <dynamoEndpoint> <tableName> <dataDir>');

const system = await startLocalSystem({ port: 0, dynamoEndpoint, tableName, dataDir, webhooks: false });
process.stdout.write(`${JSON.stringify({ url: system.url })}\n`);
process.once('SIGTERM', () => void system.stop().finally(() => process.exit(0)));

/**
 * The whole system on one machine: DynamoDB Local, the table from the shared definition, the HTTP
 * API through the API Gateway adapter, a page per problem type (`/problems/<name>`), and (optionally)
 * the scheduled jobs. `npm start`, the end-to-end tests and the benchmarks all start it through this
 * one function.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApiGatewayAdapter } from './api-gateway-adapter.ts';
import { ensureTable } from './create-table.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { HttpProblem, problemResponse } from '../../functions/http/problem.ts';
import { t } from '../../functions/i18n/messages.ts';
import { startHttpServer, type LocalRoute } from './http-server.ts';
import { loadOrCreateSigningKey, type LocalSigningKey } from './local-auth.ts';
import { problemPages } from './problem-pages.ts';
import { startLocalWebhookSender, type LocalWebhookSender, type LocalWebhookSenderOptions } from './webhook-sender.ts';

/** In the data folder while a system runs: `{ url, tableName, dynamoEndpoint, pid }`. */
export const LOCAL_SYSTEM_FILE = 'local-system.json';

export interface LocalSystemOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  inMemory?: boolean;
  tableName?: string;
  /** An already running DynamoDB endpoint (tests share one); otherwise one is started and owned. */
  dynamoEndpoint?: string;
  /** Extra non-API routes (the web page, local sign-in), tried before the API. */
  extraRoutes?: (context: { signingKey: LocalSigningKey; dataDir: string }) => LocalRoute;
  /** The in-process webhook sender (on unless false; tests turn it on where they need it, with a short schedule). */
  webhooks?: LocalWebhookSenderOptions | false;
  /**
   * Start "loading": the API answers 503 `throttled` (Retry-After: 1) to everyone but the caller
   * that sends `loadingHeader` (the demo seed, which goes through the API), until `ready()`. So a
   * script that polls the health check never races the demo data.
   */
  loading?: boolean;
}

export interface LocalSystem {
  url: string;
  dataDir: string;
  tableName: string;
  dynamoEndpoint: string;
  signingKey: LocalSigningKey;
  /** The in-process webhook sender, when on. */
  webhooks: LocalWebhookSender | undefined;
  /** The header (name and value) that passes while loading; undefined when not started loading. */
  loadingHeader: { name: string; value: string } | undefined;
  /** Ends loading: every caller is served from now on. */
  ready(): void;
  stop(): Promise<void>;
}

export function configureLocalAws(endpoint: string, tableName: string): void {
  // The handlers read these exactly as they read their Lambda environment on AWS.
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
  process.env.AWS_REGION ??= 'eu-west-2';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.TABLE_NAME = tableName;
  // Webhook URLs: http to loopback allowed, as nowhere deployed (functions/webhooks/transport.ts).
  process.env.CARESTOCK_WEBHOOK_URL_MODE = 'local';

}

export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  // The lockfile pins SDK versions that support Node 20; the SDK's reminder is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? '.carestock');
  const tableName = options.tableName ?? 'carestock';
  let dynamo: DynamoDbLocal | undefined;
  const endpoint =
    options.dynamoEndpoint ??
    (dynamo = await startDynamoDbLocal(options.inMemory ? {} : { dbPath: join(dataDir, 'dynamodb') })).endpoint;
  configureLocalAws(endpoint, tableName);

  const admin = new DynamoDBClient({});
  try {
    await ensureTable(admin, tableName);
  } finally {
    admin.destroy();
  }

  const signingKey = await loadOrCreateSigningKey(dataDir);
  const api = createApiGatewayAdapter(signingKey);
  const extra = options.extraRoutes?.({ signingKey, dataDir });
  const loadingHeader = options.loading ? { name: 'x-carestock-loading-pass', value: randomUUID() } : undefined;
  let loading = loadingHeader !== undefined;
  const route: LocalRoute = async (request) => {
    if (loading && request.url.startsWith('/v1/') && request.headers[loadingHeader!.name] !== loadingHeader!.value) {
      const { statusCode, headers, body } = problemResponse(new HttpProblem('throttled', t('local.loading'), { headers: { 'Retry-After': '1' } }));
      return { statusCode, headers, body };
    }
    return (await problemPages(request)) ?? (await extra?.(request)) ?? (await api(request));
  };
  const http = await startHttpServer(options.port ?? 3000, route, options.host);
  // Local adapters (the shortfall job's alerts file) write here, as deployed ones read their environment.
  process.env.DATA_DIR = dataDir;
  // How `npm run job:…` (bin/run-job.ts) finds the running system.
  const systemFile = join(dataDir, LOCAL_SYSTEM_FILE);
  const webhooks = options.webhooks === false ? undefined : startLocalWebhookSender(options.webhooks ?? {});
  writeFileSync(systemFile, JSON.stringify({ url: http.url, tableName, dynamoEndpoint: endpoint, pid: process.pid }, null, 2) + '\n');

  return {
    url: http.url,
    dataDir,
    tableName,
    dynamoEndpoint: endpoint,
    signingKey,
    webhooks,
    loadingHeader,
    ready: () => {
      loading = false;
    },
    stop: async () => {
      rmSync(systemFile, { force: true });
      await webhooks?.stop();
      await http.close();
      await dynamo?.stop();
    },
  };
}

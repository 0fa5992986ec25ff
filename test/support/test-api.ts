/**
 * An integration test's handle on the system: the local HTTP server (API Gateway adapter + JWT
 * checks + the real handlers) on a free port, over this file's table; tokens for any organisation;
 * and a raw view of the table to prove what was, or was not, written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalSystem, type LocalSystem } from '../../bin/local/local-system.ts';
import { signLocalToken } from '../../bin/local/local-auth.ts';
import type { LocalWebhookSenderOptions } from '../../bin/local/webhook-sender.ts';
import { parseOrg } from '../../functions/access/principal.ts';
import { assertResponseMatchesDocument } from './openapi-contract.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `body` as is (a string), e.g. CSV or malformed JSON. */
  raw?: boolean;
}

export interface TestApi {
  url: string;
  system: LocalSystem;
  /** A token for `org` in `role` (manager unless told): that role's scopes, or `scopes` if given. */
  token(org: string, scopes?: string[], role?: 'manager' | 'staff'): Promise<string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Every item in this file's table (a test-only Scan: the application itself never scans). */
  tableItems(): Promise<Record<string, unknown>[]>;
}

/** `webhooks`: run the in-process webhook sender (off unless a test asks, so other files pay no polling). */
export async function startTestApi(options: { webhooks?: LocalWebhookSenderOptions } = {}): Promise<TestApi> {
  const system = await startLocalSystem({
    webhooks: options.webhooks ?? false,
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: process.env.TABLE_NAME!,
    dataDir: mkdtempSync(join(tmpdir(), 'carestock-test-')),
  });
  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const api: TestApi = {
    url: system.url,
    system,
    async token(org, scopes, role) {
      const parsed = parseOrg(org);
      if (!parsed) throw new Error(`bad org ${org}`);
      return signLocalToken(system.signingKey, { org: parsed, ...(scopes ? { scopes } : {}), ...(role ? { role } : {}) });
    },
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = options.raw ? String(options.body) : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(system.url + path, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
      // Every response of every integration test must be what the OpenAPI document says it is.
      assertResponseMatchesDocument(method, path, { status: response.status, contentType: response.headers.get('content-type'), body: parsed });
      return { status: response.status, headers: response.headers, body: parsed as any };
    },
    async tableItems() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await raw.send(new ScanCommand({ TableName: system.tableName, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
  };
  return api;
}

/** beforeAll/afterAll wiring: `const api = useTestApi();` then `api().request(...)` inside tests. */
export function useTestApi(options: { webhooks?: LocalWebhookSenderOptions } = {}): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi(options);
  });
  afterAll(async () => {
    await api?.system.stop();
  });
  return () => {
    if (!api) throw new Error('test API not started');
    return api;
  };
}

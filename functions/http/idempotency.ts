/**
 * The `Idempotency-Key` header (IETF httpapi draft) on POSTs that create things, with Powertools'
 * idempotency utility doing the bookkeeping (functions/data/idempotency-store.ts):
 * - same key, same body, within 24 hours: the first response again (same status, same body,
 *   byte for byte, plus `idempotent-replayed: true`), and the work is not run again;
 * - same key, another body: 422; the first request still running: 409 with Retry-After;
 * - the key is scoped to the caller's organisation and the request's method and path, so two homes
 *   (or one store acting for two homes) using the same key never meet;
 * - a malformed key: 400 before anything is read or written.
 *
 * What is made idempotent is the use case, not the handler (Powertools' own recommendation): the
 * response is stored as the JSON text that was sent, so a replay cannot differ from the original.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { classifyFailure } from '../data/failures.ts';
import { idempotencyStore } from '../data/idempotency-store.ts';
import { idempotencyKey as keySchema } from '../schemas/common.ts';
import type { HttpResult } from './http-handler.ts';
import { formatOrg, type Principal } from '../access/principal.ts';
import { badRequest, HttpProblem } from './problem.ts';
import { t } from '../i18n/messages.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** The header's value, undefined when absent; 400 when present but malformed (empty included). */
export function readIdempotencyKey(headers: Record<string, string | undefined>): string | undefined {
  const value = headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  const parsed = keySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw badRequest(t('idempotency.invalid'), [
    { in: 'header', path: 'Idempotency-Key', message: parsed.error.issues[0]?.message ?? 'invalid' },
  ]);
}

export interface IdempotentCall {
  key: string | undefined;
  principal: Principal;
  /** The route key, e.g. `POST /v1/homes/{homeId}/requests`. */
  route: string;
  /** The concrete path, e.g. `/v1/homes/h1/requests`. */
  path: string;
  /** The validated body: what "the same body" is judged on (key order and spacing do not matter). */
  body: unknown;
  context: Context;
}

interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  json: string;
}

/** Runs `work` once per key; answers what it answered, or refuses a reuse. */
export async function idempotentResult(call: IdempotentCall, work: () => Promise<HttpResult>): Promise<HttpResult> {
  const once = async (): Promise<StoredResponse> => {
    const result = await work();
    return { status: result.status ?? 200, headers: result.headers ?? {}, json: JSON.stringify(result.body) };
  };
  if (call.key === undefined) return send(await once(), false);

  let ran = false;
  const run = makeIdempotent(
    async (_request: unknown, _context: Context) => {
      ran = true;
      return once();
    },
    {
      persistenceStore: idempotencyStore(call.route, formatOrg(call.principal.org)),
      keyPrefix: call.route,
      config: new IdempotencyConfig({
        eventKeyJmesPath: 'scope',
        payloadValidationJmesPath: 'body',
        throwOnNoIdempotencyKey: true,
        expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
        hashFunction: 'sha256',
      }),
    },
  );
  try {
    // The context's remaining time bounds the in-progress lock: a crashed attempt frees the key.
    const stored = await run({ scope: [formatOrg(call.principal.org), call.route, call.path, call.key], body: call.body ?? null }, call.context);
    return send(stored, !ran);
  } catch (error) {
    throw asProblem(error);
  }
}

function send(stored: StoredResponse, replayed: boolean): HttpResult {
  return {
    status: stored.status,
    headers: { 'content-type': 'application/json', ...stored.headers, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
    body: stored.json,
    raw: true,
  };
}

function asProblem(error: unknown): unknown {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'IdempotencyValidationError') {
    return new HttpProblem('idempotency-key-reused', t('idempotency.reused'));
  }
  if (name === 'IdempotencyAlreadyInProgressError') {
    return new HttpProblem('request-in-flight', t('idempotency.inFlight'), {
      headers: { 'retry-after': '1' },
    });
  }
  // The store's own failure (e.g. throttling) carries the SDK error as its cause: answer for that.
  if (name === 'IdempotencyPersistenceLayerError') return classifyFailure((error as { cause?: unknown }).cause ?? error);
  return error;
}

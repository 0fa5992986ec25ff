/**
 * What the OpenAPI document says about one route, declared next to the schemas the handler
 * validates with, so the handler and the document share the very same schema objects. Each
 * `functions/schemas/<resource>.ts` exports an `operations` fragment of these, keyed by route key;
 * `operations.ts` merges them. Types only: importing this costs a handler bundle nothing.
 *
 * Body and response schemas must be registered with an id (`.register(z.globalRegistry, { id })`):
 * they become `components/schemas/<id>` and every use is a `$ref`.
 */
import type * as z from 'zod/mini';
import type { HttpMethod } from '../routes.ts';

type Schema = z.ZodMiniType;

/** A route key as API Gateway writes it, e.g. `PUT /v1/items/{sku}`. */
export type RouteKey = `${HttpMethod} /${string}`;

export interface CsvColumn {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

/** The `text/csv` form of a body, where a route accepts one as well as JSON. */
export interface CsvBody {
  /** In the order a spreadsheet would have them; matched case-insensitively, any order. */
  readonly columns: readonly CsvColumn[];
  /** A small, valid upload. */
  readonly example: string;
  /** How rows map onto the JSON body, if it needs saying. */
  readonly description?: string;
}

export interface ResponseSpec {
  /** A registered schema, or null for a response without a body. */
  readonly schema: Schema | null;
  readonly description: string;
  /** `application/json` unless said otherwise (e.g. `text/csv` for an export). */
  readonly mediaType?: string;
  /** Headers the handler sends with it, by name: what each says (a string header). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Statuses answered with application/problem+json (functions/http/problem.ts). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 500 | 503;

export interface OperationSpec {
  /** Longer than the route table's summary: what an integrator needs to know. Markdown. */
  readonly description?: string;
  /** Path parameters: a strictObject whose keys are the path's `{names}`. */
  readonly params?: Schema;
  /** Query parameters: a strictObject. Lists spread `pageQueryShape` in and get `limit`/`cursor` documented. */
  readonly query?: Schema;
  /** The JSON request body. */
  readonly body?: Schema;
  /** Where the route accepts `text/csv` as well as JSON. */
  readonly csv?: CsvBody;
  /**
   * The route honours an `Idempotency-Key` header (POSTs that create things): the schema the
   * handler validates the header with (`idempotencyKey` from common.ts unless it needs another).
   */
  readonly idempotencyKey?: Schema;
  /** Success responses by status: a registered schema, or a full ResponseSpec. */
  readonly responses: Readonly<Partial<Record<200 | 201 | 202 | 204, Schema | ResponseSpec>>>;
  /**
   * Problem statuses beyond those every route of its kind gets (400 with input, 401/403 when
   * authorised, 413/415 with a body, 409/422 with an idempotency key, 500, 503 with table access),
   * each with what it means here. A status listed here replaces the general description.
   */
  readonly problems?: Readonly<Partial<Record<ProblemStatus, string>>>;
  /** Defaults to the handler file's name in camelCase. */
  readonly operationId?: string;
  /**
   * A success answer carries text in a language (an import's message, an export's headers): its
   * responses document `Content-Language` and `Vary`. Problems always do.
   */
  readonly localized?: boolean;
}

export type OperationFragment = Readonly<Record<RouteKey, OperationSpec>>;

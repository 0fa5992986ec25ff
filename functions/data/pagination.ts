/**
 * Opaque cursors: the query's LastEvaluatedKey, base64url-encoded. On the way back in, a cursor
 * must belong to the same partition as the query it continues: a cursor from another list (or
 * another tenant's) is refused (InvalidCursorError, 400 at the edge) instead of reaching DynamoDB.
 */
import * as z from 'zod/mini';
import { InvalidCursorError } from '../domain/failures.ts';
import { t } from '../i18n/messages.ts';

export type StartKey = Record<string, string>;

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | null {
  if (!lastEvaluatedKey) return null;
  return encodeCursorOf(lastEvaluatedKey);
}

const startKeySchema = z.record(z.string(), z.string());

export function decodeCursor(cursor: string | undefined, partition: { attribute: string; value: string }): StartKey | undefined {
  return decodeCursorOf(cursor, startKeySchema, (key) => key[partition.attribute] === partition.value);
}

/** A cursor carrying `value`: a query's start key, or the sort key of a list ordered in code (the worklist). */
export function encodeCursorOf(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** What a cursor carries, if it has the list's `shape` and `belongs` to this very list; else InvalidCursorError. */
export function decodeCursorOf<S extends z.ZodMiniType>(cursor: string | undefined, shape: S, belongs: (value: z.output<S>) => boolean): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = shape.safeParse(decoded);
  if (!parsed.success || !belongs(parsed.data)) {
    throw new InvalidCursorError(t('failure.invalidCursor'));
  }
  return parsed.data;
}

/** `?limit=&cursor=` as every list takes them. */
export const pageQueryShape = {
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/, { error: () => t('field.limit') })),
      z.pipe(z.transform(Number), z.int().check(z.minimum(1), z.maximum(100))),
    ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
};

/** The query of a list that takes nothing else; lists with filters spread `pageQueryShape` into their own. */
export const pageQuery = z.strictObject(pageQueryShape);

/** `?limit=&cursor=` as a list handler received them. */
export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 25;

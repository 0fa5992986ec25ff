/**
 * zod → problem details. Every issue becomes a field error with a JSON Pointer, so a client
 * posting 100 lines learns about every bad line at once, not one per retry.
 */
import type { z } from 'zod/mini';
import { badRequest, type FieldError } from './problem.ts';

type Part = FieldError['in'];

export function toFieldErrors(part: Part, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    // Unknown keys arrive as one issue naming several keys: report each key as its own field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        in: part,
        path: pointer([...issue.path, key]),
        message: `Unknown field "${key}".`,
      }));
    }
    return [{ in: part, path: pointer(issue.path), message: issue.message }];
  });
}

export function pointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Parses `value` or throws a 400 problem naming every fault. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, part: Part): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = toFieldErrors(part, result.error.issues);
  const noun = part === 'body' ? 'request body' : part === 'query' ? 'query string' : part === 'path' ? 'path' : 'headers';
  throw badRequest(`The ${noun} has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`, errors);
}

/**
 * zod → problem details. Every issue becomes a field error with a JSON Pointer, so a client
 * posting 100 lines learns about every bad line at once, not one per retry.
 */
import type { z } from 'zod/mini';
import { badRequest, type FieldError } from './problem.ts';
import { currentLocale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';
import { zodErrorMap } from '../i18n/zod-messages.ts';

type Part = FieldError['in'];

export function toFieldErrors(part: Part, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    // Unknown keys arrive as one issue naming several keys: report each key as its own field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        in: part,
        path: pointer([...issue.path, key]),
        message: t('validation.unknownField', { key: String(key) }),
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
  // In Welsh, zod's own messages come from the Welsh error map; a schema's own messages call `t`.
  const locale = currentLocale();
  const result = locale === 'en' ? schema.safeParse(value) : schema.safeParse(value, { error: zodErrorMap(locale) });
  if (result.success) return result.data;
  const errors = toFieldErrors(part, result.error.issues);
  throw badRequest(invalidFieldsDetail(part, errors.length), errors);
}

/** "The request body has 2 invalid fields." in the request's language. */
export function invalidFieldsDetail(part: Part, count: number): string {
  return t('validation.invalidFields', { part: t(`part.${part}`), count });
}

/**
 * zod's own messages in Welsh: an error map for a parse in Welsh (`safeParse(value, { error })`).
 * Messages a schema gives itself (a check's `error`) come first and are translated where they are
 * written (they call `t`); this covers the rest, by issue code, with the catalogue's `zod.*` texts.
 * English parses keep zod's English locale (functions/schemas/common.ts), unchanged.
 */
import type { z } from 'zod/mini';
import type { Locale } from './locale.ts';
import { message, type MessageId } from './messages.ts';

type Issue = z.core.$ZodRawIssue;

const TYPES = new Set(['string', 'number', 'boolean', 'object', 'array', 'null', 'undefined']);

function typeName(locale: Locale, type: string): string {
  return TYPES.has(type) ? message(locale, `zod.type.${type}` as MessageId) : type;
}

function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

const quote = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

export function zodErrorMap(locale: Locale) {
  const m = (id: MessageId, params?: Record<string, string | number>) => message(locale, id, params);
  return (issue: Issue): string => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return m('zod.required');
        return m('zod.invalidType', { expected: typeName(locale, String(issue.expected)), received: typeName(locale, receivedType(issue.input)) });
      case 'invalid_value':
        return issue.values.length === 1 ? m('zod.invalidValue', { expected: quote(issue.values[0]) }) : m('zod.invalidOption', { options: issue.values.map(quote).join('|') });
      case 'too_big': {
        const max = String(issue.maximum);
        if (issue.origin === 'string') return m('zod.tooLong', { max });
        if (issue.origin === 'array' || issue.origin === 'set') return m('zod.tooManyItems', { max });
        return m(issue.inclusive === false ? 'zod.tooBigExclusive' : 'zod.tooBig', { max });
      }
      case 'too_small': {
        const min = String(issue.minimum);
        if (issue.origin === 'string') return m('zod.tooShort', { min });
        if (issue.origin === 'array' || issue.origin === 'set') return m('zod.tooFewItems', { min });
        return m(issue.inclusive === false ? 'zod.tooSmallExclusive' : 'zod.tooSmall', { min });
      }
      case 'invalid_format': {
        if (issue.format === 'regex') return m('zod.pattern', { pattern: String((issue as { pattern?: unknown }).pattern ?? '') });
        const known: Record<string, MessageId> = { date: 'zod.format.date', datetime: 'zod.format.datetime', email: 'zod.format.email' };
        return m('zod.format', { format: known[issue.format] ? m(known[issue.format]!) : issue.format });
      }
      case 'not_multiple_of':
        return m('zod.multipleOf', { divisor: String(issue.divisor) });
      case 'invalid_key':
        return m('zod.invalidKey', { origin: issue.origin });
      case 'invalid_element':
        return m('zod.invalidElement', { origin: issue.origin });
      default:
        return m('zod.invalid');
    }
  };
}

/**
 * Building blocks shared by the request and response schemas. zod/mini, not classic zod: the
 * classic build adds ~450 KB minified to every Lambda bundle, mini ~14 KB (measured).
 */
import * as z from 'zod/mini';
// Only the English messages, not the locale barrel (zod issues #5665, #5561): mini ships no
// messages at all, and "Invalid input" tells an integrator nothing.
import en from 'zod/v4/locales/en.js';
import { RATE_DECIMALS, roundRate } from '../domain/rates.ts';
import { t } from '../i18n/messages.ts';

z.config(en());

export const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const skuPattern = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

export const slug = (what: string) =>
  z.string().check(z.regex(slugPattern, { error: () => t('field.slug', { what }) }));
export const storeId = slug('storeId');
export const homeId = slug('homeId');
export const regionId = slug('regionId');
export const sku = z.string().check(z.regex(skuPattern, { error: () => t('field.sku') }));

/**
 * Free text: surrounding whitespace is trimmed before the length is checked (the document says so),
 * so a name of 123 characters with trailing spaces is 120 characters and accepted, and a name of
 * spaces only is refused as empty.
 */
export function text(maxLength: number, what = 'text') {
  const schema = z.string().check(
    z.trim(),
    z.regex(/\S/, { error: () => t('field.notBlank', { what }) }),
    z.maxLength(maxLength),
  );
  z.globalRegistry.add(schema, {
    description: `Trimmed of surrounding whitespace, then 1 to ${maxLength} characters (not only spaces).`,
    'x-trimmed': true,
  } as Record<string, unknown>);
  return schema;
}
export const name = text(120, 'name');
/** A name in Welsh (issue #19): shown when the page or a text is in Welsh; absent, the English name stands in. */
export const nameCy = text(120, 'nameCy');

/** `?lang=` of the CSV exports: Welsh or English column headers, status words and names; absent, the request's Accept-Language. */
export const exportLanguage = z.enum(['cy', 'en']);
z.globalRegistry.add(exportLanguage, {
  description: 'The language of the file: `cy` Welsh column headers, status words (coch, ambr, gwyrdd) and names (`nameCy`, else the name), `en` English. Absent: the language `Accept-Language` asks for, else English.',
});

/**
 * The language a store's alerts (digest, event texts) are written in: Welsh, English, or both
 * (Welsh first, as the Welsh Language Standards prefer). Absent on a PUT: English.
 */
export const storeLanguage = z.enum(['cy', 'en', 'both']).register(z.globalRegistry, {
  id: 'StoreLanguage',
  description: 'The language of a store’s alerts (its shortfall digest and event texts): `cy` Welsh, `en` English, `both` Welsh first, then English.',
  examples: ['both'],
});

/** The most units any one figure (a count, a line, a level) may carry: far above any real stock. */
export const MAX_UNITS = 10_000_000;

/**
 * Whole units from `min` to `max`. JSON numbers like 2.5 or -1 are refused, never rounded. A refine
 * rather than z.int(): zod aborts the whole body on a non-integer, which would hide a repeated SKU
 * elsewhere in a post until the next attempt. The registry keeps `type: integer` for the document.
 */
export function units(min = 0, max = MAX_UNITS) {
  const schema = z.number().check(
    z.refine((value: number) => Number.isSafeInteger(value), { error: () => t('field.wholeUnits') }),
    z.minimum(min),
    z.maximum(max),
  );
  z.globalRegistry.add(schema, { type: 'integer' } as Record<string, unknown>);
  return schema;
}
export const wholeUnits = (max = MAX_UNITS) => units(0, max);
export const positiveUnits = (max = MAX_UNITS) => units(1, max);


/**
 * A rate from 0 to `max`, kept to 6 decimal places (see domain/rates.ts for why): a positive rate
 * under 0.000001 is refused, finer digits are rounded. JSON Schema says both, so the document and
 * the server agree on which numbers are valid.
 */
export function rate(max: number) {
  const smallest = 10 ** -RATE_DECIMALS;
  const schema = z.pipe(
    z.number().check(
      z.minimum(0),
      z.maximum(max),
      z.refine((value: number) => value <= 0 || value >= smallest, { error: () => t('field.rateMinimum', { smallest: smallest.toFixed(RATE_DECIMALS), decimals: RATE_DECIMALS }) }),
    ),
    z.transform(roundRate),
  );
  z.globalRegistry.add(schema, {
    description: `0, or from ${smallest.toFixed(RATE_DECIMALS)} to ${max}; kept to ${RATE_DECIMALS} decimal places (finer digits are rounded).`,
    not: { exclusiveMinimum: 0, exclusiveMaximum: smallest },
  } as Record<string, unknown>);
  return schema;
}

/**
 * Dates and instants a client sends lie in the years 2000 to 2100. Outside that, a date is surely
 * a typing error, and years before 1000 or after 9999 cannot be written as ISO 8601's four digits
 * (or sorted as strings in an index). One pattern each, calendar rules included (no 2023-02-29,
 * 2100 is not a leap year), so the document states exactly what the server accepts.
 */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;
const calendarDate =
  '(?:20(?:[02468][048]|[13579][26])-02-29|(?:20\\d\\d|2100)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))';
const timeWithOffset = 'T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
export const dateInputPattern = new RegExp(`^${calendarDate}$`);
export const instantInputPattern = new RegExp(`^${calendarDate}${timeWithOffset}$`);

/** A date as the API answers it (any four-digit year). */
export const isoDate = z.iso.date();
export const isoInstant = z.iso.datetime({ offset: true });

/** A calendar date a client sends: YYYY-MM-DD in the years 2000 to 2100. */
export const dateInput = z.string().check(
  z.regex(dateInputPattern, { error: () => t('field.date', { earliest: EARLIEST_YEAR, latest: LATEST_YEAR }) }),
);
z.globalRegistry.add(dateInput, { format: 'date', description: `A calendar date, YYYY-MM-DD, in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}.` });

/** An instant a client sends: ISO 8601 with seconds and an offset (Z or ±hh:mm), years 2000 to 2100. */
export const instantInput = z.string().check(
  z.regex(instantInputPattern, { error: (issue) => instantInputMessage(String(issue.input)) }),
);

/** Says how to fix the instant: the usual slip is a local time without its offset, valid ISO 8601 though it is. */
export function instantInputMessage(input: string): string {
  const example = '2026-03-10T08:00:00Z';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(input)) {
    const withSeconds = /T\d{2}:\d{2}$/.test(input) ? `${input}:00` : input;
    return t('field.instant.needsOffset', { suggestion: `${withSeconds}Z` });
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(input)) return t('field.instant.needsSeconds', { example });
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return t('field.instant.needsTime', { suggestion: `${input}T08:00:00Z` });
  const year = Number(input.slice(0, 4));
  if (/^\d{4}-\d{2}-\d{2}[ T]/.test(input) && (year < EARLIEST_YEAR || year > LATEST_YEAR)) return t('field.instant.years', { earliest: EARLIEST_YEAR, latest: LATEST_YEAR });
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(input)) {
    return t('field.instant.notReal');
  }
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(input)) return t('field.instant.needsT', { example });
  return t('field.instant.format', { earliest: EARLIEST_YEAR, latest: LATEST_YEAR, example });
}
z.globalRegistry.add(instantInput, {
  format: 'date-time',
  description: `An ISO 8601 instant with seconds and an offset (Z or ±hh:mm), e.g. 2026-03-10T08:00:00Z, in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}.`,
});

export const weekday = z.enum(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().check(z.refine(isTimeZone, { error: () => t('field.timeZone') }));
// The document lists the zone names this runtime knows (canonical IANA names); the server also takes their aliases.
z.globalRegistry.add(timeZone, { description: 'An IANA time zone name, e.g. Europe/London.', enum: [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])] } as Record<string, unknown>);

/** A list of distinct values (JSON Schema's `uniqueItems`; zod's check for it, which the document marks). */
export function distinct<T extends z.ZodMiniType>(item: T, what: string, maxItems: number) {
  const schema = z.array(item).check(
    z.maxLength(maxItems),
    z.refine((values: unknown[]) => new Set(values.map((v) => JSON.stringify(v))).size === values.length, { error: () => t('field.noRepeats', { what }) }),
  );
  z.globalRegistry.add(schema, { uniqueItems: true } as Record<string, unknown>);
  return schema;
}

/**
 * Names every repeated SKU (`/lines/4/sku`), not just the list, so a 100-line post is fixed in one
 * go. Runs also when some lines have other faults (every fault is reported at once), but only on a
 * list. The document says it with `x-unique-by` (JSON Schema cannot say "unique by a property").
 */
export const noRepeatedSku = z.superRefine<unknown[]>(
  (lines, ctx) => {
    const first = new Map<string, number>();
    lines.forEach((line, index) => {
      const value = (line as { sku?: unknown } | null)?.sku;
      if (typeof value !== 'string') return;
      const seen = first.get(value);
      if (seen === undefined) first.set(value, index);
      else ctx.issues.push({ code: 'custom', input: value, path: [index, 'sku'], message: t('field.skuRepeats', { sku: value, line: seen }) });
    });
  },
  { when: (payload) => Array.isArray(payload.value) },
);

/** 1 to `max` lines, one per SKU. */
export function skuLines<T extends z.ZodMiniType>(line: T, max: number) {
  const schema = z.array(line).check(z.minLength(1), z.maxLength(max), noRepeatedSku);
  z.globalRegistry.add(schema, { 'x-unique-by': 'sku', description: `1 to ${max} lines, one per SKU.` } as Record<string, unknown>);
  return schema;
}

/** The `Idempotency-Key` header (IETF httpapi draft): one value per operation the client means to perform, e.g. a UUID. */
export const idempotencyKey = z
  .string()
  .check(z.regex(/^[\x21-\x7e]{8,255}$/, { error: () => t('field.idempotencyKey') }));

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** Who did something: the token's subject and organisation. */
export const actor = z
  .object({ subject: z.string(), org: z.string() })
  .register(z.globalRegistry, { id: 'Actor', description: "Who did it: the token's subject (a person's or a machine client's id) and organisation." });

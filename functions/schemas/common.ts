/**
 * Building blocks shared by the request and response schemas. zod/mini, not classic zod: the
 * classic build adds ~450 KB minified to every Lambda bundle, mini ~14 KB (measured).
 */
import * as z from 'zod/mini';
// Only the English messages, not the locale barrel (zod issues #5665, #5561): mini ships no
// messages at all, and "Invalid input" tells an integrator nothing.
import en from 'zod/v4/locales/en.js';

z.config(en());

export const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const skuPattern = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

export const slug = (what: string) =>
  z.string().check(z.regex(slugPattern, `${what} must be a lowercase slug: a–z, 0–9 and hyphens, up to 63 characters`));
export const storeId = slug('storeId');
export const homeId = slug('homeId');
export const sku = z.string().check(z.regex(skuPattern, 'sku must be capitals, digits and hyphens, up to 40 characters, e.g. MASK-IIR'));

export const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

/** Whole units; JSON numbers like 2.5 or -1 are refused, never rounded. */
export const wholeUnits = (max = 10_000_000) => z.int().check(z.minimum(0), z.maximum(max));
export const positiveUnits = (max = 10_000_000) => z.int().check(z.minimum(1), z.maximum(max));

export const isoDate = z.iso.date();
export const isoInstant = z.iso.datetime({ offset: true });

export const weekday = z.enum(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z.string().check(z.refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/London'));

export function unique<T>(key: (value: T) => string, what: string) {
  return z.refine<T[]>((values) => new Set(values.map(key)).size === values.length, `${what} must not repeat`);
}

/** The `Idempotency-Key` header (IETF httpapi draft): one value per operation the client means to perform, e.g. a UUID. */
export const idempotencyKey = z
  .string()
  .check(z.regex(/^[\x21-\x7e]{8,255}$/, 'Idempotency-Key must be 8 to 255 visible ASCII characters, e.g. a UUID'));

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

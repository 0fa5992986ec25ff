// Instants are ISO 8601 strings with an explicit offset; the domain never reads the clock.

export const MS_PER_DAY = 86_400_000;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch; throws on anything but an ISO instant with an offset (Date.parse alone accepts "March 7"). */
export function instantMs(iso: string): number {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant with an offset: "${iso}"`);
  return ms;
}

/** The canonical stored form (UTC, milliseconds), so instants sort as strings. */
export function canonicalInstant(ms: number): string {
  return new Date(ms).toISOString();
}

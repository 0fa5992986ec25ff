/** The CSV export's file name, from the response's Content-Disposition (RFC 6266), with a fallback. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return safeName(decodeURIComponent(extended[1]!.trim()), fallback);
    } catch {
      // fall through to the plain parameter
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header);
  if (quoted) return safeName(quoted[1]!.replace(/\\(.)/g, '$1'), fallback);
  const bare = /filename\s*=\s*([^;\s]+)/.exec(header);
  return bare ? safeName(bare[1]!, fallback) : fallback;
}

/** No paths, no control characters: the browser saves it in the downloads folder as named. */
function safeName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? fallback : base;
}

export function exportPath(storeId: string, date: string): string {
  return `/v1/stores/${encodeURIComponent(storeId)}/export.csv?date=${encodeURIComponent(date)}`;
}

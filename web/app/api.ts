/** The API, as the page calls it: bearer token, problem+json errors in words, pagination followed. */
import type { Page } from '../model/api-types.ts';
import { filenameFromDisposition } from '../model/download.ts';
import type { ProblemDetails } from '../model/form-fields.ts';
import { HTML_LANG, type Translator } from '../i18n/translate.ts';

export class ApiError extends Error {
  readonly problem: ProblemDetails;
  constructor(
    readonly status: number,
    message: string,
    problem?: ProblemDetails,
  ) {
    super(message);
    this.problem = problem ?? { status, detail: message };
  }
}

export interface WriteOptions {
  body?: unknown;
  /** Sent as Idempotency-Key: the same key for a retry of the same submission. */
  idempotencyKey?: string;
}

export interface Api {
  get<T>(path: string): Promise<T>;
  /** Every page of a list. */
  getAll<T>(path: string): Promise<T[]>;
  /** null when the API has no such route (yet) or no such thing. */
  getOptional<T>(path: string): Promise<T | null>;
  download(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }>;
  /** A POST, PUT or DELETE (with a JSON body when given); problem+json answers throw ApiError carrying the problem. */
  write<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, options?: WriteOptions): Promise<T>;
}

/**
 * `language` is read at each call: every request asks for the page's language (Accept-Language),
 * so the API's problem titles, details and field errors come back in it where the API has them.
 */
export function createApi(baseUrl: string, token: () => Promise<string>, onUnauthorised: () => void, language: () => Translator): Api {
  async function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const m = language();
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${await token()}`, 'accept-language': HTML_LANG[m.lang] },
      });
    } catch {
      throw new ApiError(0, m.t('api.unreachable'));
    }
    if (response.status === 401) {
      onUnauthorised();
      throw new ApiError(401, m.t('api.sessionEnded'));
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as Omit<ProblemDetails, 'status'> | null;
      const message = problem?.detail ?? problem?.title ?? m.t('api.answered', { status: String(response.status) });
      throw new ApiError(response.status, message, { ...problem, status: response.status });
    }
    return response;
  }

  const api: Api = {
    async get<T>(path: string) {
      return (await (await send(path)).json()) as T;
    },
    async getAll<T>(path: string) {
      const all: T[] = [];
      let cursor: string | null = null;
      do {
        const separator = path.includes('?') ? '&' : '?';
        const page: Page<T> = await api.get<Page<T>>(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path);
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    async getOptional<T>(path: string) {
      try {
        return await api.get<T>(path);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    async write<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, options: WriteOptions = {}) {
      const headers: Record<string, string> = {};
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const body = options.body === undefined ? {} : { body: JSON.stringify(options.body) };
      const response = await send(path, { method, headers, ...body });
      return (await response.json()) as T;
    },
    async download(path: string, fallbackName: string) {
      const response = await send(path);
      return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('content-disposition'), fallbackName) };
    },
  };
  return api;
}

/** Runs `task` over `inputs` with at most `limit` in flight: a store's homes are read in parallel, politely. */
export async function mapLimited<I, O>(inputs: readonly I[], limit: number, task: (input: I) => Promise<O>): Promise<O[]> {
  const results: O[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await task(inputs[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}

/** Saves a blob under a name, as a download (the API needs a bearer token, so a plain link cannot). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

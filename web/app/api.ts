/** The API, as the page calls it: bearer token, problem+json errors in words, pagination followed. */
import type { Page } from '../model/api-types.ts';
import { filenameFromDisposition } from '../model/download.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  /** Every page of a list. */
  getAll<T>(path: string): Promise<T[]>;
  /** null when the API has no such route (yet) or no such thing. */
  getOptional<T>(path: string): Promise<T | null>;
  download(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }>;
}

export function createApi(baseUrl: string, token: () => Promise<string>, onUnauthorised: () => void): Api {
  async function send(path: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${await token()}` } });
    } catch {
      throw new ApiError(0, 'the API could not be reached');
    }
    if (response.status === 401) {
      onUnauthorised();
      throw new ApiError(401, 'your session has ended; please sign in again');
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
      throw new ApiError(response.status, problem?.detail ?? problem?.title ?? `the API answered ${response.status}`);
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

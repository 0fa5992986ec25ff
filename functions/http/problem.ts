/**
 * RFC 9457 problem details. Every 4xx/5xx the API sends is one of these, built here and nowhere else,
 * so integrators can rely on `type`, `title`, `status`, `detail` and field-level `errors`. The
 * `type` is always one of the catalogue's (problem-types.ts), which also decides status and title.
 */
import { currentLocale, type Locale } from '../i18n/locale.ts';
import { message, t } from '../i18n/messages.ts';
import { PROBLEM_TYPES, problemTypeUri, type ProblemSlug } from './problem-types.ts';

export interface FieldError {
  /** Where the fault is: the body, the query string, a path parameter or a header. */
  in: 'body' | 'query' | 'path' | 'header';
  /** JSON Pointer to the field within that part (`/lines/3/onHand`), or the header/parameter name. */
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** An error a use case throws to answer with a problem; anything else thrown becomes a 500. */
export class HttpProblem extends Error {
  readonly slug: ProblemSlug;
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    slug: ProblemSlug,
    detail: string,
    options: { errors?: FieldError[]; extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.slug = slug;
    this.status = PROBLEM_TYPES[slug].status;
    this.type = problemTypeUri(slug);
    this.title = PROBLEM_TYPES[slug].title;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  /** The body in `locale`: the title from the catalogue; the detail and field errors were written in it (they call `t`). */
  toBody(locale: Locale = 'en'): ProblemBody {
    return {
      type: this.type,
      title: message(locale, `problem.${this.slug}.title`),
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const badRequest = (detail: string, errors: FieldError[]) => new HttpProblem('validation', detail, { errors });
export const unauthenticated = (detail: string) => new HttpProblem('unauthenticated', detail, { headers: { 'www-authenticate': 'Bearer' } });
export const scopeMissing = (scope: string) => new HttpProblem('scope-missing', t('auth.scopeMissing', { scope }), { extensions: { requiredScope: scope } });
export const forbidden = (detail: string) => new HttpProblem('tenant-forbidden', detail);
export const notFound = (detail: string) => new HttpProblem('not-found', detail);
/** 409: the action does not apply in the state the thing is in; `currentStatus` names it. */
export const invalidTransition = (detail: string, currentStatus: string) =>
  new HttpProblem('invalid-transition', detail, { extensions: { currentStatus } });
export const writeConflict = (detail: string) => new HttpProblem('write-conflict', detail);
/** 409: a home's move would not fit one transaction; the counts say what to finish first. */
export const tooMuchToMove = (detail: string, counts: { writes: number; limit: number; requests: number; plannedDeliveries: number; inboundPositions: number }) =>
  new HttpProblem('too-much-to-move', detail, { extensions: counts });

/**
 * The one place a problem becomes a response: in the language negotiated for the request (its
 * `Accept-Language`, functions/i18n/locale.ts), which `Content-Language` names; `Vary` tells caches
 * the answer depends on that header.
 */
export function problemResponse(problem: HttpProblem, requestId?: string, locale: Locale = currentLocale()) {
  const body = problem.toBody(locale);
  if (requestId) body.instance = `urn:request:${requestId}`;
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', 'content-language': locale, vary: 'Accept-Language', ...problem.headers },
    body: JSON.stringify(body),
  };
}

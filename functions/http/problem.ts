/**
 * RFC 9457 problem details. Every 4xx/5xx the API sends is one of these, built here and nowhere else,
 * so integrators can rely on `type`, `title`, `status`, `detail` and field-level `errors`.
 */
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

const TYPE_BASE = 'https://carestock.example/problems/';

const titles: Record<number, [slug: string, title: string]> = {
  400: ['validation', 'Request is not valid'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Not allowed'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict with the current state'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported content type'],
  422: ['unprocessable', 'Request cannot be processed'],
  500: ['internal', 'Internal error'],
  503: ['unavailable', 'Service temporarily unavailable'],
};

/** An error a use case throws to answer with a problem; anything else thrown becomes a 500. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail: string,
    options: { errors?: FieldError[]; type?: string; title?: string; extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    const [slug, title] = titles[status] ?? ['error', 'Error'];
    this.status = status;
    this.type = options.type ?? TYPE_BASE + slug;
    this.title = options.title ?? title;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(): ProblemBody {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpProblem(400, detail, errors ? { errors } : {});
export const unauthenticated = (detail: string) => new HttpProblem(401, detail, { headers: { 'www-authenticate': 'Bearer' } });
export const forbidden = (detail: string) => new HttpProblem(403, detail);
export const notFound = (detail: string) => new HttpProblem(404, detail);
export const conflict = (detail: string, extensions?: Record<string, unknown>) =>
  new HttpProblem(409, detail, extensions ? { extensions } : {});

export function problemResponse(problem: HttpProblem, requestId?: string) {
  const body = problem.toBody();
  if (requestId) body.instance = `urn:request:${requestId}`;
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json', ...problem.headers },
    body: JSON.stringify(body),
  };
}

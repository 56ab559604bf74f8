/**
 * The one error story of the API: every failure becomes `{ error: { code, message, details? } }` with the
 * status API.md assigns to its code. Handlers throw `ApiError`; `handleError` (app.onError) shapes the
 * reply, so no handler builds an error body by hand and no stack trace reaches a client.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { ConfigError } from '../config';

export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  image_too_large: 422,
  unprocessable_image: 422,
  rate_limited: 429,
  concurrency_limit: 429,
  internal_error: 500,
  not_implemented: 501,
  translation_unavailable: 503,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One entry per offending field or file; `field` names it as the client sent it (e.g. `images[2]`). */
export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. Retry-After for 429. */
    readonly headers?: Record<string, string>,
    status?: ContentfulStatusCode,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status ?? ERROR_STATUS[code];
  }
}

/**
 * Middleware that turns anything thrown that is not an Error into one. Hono hands only Errors to
 * app.onError and rethrows the rest, which the runtime would answer with its own (HTML) error page.
 */
export const rethrowAsError = createMiddleware(async (_c, next) => {
  try {
    await next();
  } catch (thrown) {
    throw thrown instanceof Error ? thrown : new Error(`Non-error thrown: ${String(thrown)}`);
  }
});

/** Turns zod issues into API error details, naming each field by its path (`limit`, `target_languages[3]`). */
export function detailsFromZod(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: fieldName(issue.path),
    code: issue.code,
    message: issue.message,
  }));
}

function fieldName(path: PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/** The JSON error shape of API.md; `details` only when there are any. */
export function errorBody(code: string, message: string, details?: ErrorDetail[]) {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

/** Renders an ApiError (or anything thrown) as the JSON error shape. Unknown errors are logged as 5xx. */
export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof ApiError) {
    if (err.status >= 500) logServerError(c, err);
    return c.json(errorBody(err.code, err.message, err.details), err.status, err.headers);
  }
  if (err instanceof ConfigError) {
    logServerError(c, err);
    return c.json(errorBody('service_unavailable', 'The service is not configured correctly; the operator has been told in the logs.'), 503);
  }
  if (err instanceof ZodError) {
    return c.json(errorBody('invalid_request', 'The request is invalid.', detailsFromZod(err)), 400);
  }
  if (err instanceof HTTPException && err.status < 500) return c.json(errorBody('invalid_request', describeHttpException(c, err)), 400);
  logServerError(c, err);
  return c.json(errorBody('internal_error', 'Something went wrong on our side. Retry later; quote the request id if it persists.'), 500);
}

/**
 * Hono's own request errors, reworded for clients. Its validators throw 415 for a body whose
 * Content-Type the route does not declare; the only bodies validated that way are JSON (uploads are
 * read by hand), and API.md reserves 415 for image formats, so this is a 400 naming the fix.
 */
function describeHttpException(c: Context, err: HTTPException): string {
  if (err.status === 415) {
    const type = c.req.header('content-type');
    return `${type ? `Content-Type "${type}" is not accepted here` : 'The body has no Content-Type'}; send JSON with "Content-Type: application/json".`;
  }
  if (/malformed json/i.test(err.message)) return 'The body is not valid JSON.';
  return err.message ? `The request is malformed: ${err.message}` : 'The request is malformed.';
}

function logServerError(c: Context, err: unknown) {
  const e = err instanceof Error ? err : new Error(String(err));
  console.error(
    JSON.stringify({
      level: 'error',
      request_id: c.get('requestId'),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: e.name,
      message: e.message,
      // An ApiError is an expected, classified failure: its message says it all.
      ...(err instanceof ApiError ? { details: err.details } : { stack: e.stack }),
    }),
  );
}

/**
 * A factory for the per-resource sub-apps: OpenAPIHono instances whose validation failures become
 * the API's 400 error shape instead of the library's default body.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { ApiError, detailsFromZod } from './errors';
import { ErrorSchema } from './schemas/common';

/** A sub-app whose route validation failures throw the API's 400 `invalid_request`, naming each field. */
export function createApiApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const details = detailsFromZod(result.error);
        const first = details[0];
        const message = first ? `${first.field ? `${first.field}: ` : ''}${first.message}` : 'The request is invalid.';
        throw new ApiError('invalid_request', message, details);
      }
    },
  });
}

type DocumentedStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 416 | 422 | 429 | 500 | 502 | 503;

/**
 * Standard error responses for route definitions, so every endpoint documents the errors it can give.
 * 401 (the API key) and 500 are included for every authenticated route.
 */
export function errorResponses(...statuses: DocumentedStatus[]) {
  return describeErrors([401, 500, ...statuses]);
}

/** The same for routes that need no API key (signed file URLs): 500 is included, 401 is not. */
export function publicErrorResponses(...statuses: DocumentedStatus[]) {
  return describeErrors([500, ...statuses]);
}

function describeErrors(statuses: DocumentedStatus[]) {
  const descriptions: Record<DocumentedStatus, string> = {
    400: 'invalid_request: a missing or invalid field, unsupported language, malformed multipart',
    401: 'unauthorized: missing, malformed, unknown or revoked API key',
    403: 'forbidden: a tampered or expired signed URL',
    404: 'not_found: no such resource in this account',
    409: 'conflict: the resource is in a state that does not allow this',
    412: 'precondition_failed: If-Match or If-Unmodified-Since does not hold',
    413: 'payload_too_large: a file over 10 MB, or a body over the limit',
    415: 'unsupported_media_type: not a JPEG, PNG or WebP (judged by the bytes)',
    416: 'range_not_satisfiable: the Range starts past the end of the file',
    422: 'image_too_large (over 50 megapixels) or unprocessable_image (corrupt or truncated)',
    429: 'rate_limited or concurrency_limit, with Retry-After',
    500: 'internal_error',
    502: 'translation_unavailable: the translation engine failed after retries',
    503: 'service_unavailable (the operator has misconfigured the service) or translation_unavailable',
  };
  return Object.fromEntries(
    [...new Set(statuses)].sort((a, b) => a - b).map((status) => [
      status,
      { description: descriptions[status], content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );
}

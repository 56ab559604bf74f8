/**
 * GET /files/… — serves stored images through signed, expiring URLs, so outputs can be opened in a
 * browser without an API key. A tampered or expired URL gets a 403 JSON error. Conditional requests
 * (ETag, dates) and single byte ranges are answered as HTTP says: 304, 412, 206 or 416.
 */
import { z } from '@hono/zod-openapi';
import { readConfig } from '../config';
import { parseByteRange } from '../storage/byte-range';
import { verifySignedUrl } from '../storage/signed-urls';
import type { AppEnv } from './context';
import { ApiError } from './errors';
import { createApiApp, publicErrorResponses } from './openapi-app';

export const filesApi = createApiApp();

filesApi.openAPIRegistry.registerPath({
  method: 'get',
  path: '/{key}',
  tags: ['Files'],
  summary: 'Fetch a stored image through a signed URL',
  description:
    'The image URLs in API responses point here. They need no API key: `expires` and `signature` authorise them (default lifetime 24 h). ' +
    '`key` spans several path segments (`{account}/{batch or request}/{image}/{original|clean|translated-xx}.{ext}`). ' +
    'Supports `If-None-Match` / `If-Modified-Since` (304), `If-Match` / `If-Unmodified-Since` (412) and one `Range: bytes=…` (206, or 416 past the end).',
  security: [],
  request: {
    params: z.object({ key: z.string().openapi({ param: { name: 'key', in: 'path' }, example: 'acct_x/batch_y/img_z/translated-en.png' }) }),
    query: z.object({
      expires: z.string().openapi({ description: 'Unix time (seconds) after which the URL stops working.', example: '1771754400' }),
      signature: z.string().openapi({ description: 'base64url HMAC-SHA256 over the key and `expires`.' }),
    }),
  },
  responses: {
    200: { description: 'The image.', content: { 'image/png': { schema: z.any().openapi({ type: 'string', format: 'binary' }) }, 'image/jpeg': { schema: z.any().openapi({ type: 'string', format: 'binary' }) }, 'image/webp': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } },
    206: { description: 'The requested byte range.' },
    304: { description: 'The copy the client holds is current.' },
    ...publicErrorResponses(403, 404, 412, 416, 503),
  },
});

// Registered by hand: the key spans several path segments, which the route validator cannot express.
filesApi.get('/*', async (c) => {
  const config = readConfig(c.env);
  const check = await verifySignedUrl(new URL(c.req.url), config.URL_SIGNING_SECRET);
  if (!check.ok) {
    const message = {
      missing: 'This file URL is not signed; use the URL returned by the API.',
      expired: 'This file URL has expired; request the resource again for a fresh URL.',
      invalid: 'This file URL has been altered or its signature is invalid.',
    }[check.reason];
    throw new ApiError('forbidden', message);
  }

  const conditions = c.req.raw.headers;
  const rangeHeader = c.req.header('range');
  let range: { offset: number; length: number } | undefined;
  if (rangeHeader) {
    // The range can only be judged against the object's size, so look at it first.
    const head = await c.env.BUCKET.head(check.key);
    if (!head) throw new ApiError('not_found', 'This file no longer exists.');
    const ifRange = c.req.header('if-range');
    const asked = ifRange === undefined || ifRange === head.httpEtag ? parseByteRange(rangeHeader, head.size) : { kind: 'none' as const };
    if (asked.kind === 'unsatisfiable') {
      throw new ApiError('range_not_satisfiable', `The range starts past the end of the file (${head.size} bytes).`, undefined, {
        'content-range': `bytes */${head.size}`,
      });
    }
    if (asked.kind === 'range') range = { offset: asked.offset, length: asked.length };
  }

  const object = await c.env.BUCKET.get(check.key, { onlyIf: conditions, ...(range ? { range } : {}) });
  if (!object) throw new ApiError('not_found', 'This file no longer exists.');

  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set('etag', object.httpEtag);
  headers.set('last-modified', object.uploaded.toUTCString());
  headers.set('x-content-type-options', 'nosniff');
  headers.set('cache-control', 'private, max-age=3600');
  headers.set('accept-ranges', 'bytes');
  if (!('body' in object) || !object.body) {
    // R2 left the body out because a precondition failed: If-Match / If-Unmodified-Since failing is a
    // 412; otherwise it was If-None-Match / If-Modified-Since saying the client's copy is current.
    if (failsWritePrecondition(conditions, object)) throw new ApiError('precondition_failed', 'The file does not match If-Match / If-Unmodified-Since.');
    return new Response(null, { status: 304, headers });
  }
  if (range) {
    headers.set('content-range', `bytes ${range.offset}-${range.offset + range.length - 1}/${object.size}`);
    headers.set('content-length', String(range.length));
    return new Response(object.body, { status: 206, headers });
  }
  headers.set('content-length', String(object.size));
  return new Response(object.body, { status: 200, headers });
});

function failsWritePrecondition(headers: Headers, object: R2Object): boolean {
  const ifMatch = headers.get('if-match');
  if (ifMatch !== null) {
    // Strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
    const tags = ifMatch.split(',').map((t) => t.trim());
    return !tags.includes('*') && !tags.includes(object.httpEtag);
  }
  const ifUnmodifiedSince = Date.parse(headers.get('if-unmodified-since') ?? '');
  return Number.isFinite(ifUnmodifiedSince) && Math.floor(object.uploaded.getTime() / 1000) * 1000 > ifUnmodifiedSince;
}

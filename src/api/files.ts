/**
 * GET /files/… — serves stored images through signed, expiring URLs, so outputs can be opened in a
 * browser without an API key. A tampered or expired URL gets a 403 JSON error.
 */
import { Hono } from 'hono';
import { readConfig } from '../config';
import { verifySignedUrl } from '../storage/signed-urls';
import type { AppEnv } from './context';
import { ApiError } from './errors';

export const filesApi = new Hono<AppEnv>().get('/*', async (c) => {
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

  const object = await c.env.BUCKET.get(check.key, { range: c.req.raw.headers, onlyIf: c.req.raw.headers });
  if (!object) throw new ApiError('not_found', 'This file no longer exists.');

  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set('etag', object.httpEtag);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('cache-control', 'private, max-age=3600');
  headers.set('accept-ranges', 'bytes');
  if (!('body' in object) || !object.body) return new Response(null, { status: 304, headers });
  const range = object.range as { offset?: number; length?: number } | undefined;
  if (range && c.req.header('range')) {
    const offset = range.offset ?? 0;
    const length = range.length ?? object.size - offset;
    headers.set('content-range', `bytes ${offset}-${offset + length - 1}/${object.size}`);
    headers.set('content-length', String(length));
    return new Response(object.body, { status: 206, headers });
  }
  headers.set('content-length', String(object.size));
  return new Response(object.body, { status: 200, headers });
});

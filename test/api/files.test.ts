import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { urlSigner } from '../../src/storage/public-url';
import { signObjectUrl } from '../../src/storage/signed-urls';
import { BASE, call } from '../helpers/api';

const config = () => readConfig(env);

async function stored(body = 'image bytes') {
  const key = `acct_test/req_files/img_1/clean.png`;
  await env.BUCKET.put(key, body, { httpMetadata: { contentType: 'image/png' } });
  return key;
}

describe('GET /files (signed URLs)', () => {
  it('serves an object through a valid signed URL without an API key', async () => {
    const key = await stored();
    const url = await signObjectUrl({ baseUrl: BASE, key, secret: config().URL_SIGNING_SECRET, ttlSeconds: 60 });
    const res = await call(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(await res.text()).toBe('image bytes');
  });

  it('serves byte ranges', async () => {
    const key = await stored('0123456789');
    const url = await signObjectUrl({ baseUrl: BASE, key, secret: config().URL_SIGNING_SECRET, ttlSeconds: 60 });
    const res = await call(url, { headers: { range: 'bytes=2-4' } });
    expect(res.status).toBe(206);
    expect(await res.text()).toBe('234');
  });

  it.each([
    ['bytes=abc', 200, '0123456789', null],
    ['bytes=5-2', 200, '0123456789', null],
    ['bytes=0-1,4-5', 200, '0123456789', null],
    ['items=0-1', 200, '0123456789', null],
    ['bytes=-3', 206, '789', 'bytes 7-9/10'],
    ['bytes=8-', 206, '89', 'bytes 8-9/10'],
    ['bytes=8-100', 206, '89', 'bytes 8-9/10'],
    ['bytes=10-20', 416, null, 'bytes */10'],
    ['bytes=-0', 416, null, 'bytes */10'],
  ])('answers Range: %s with %i', async (range, status, body, contentRange) => {
    const key = await stored('0123456789');
    const url = await signObjectUrl({ baseUrl: BASE, key, secret: config().URL_SIGNING_SECRET, ttlSeconds: 60 });
    const res = await call(url, { headers: { range } });
    expect(res.status).toBe(status);
    const text = await res.text();
    if (body === null) expect(JSON.parse(text).error.code).toBe('range_not_satisfiable');
    else expect(text).toBe(body);
    expect(res.headers.get('content-range')).toBe(contentRange);
  });

  it('answers conditional requests with 304 and 412 as HTTP says', async () => {
    const key = await stored();
    const url = await signObjectUrl({ baseUrl: BASE, key, secret: config().URL_SIGNING_SECRET, ttlSeconds: 60 });
    const first = await call(url);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const status = async (headers: Record<string, string>) => {
      const res = await call(url, { headers });
      const text = await res.text();
      if (res.status === 412) expect(JSON.parse(text).error.code).toBe('precondition_failed');
      return res.status;
    };
    expect(await status({ 'if-none-match': etag })).toBe(304);
    expect(await status({ 'if-none-match': '"something-else"' })).toBe(200);
    expect(await status({ 'if-match': etag })).toBe(200);
    expect(await status({ 'if-match': '"something-else"' })).toBe(412);
    expect(await status({ 'if-match': `W/${etag}` })).toBe(412);
    expect(await status({ 'if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).toBe(412);
    expect(await status({ 'if-modified-since': 'garbage' })).toBe(200);
    expect(await status({ range: 'bytes=0-1', 'if-range': '"something-else"' })).toBe(200);
    expect(await status({ range: 'bytes=0-1', 'if-range': etag })).toBe(206);
  });

  it.each([
    ['a changed key', (u: URL) => (u.pathname = u.pathname.replace('clean', 'original'))],
    ['a changed expiry', (u: URL) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 1))],
    // Its first character replaced by another one: 'A' over a signature that starts with 'A' changed nothing (1 run in 64).
    ['a changed signature', (u: URL) => {
      const signature = u.searchParams.get('signature')!;
      u.searchParams.set('signature', (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1));
    }],
    ['no signature', (u: URL) => u.searchParams.delete('signature')],
  ])('refuses %s with 403 JSON', async (_, tamper) => {
    const key = await stored();
    const url = new URL(await signObjectUrl({ baseUrl: BASE, key, secret: config().URL_SIGNING_SECRET, ttlSeconds: 60 }));
    tamper(url);
    const res = await call(url.toString());
    expect(res.status).toBe(403);
    expect((await res.json<any>()).error.code).toBe('forbidden');
  });

  it('refuses an expired URL with 403', async () => {
    const key = await stored();
    const url = await signObjectUrl({ baseUrl: BASE, key, secret: config().URL_SIGNING_SECRET, ttlSeconds: 60, now: Date.now() - 120_000 });
    const res = await call(url);
    expect(res.status).toBe(403);
    expect((await res.json<any>()).error.message).toContain('expired');
  });

  it('signs URLs for 24 hours by default, against the origin the client used', async () => {
    expect(env.SIGNED_URL_TTL_SECONDS).toBe('86400');
    const key = await stored();
    const before = Math.floor(Date.now() / 1000);
    const url = new URL(await urlSigner(config(), `${BASE}/api/v1/batch/x`)(key));
    const after = Math.floor(Date.now() / 1000);
    expect(url.origin).toBe(BASE);
    const expires = Number(url.searchParams.get('expires'));
    expect(expires).toBeGreaterThanOrEqual(before + 86_400);
    expect(expires).toBeLessThanOrEqual(after + 86_400);
    expect((await call(url.toString())).status).toBe(200);
  });

  it('answers 404 for a validly signed URL of a deleted object', async () => {
    const key = 'acct_test/req_files/img_2/gone.png';
    const url = await signObjectUrl({ baseUrl: BASE, key, secret: config().URL_SIGNING_SECRET, ttlSeconds: 60 });
    expect((await call(url)).status).toBe(404);
  });
});

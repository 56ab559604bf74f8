import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../src/api/context';
import { errorResponse, rethrowAsError } from '../../src/api/errors';
import { requestId } from '../../src/api/request-id';
import { ConfigError } from '../../src/config';

// The app's own error handler and request-id middleware around routes that fail the ways real code can.
const app = new Hono<AppEnv>()
  .use('*', requestId)
  .use('*', rethrowAsError)
  .get('/bug', () => {
    throw new TypeError('cannot read properties of undefined (reading "secret_token_123")');
  })
  .get('/misconfigured', () => {
    throw new ConfigError(['URL_SIGNING_SECRET: URL_SIGNING_SECRET is not set']);
  })
  .get('/thrown-string', () => {
    throw 'plain string';
  });
app.onError((err, c) => errorResponse(c, err));

afterEach(() => vi.restoreAllMocks());

describe('the error handler', () => {
  it('answers an unexpected exception with a JSON 500 that leaks nothing, and logs it with the request id', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await app.request('/bug');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^req_/);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('internal_error');
    expect(text).not.toContain('secret_token_123');
    expect(text).not.toContain('TypeError');
    expect(text).not.toMatch(/\bat \S+:\d+/);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(logged.mock.calls[0][0]))).toMatchObject({ level: 'error', request_id: id, path: '/bug' });
  });

  it('answers a configuration problem with 503 and tells only the log what is wrong', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await app.request('/misconfigured');
    expect(res.status).toBe(503);
    const body = await res.json<any>();
    expect(body.error.code).toBe('service_unavailable');
    expect(JSON.stringify(body)).not.toContain('URL_SIGNING_SECRET');
    expect(String(logged.mock.calls[0][0])).toContain('URL_SIGNING_SECRET');
  });

  it('copes with things thrown that are not errors', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await app.request('/thrown-string');
    expect(res.status).toBe(500);
    expect((await res.json<any>()).error.code).toBe('internal_error');
  });
});

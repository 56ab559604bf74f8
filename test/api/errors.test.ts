import { describe, expect, it } from 'vitest';
import { call, callJson, createTestAccount } from '../helpers/api';

describe('errors and request ids', () => {
  it('puts an x-request-id on every response, success or failure', async () => {
    const { key } = await createTestAccount();
    const ok = await call('/api/v1/languages', { key });
    const unauthorised = await call('/api/v1/languages');
    const missing = await call('/api/v1/nope', { key });
    const outside = await call('/not/an/api/path');
    const preflight = await call('/api/v1/batch/translate', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const unsigned = await call('/files/acct_x/req_y/img_z/original.png');
    expect(unsigned.status).toBe(403);
    const docs = await call('/docs');
    for (const res of [ok, unauthorised, missing, outside, preflight, unsigned, docs]) expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9A-Za-z]{16}$/);
    expect(ok.headers.get('x-request-id')).not.toBe(unauthorised.headers.get('x-request-id'));
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { key } = await createTestAccount();
    const res = await callJson('/api/v1/does-not-exist', { key });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const outside = await callJson('/definitely/not/here.php');
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('not_found');
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const { key } = await createTestAccount();
    const res = await callJson('/api/v1/keys', { key, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toBe('The body is not valid JSON.');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('answers a %s body where JSON is expected with a 400 that says so', async (type) => {
    const { key } = await createTestAccount();
    const res = await callJson('/api/v1/keys', { key, method: 'POST', headers: { 'content-type': type }, body: '{"name":"ci"}' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toContain('Content-Type: application/json');
  });

  it('answers unknown methods on known paths with a JSON 404, never HTML', async () => {
    const { key } = await createTestAccount();
    for (const [method, path] of [['PUT', '/api/v1/languages'], ['PATCH', '/api/v1/keys'], ['DELETE', '/api/v1/batch'], ['GET', '/api/v1/webhook-secret/rotate'], ['POST', '/files/x']]) {
      const res = await callJson(path, { key, method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('answers an oversized JSON body with 413', async () => {
    const { key } = await createTestAccount();
    const res = await callJson('/api/v1/keys', { key, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(64 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

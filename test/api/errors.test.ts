import { describe, expect, it } from 'vitest';
import { call, callJson, createTestAccount } from '../helpers/api';

describe('errors and request ids', () => {
  it('puts an x-request-id on every response, success or failure', async () => {
    const { key } = await createTestAccount();
    const ok = await call('/api/v1/languages', { key });
    const unauthorised = await call('/api/v1/languages');
    const missing = await call('/api/v1/nope', { key });
    for (const res of [ok, unauthorised, missing]) expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9A-Za-z]{16}$/);
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
  });

  it('answers an oversized JSON body with 413', async () => {
    const { key } = await createTestAccount();
    const res = await callJson('/api/v1/keys', { key, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(64 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

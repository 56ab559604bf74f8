import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { call, callJson, createTestAccount } from '../helpers/api';

describe('API key authentication', () => {
  it.each([
    ['no header', undefined],
    ['not a bearer token', 'Basic dXNlcjpwYXNz'],
    ['a malformed key', 'Bearer not-a-key'],
    ['an unknown well-formed key', 'Bearer ocrt_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'],
  ])('refuses %s with 401 JSON', async (_, header) => {
    const res = await callJson('/api/v1/languages', { headers: header ? { authorization: header } : {} });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('refuses a key whose secret part is wrong', async () => {
    const { key } = await createTestAccount();
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect((await call('/api/v1/languages', { key: tampered })).status).toBe(401);
  });

  it('accepts a valid key and records its use', async () => {
    const { key, keyId } = await createTestAccount();
    expect((await call('/api/v1/languages', { key })).status).toBe(200);
    await vi.waitFor(async () => {
      const row = await env.DB.prepare('SELECT last_used_at FROM api_keys WHERE id = ?').bind(keyId).first<{ last_used_at: string | null }>();
      expect(row?.last_used_at).not.toBeNull();
    });
  });

  it('serves the OpenAPI document without a key', async () => {
    expect((await call('/api/v1/openapi.json')).status).toBe(200);
  });
});

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/security/hashing';
import { call, callJson, createTestAccount } from '../helpers/api';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('/api/v1/keys', () => {
  it('creates a key that works, shows it once and stores only its hash', async () => {
    const { key } = await createTestAccount();
    const created = await callJson('/api/v1/keys', { key, ...json({ name: 'ci' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^key_/), name: 'ci', key: expect.stringMatching(/^ocrt_/), created_at: expect.any(String) });
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

    expect((await call('/api/v1/languages', { key: created.body.key })).status).toBe(200);

    const row = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?').bind(created.body.id).first<Record<string, string>>();
    expect(Object.values(row!)).not.toContain(created.body.key);
    expect(row!.key_hash).toBe(await sha256Hex(created.body.key));

    const listed = await callJson('/api/v1/keys', { key });
    const entry = listed.body.keys.find((k: { id: string }) => k.id === created.body.id);
    expect(entry).toEqual({ id: created.body.id, name: 'ci', prefix: created.body.prefix, created_at: created.body.created_at, last_used_at: expect.anything(), revoked_at: null });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
  });

  it('validates the name', async () => {
    const { key } = await createTestAccount();
    for (const body of [{}, { name: '' }, { name: 42 }, { name: 'x'.repeat(101) }]) {
      const res = await callJson('/api/v1/keys', { key, ...json(body) });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', details: [expect.objectContaining({ field: 'name' })] });
    }
  });

  it('revokes a key at once', async () => {
    const { key } = await createTestAccount();
    const created = await callJson('/api/v1/keys', { key, ...json({ name: 'temp' }) });
    expect((await call(`/api/v1/keys/${created.body.id}`, { key, method: 'DELETE' })).status).toBe(204);
    expect((await call('/api/v1/languages', { key: created.body.key })).status).toBe(401);
    const listed = await callJson('/api/v1/keys', { key });
    expect(listed.body.keys.find((k: { id: string }) => k.id === created.body.id).revoked_at).not.toBeNull();
  });

  it("cannot see or revoke another account's keys", async () => {
    const alice = await createTestAccount('alice');
    const bob = await createTestAccount('bob');
    const bobs = await callJson('/api/v1/keys', { key: bob.key });
    const aliceList = await callJson('/api/v1/keys', { key: alice.key });
    expect(aliceList.body.keys.map((k: { id: string }) => k.id)).not.toContain(bob.keyId);
    const res = await callJson(`/api/v1/keys/${bob.keyId}`, { key: alice.key, method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await callJson(`/api/v1/keys/key_${'x'.repeat(200)}`, { key: alice.key, method: 'DELETE' })).status).toBe(404);
    expect(bobs.status).toBe(200);
    expect((await call('/api/v1/languages', { key: bob.key })).status).toBe(200);
  });
});

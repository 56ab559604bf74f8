import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { callJson, createTestAccount } from '../helpers/api';

describe('/api/v1/webhook-secret', () => {
  it('creates a whsec_ secret on first use, keeps it, stores it sealed and rotates it', async () => {
    const { key, accountId } = await createTestAccount();
    const first = await callJson('/api/v1/webhook-secret', { key });
    expect(first.status).toBe(200);
    expect(first.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect((await callJson('/api/v1/webhook-secret', { key })).body.secret).toBe(first.body.secret);

    const row = await env.DB.prepare('SELECT webhook_secret_sealed FROM accounts WHERE id = ?').bind(accountId).first<{ webhook_secret_sealed: string }>();
    expect(row!.webhook_secret_sealed).not.toContain(first.body.secret.slice(6));
    expect(row!.webhook_secret_sealed).toMatch(/^v1\./);

    const rotated = await callJson('/api/v1/webhook-secret/rotate', { key, method: 'POST' });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(first.body.secret);
    expect((await callJson('/api/v1/webhook-secret', { key })).body.secret).toBe(rotated.body.secret);
  });

  it('gives each account its own secret', async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const [sa, sb] = await Promise.all([callJson('/api/v1/webhook-secret', { key: a.key }), callJson('/api/v1/webhook-secret', { key: b.key })]);
    expect(sa.body.secret).not.toBe(sb.body.secret);
  });
});

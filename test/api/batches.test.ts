import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, callJson, createTestAccount, form } from '../helpers/api';
import { GIF_BYTES, makeImage, pngClaiming } from '../helpers/images';

const post = (key: string, body: FormData, headers: Record<string, string> = {}) =>
  callJson('/api/v1/batch/translate', { key, method: 'POST', body, headers });

async function storedObjects(accountId: string): Promise<string[]> {
  const listed = await env.BUCKET.list({ prefix: `${accountId}/` });
  return listed.objects.map((o) => o.key);
}

async function rowCounts(accountId: string) {
  const batches = await env.DB.prepare('SELECT COUNT(*) AS n FROM batches WHERE account_id = ?').bind(accountId).first<{ n: number }>();
  const images = await env.DB.prepare('SELECT COUNT(*) AS n FROM batch_images WHERE account_id = ?').bind(accountId).first<{ n: number }>();
  return { batches: batches!.n, images: images!.n };
}

function twoImageBatch(extra: [string, string][] = []) {
  return form({
    files: [
      ['images[]', makeImage('png'), 'first.png'],
      ['images[]', makeImage('jpeg'), 'C:\\fakepath\\second.jpg'],
    ],
    fields: [['target_languages[]', 'en'], ['target_languages[]', 'de'], ['target_languages[]', 'en'], ...extra],
  });
}

describe('POST /api/v1/batch/translate', () => {
  it('creates a pending batch, stores the originals and one output row per image × language', async () => {
    const { key, accountId } = await createTestAccount();
    const res = await post(key, twoImageBatch());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ batch_id: expect.stringMatching(/^batch_/), status: 'pending', total_images: 2, target_languages: ['en', 'de'], created_at: expect.any(String) });
    const keys = await storedObjects(accountId);
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(k).toMatch(new RegExp(`^${accountId}/${res.body.batch_id}/img_[0-9A-Za-z]+/original\\.(png|jpg)$`));
    const types = await Promise.all(keys.map(async (k) => [k.split('.').pop(), (await env.BUCKET.head(k))!.httpMetadata!.contentType] as const));
    expect(Object.fromEntries(types)).toEqual({ png: 'image/png', jpg: 'image/jpeg' });
    const outputs = await env.DB.prepare('SELECT COUNT(*) AS n FROM outputs WHERE batch_id = ?').bind(res.body.batch_id).first<{ n: number }>();
    expect(outputs!.n).toBe(4);

    const got = await callJson(`/api/v1/batch/${res.body.batch_id}`, { key });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ batch_id: res.body.batch_id, status: 'pending', total_images: 2, completed_count: 0, failed_count: 0, completed_at: null });
    expect(got.body.images.map((i: { original_filename: string }) => i.original_filename)).toEqual(['first.png', 'second.jpg']);
    expect(got.body.images[0]).toMatchObject({ image_id: expect.stringMatching(/^img_/), status: 'pending', outputs: {} });
  });

  it('rejects the whole batch when one file is bad, naming it, and leaves nothing behind', async () => {
    const { key, accountId } = await createTestAccount();
    const body = form({
      files: [
        ['images[]', makeImage('png'), 'ok.png'],
        ['images[]', makeImage('webp'), 'ok.webp'],
        ['images[]', GIF_BYTES, 'anim.gif'],
      ],
      fields: [['target_languages[]', 'en']],
    });
    const res = await post(key, body);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'images[2]', filename: 'anim.gif' })]);
    expect(await storedObjects(accountId)).toEqual([]);
    expect(await rowCounts(accountId)).toEqual({ batches: 0, images: 0 });
  });

  it.each([
    ['an image over 50 megapixels', pngClaiming(8000, 7000), 422, 'image_too_large'],
    ['a truncated image', makeImage('png', 64, 64).subarray(0, 40), 422, 'unprocessable_image'],
    ['an empty file', new Uint8Array(), 400, 'invalid_request'],
  ])('rejects %s', async (_, bytes, status, code) => {
    const { key, accountId } = await createTestAccount();
    const res = await post(key, form({ files: [['images[]', makeImage('png')], ['images[]', bytes]], fields: [['target_languages[]', 'en']] }));
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details[0].field).toBe('images[1]');
    expect(await storedObjects(accountId)).toEqual([]);
  });

  it('rejects a file over 10 MB with 413', async () => {
    const { key, accountId } = await createTestAccount();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(makeImage('png'));
    const res = await post(key, form({ files: [['images[]', makeImage('png')], ['images[]', big]], fields: [['target_languages[]', 'en']] }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.details[0].field).toBe('images[1]');
    expect(await storedObjects(accountId)).toEqual([]);
  });

  it.each([
    ['no images', { images: 0, langs: ['en'] }, 'images[]'],
    ['21 images', { images: 21, langs: ['en'] }, 'images[20]'],
    ['no target language', { images: 1, langs: [] }, 'target_languages'],
    ['11 different languages', { images: 1, langs: ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi'] }, 'target_languages'],
    ['an unsupported language', { images: 1, langs: ['en', 'xx'] }, 'target_languages[1]'],
  ])('rejects %s with 400', async (_, { images, langs }, field) => {
    const { key, accountId } = await createTestAccount();
    const png = makeImage('png');
    const res = await post(
      key,
      form({ files: Array.from({ length: images }, () => ['images[]', png] as [string, Uint8Array]), fields: langs.map((l) => ['target_languages[]', l] as [string, string]) }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await storedObjects(accountId)).toEqual([]);
  });

  it('accepts ten languages given with duplicates', async () => {
    const { key } = await createTestAccount();
    const langs = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'en', 'DE'];
    const res = await post(key, form({ files: [['images[]', makeImage('png')]], fields: langs.map((l) => ['target_languages[]', l] as [string, string]) }));
    expect(res.status).toBe(201);
    expect(res.body.target_languages).toHaveLength(10);
  });

  it.each([
    ['http://example.com/hook', 400],
    ['https://127.0.0.1/hook', 400],
    ['https://[::1]/hook', 400],
    ['https://localhost/hook', 400],
    ['https://printer.local/hook', 400],
    ['https://intranet/hook', 400],
    ['https://user:pw@example.com/hook', 400],
    ['not a url', 400],
    ['https://hooks.example.com/ocr', 201],
  ])('checks webhook_url %s', async (url, status) => {
    const { key } = await createTestAccount();
    const res = await post(key, twoImageBatch([['webhook_url', url]]));
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body.error.details[0].field).toBe('webhook_url');
  });

  it('allows a fourth concurrent batch only after one is cancelled', async () => {
    const { key, accountId } = await createTestAccount();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(key, twoImageBatch());
      expect(res.status).toBe(201);
      ids.push(res.body.batch_id);
    }
    const fourth = await post(key, twoImageBatch());
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('concurrency_limit');
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await rowCounts(accountId)).batches).toBe(3);
    expect(await storedObjects(accountId)).toHaveLength(6);

    const cancelled = await callJson(`/api/v1/batch/${ids[0]}/cancel`, { key, method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.images.every((i: { status: string }) => i.status === 'cancelled')).toBe(true);
    expect((await post(key, twoImageBatch())).status).toBe(201);
  });

  it('answers a retried request with the same Idempotency-Key with the original batch', async () => {
    const { key, accountId } = await createTestAccount();
    const first = await post(key, twoImageBatch(), { 'idempotency-key': 'order-42' });
    const again = await post(key, twoImageBatch(), { 'idempotency-key': 'order-42' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.batch_id).toBe(first.body.batch_id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await rowCounts(accountId)).batches).toBe(1);
    const other = await post(key, twoImageBatch(), { 'idempotency-key': 'order-43' });
    expect(other.body.batch_id).not.toBe(first.body.batch_id);
  });

  it('refuses an Idempotency-Key reused for a different request with 409, storing nothing', async () => {
    const { key, accountId } = await createTestAccount();
    const first = await post(key, twoImageBatch(), { 'idempotency-key': 'order-7' });
    expect(first.status).toBe(201);
    const stored = await storedObjects(accountId);
    const variants: [string, FormData][] = [
      ['other languages', form({ files: [['images[]', makeImage('png'), 'first.png'], ['images[]', makeImage('jpeg'), 'second.jpg']], fields: [['target_languages[]', 'fr']] })],
      ['other images', form({ files: [['images[]', makeImage('png', 40, 30)]], fields: [['target_languages[]', 'en'], ['target_languages[]', 'de']] })],
      ['a webhook', twoImageBatch([['webhook_url', 'https://hooks.example.com/ocr']])],
    ];
    for (const [label, body] of variants) {
      const res = await post(key, body, { 'idempotency-key': 'order-7' });
      expect(res.status, label).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.error.details[0].field).toBe('Idempotency-Key');
    }
    expect(await storedObjects(accountId)).toEqual(stored);
    expect((await rowCounts(accountId)).batches).toBe(1);
    // The same request again (duplicate languages and letter case included) is still a replay.
    const again = await post(key, twoImageBatch([['target_languages[]', 'DE']]), { 'idempotency-key': 'order-7' });
    expect(again.status).toBe(201);
    expect(again.body.batch_id).toBe(first.body.batch_id);
  });

  it('validates a replayed request like any other before answering with the original batch', async () => {
    const { key } = await createTestAccount();
    expect((await post(key, twoImageBatch(), { 'idempotency-key': 'order-8' })).status).toBe(201);
    const bad = await post(key, form({ files: [['images[]', GIF_BYTES, 'x.gif']], fields: [['target_languages[]', 'en']] }), { 'idempotency-key': 'order-8' });
    expect(bad.status).toBe(415);
  });

  it.each([
    ['a text field named images[]', form({ fields: [['images[]', 'photo.jpg'], ['target_languages[]', 'en']] }), 'not text fields'],
    ['a file under another name', form({ files: [['image', makeImage('png')]], fields: [['target_languages[]', 'en']] }), '"image"'],
  ])('explains %s instead of just "no images"', async (_, body, hint) => {
    const { key } = await createTestAccount();
    const res = await post(key, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details[0].field).toBe('images[]');
    expect(res.body.error.message).toContain(hint);
  });

  it('refuses a body that is not multipart', async () => {
    const { key } = await createTestAccount();
    const res = await callJson('/api/v1/batch/translate', { key, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    const broken = await callJson('/api/v1/batch/translate', {
      key,
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="images[]"; filename="a.png"\r\n\r\nabc',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_request');
  });
});

describe('reading and cancelling batches', () => {
  it('pages the account’s batches newest first and validates page and limit', async () => {
    const { key } = await createTestAccount();
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(key, twoImageBatch());
      created.push(res.body.batch_id);
      await callJson(`/api/v1/batch/${res.body.batch_id}/cancel`, { key, method: 'POST' });
    }
    const page1 = await callJson('/api/v1/batch?limit=2', { key });
    expect(page1.body).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(page1.body.batches.map((b: { batch_id: string }) => b.batch_id)).toEqual([created[2], created[1]]);
    const page2 = await callJson('/api/v1/batch?limit=2&page=2', { key });
    expect(page2.body.batches.map((b: { batch_id: string }) => b.batch_id)).toEqual([created[0]]);
    const defaults = await callJson('/api/v1/batch', { key });
    expect(defaults.body).toMatchObject({ page: 1, limit: 20, total: 3 });
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'page=0', 'page=-1', 'page=1.5']) {
      const res = await callJson(`/api/v1/batch?${query}`, { key });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });

  it("hides another account's batches behind 404", async () => {
    const alice = await createTestAccount('alice');
    const bob = await createTestAccount('bob');
    const res = await post(bob.key, twoImageBatch());
    const id = res.body.batch_id;
    expect((await callJson(`/api/v1/batch/${id}`, { key: alice.key })).status).toBe(404);
    expect((await callJson(`/api/v1/batch/${id}/cancel`, { key: alice.key, method: 'POST' })).status).toBe(404);
    const img = (await callJson(`/api/v1/batch/${id}`, { key: bob.key })).body.images[0].image_id;
    expect((await callJson(`/api/v1/batch/${id}/images/${img}`, { key: alice.key })).status).toBe(404);
    expect((await callJson('/api/v1/batch', { key: alice.key })).body.total).toBe(0);
    expect((await callJson(`/api/v1/batch/${id}`, { key: bob.key })).status).toBe(200);
  });

  it('answers 409 when cancelling a batch that already finished', async () => {
    const { key } = await createTestAccount();
    const id = (await post(key, twoImageBatch())).body.batch_id;
    expect((await callJson(`/api/v1/batch/${id}/cancel`, { key, method: 'POST' })).status).toBe(200);
    const again = await callJson(`/api/v1/batch/${id}/cancel`, { key, method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('returns 404 for unknown ids', async () => {
    const { key } = await createTestAccount();
    expect((await call('/api/v1/batch/batch_nope', { key })).status).toBe(404);
    const long = `batch_${'x'.repeat(200)}`;
    for (const path of [`/api/v1/batch/${long}`, `/api/v1/batch/${long}/images/img_${'y'.repeat(200)}`]) {
      const res = await callJson(path, { key });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await callJson(`/api/v1/batch/${long}/cancel`, { key, method: 'POST' })).status).toBe(404);
  });
});

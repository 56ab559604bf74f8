import { describe, expect, it } from 'vitest';
import { callJson, createTestAccount, form } from '../helpers/api';
import { GIF_BYTES, makeImage, pngClaiming } from '../helpers/images';

const post = (key: string, body: FormData | string, headers: Record<string, string> = {}) =>
  callJson('/api/v1/translate-image', { key, method: 'POST', body, headers });

describe('POST /api/v1/translate-image validation', () => {
  it.each([
    ['no image', form({ fields: [['target_lang', 'en']] }), 400, 'invalid_request', 'image'],
    ['an image sent as text', form({ fields: [['target_lang', 'en'], ['image', 'abc']] }), 400, 'invalid_request', 'image'],
    ['no target_lang', form({ files: [['image', makeImage('png')]] }), 400, 'invalid_request', 'target_lang'],
    ['an unsupported target_lang', form({ files: [['image', makeImage('png')]], fields: [['target_lang', 'ja']] }), 400, 'invalid_request', 'target_lang'],
    ['an unsupported source_lang', form({ files: [['image', makeImage('png')]], fields: [['target_lang', 'en'], ['source_lang', 'klingon']] }), 400, 'invalid_request', 'source_lang'],
    ['an unknown output_format', form({ files: [['image', makeImage('png')]], fields: [['target_lang', 'en'], ['output_format', 'gif']] }), 400, 'invalid_request', 'output_format'],
    ['a GIF', form({ files: [['image', GIF_BYTES, 'x.png']], fields: [['target_lang', 'en']] }), 415, 'unsupported_media_type', 'image'],
    ['a 60 MP image', form({ files: [['image', pngClaiming(10_000, 6_000)]], fields: [['target_lang', 'en']] }), 422, 'image_too_large', 'image'],
    ['a truncated JPEG', form({ files: [['image', makeImage('jpeg', 64, 64).subarray(0, 30)]], fields: [['target_lang', 'en']] }), 422, 'unprocessable_image', 'image'],
    ['two images', form({ files: [['image', makeImage('png')], ['image', makeImage('png')]], fields: [['target_lang', 'en']] }), 400, 'invalid_request', 'image'],
  ])('rejects %s', async (_, body, status, code, field) => {
    const { key } = await createTestAccount();
    const res = await post(key, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('rejects a file over 10 MB with 413 without reading the rest', async () => {
    const { key } = await createTestAccount();
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(makeImage('png'));
    const res = await post(key, form({ files: [['image', big]], fields: [['target_lang', 'en']] }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('rejects a body announced larger than the limit from its Content-Length alone', async () => {
    const { key } = await createTestAccount();
    const res = await post(key, 'x', { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(50 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });

  it('rejects a request that is not multipart', async () => {
    const { key } = await createTestAccount();
    const res = await post(key, '{"target_lang":"en"}', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });
});

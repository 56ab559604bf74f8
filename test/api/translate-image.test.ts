import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../src/app';
import { encodePngBytes } from '../../src/pipeline/image/png-encode';
import { probeImage } from '../../src/pipeline/image/probe';
import { ocrRunCount } from '../../src/pipeline/ocr/recognize-text';
import { engineHeapBytes } from '../../src/pipeline/ocr/tesseract-engine';
import { fixtures } from '../fixtures';
import { generatedBytes } from '../generated-fixtures';
import { BASE, call, callJson, createTestAccount, form } from '../helpers/api';
import { makeImage } from '../helpers/images';

const translate = (key: string, bytes: Uint8Array, fields: [string, string][], filename = 'photo.jpg') =>
  callJson('/api/v1/translate-image', { key, method: 'POST', body: form({ files: [['image', bytes, filename]], fields }) });

/** Fetches a signed output URL the way a browser would: no Authorization header. */
async function fetchOutput(url: string) {
  const res = await call(url);
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('POST /api/v1/translate-image end to end', () => {
  it.each([
    ['German', fixtures.deCartoon, 'de', 'image/jpeg'],
    ['French', fixtures.frSigns, 'fr', 'image/jpeg'],
    ['Swedish', fixtures.svSettings, 'sv', 'image/png'],
  ])('translates the %s fixture into English', async (_, load, sourceLang, contentType) => {
    const { key } = await createTestAccount();
    const bytes = load();
    const original = probeImage(bytes);
    if (!original.ok) throw new Error('fixture unreadable');
    const res = await translate(key, bytes, [['target_lang', 'en']]);
    expect(res.status).toBe(200);
    expect(res.headers.get('server-timing')).toMatch(/ocr;dur=[\d.]+.*total;dur=/);
    const body = res.body;
    expect(body.source_lang).toBe(sourceLang);
    expect(body.target_lang).toBe('en');
    expect(body.translation_engine).toBe('offline-dictionary');
    expect(body.translation_notice).toMatch(/development dictionary/);
    expect(body.regions.length).toBeGreaterThan(0);
    body.regions.forEach((region: any, i: number) => {
      expect(region.id).toBe(`region_${i + 1}`);
      expect(region.confidence).toBeGreaterThanOrEqual(0);
      expect(region.confidence).toBeLessThanOrEqual(1);
      const box = region.bounding_box;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(original.image.width);
      expect(box.y + box.height).toBeLessThanOrEqual(original.image.height);
    });
    const changed = body.regions.filter((r: any) => r.translated_text !== r.original_text.replace(/\n/g, ' '));
    expect(changed.length).toBeGreaterThan(0);

    for (const name of ['original_image_url', 'clean_image_url', 'translated_image_url']) {
      const out = await fetchOutput(body[name]);
      expect(out.status, name).toBe(200);
      expect(out.type, name).toBe(contentType);
      const probed = probeImage(out.bytes);
      expect(probed.ok && [probed.image.width, probed.image.height], name).toEqual([original.image.width, original.image.height]);
    }
    const [clean, translated] = await Promise.all([fetchOutput(body.clean_image_url), fetchOutput(body.translated_image_url)]);
    expect(clean.bytes).not.toEqual(translated.bytes);
  });

  it('writes the outputs in the requested output_format', async () => {
    const { key } = await createTestAccount();
    const res = await translate(key, fixtures.deCartoon(), [['target_lang', 'en'], ['output_format', 'webp']]);
    expect(res.status).toBe(200);
    const clean = await fetchOutput(res.body.clean_image_url);
    const translated = await fetchOutput(res.body.translated_image_url);
    expect([clean.type, translated.type]).toEqual(['image/webp', 'image/webp']);
    expect(probeImage(translated.bytes)).toMatchObject({ ok: true, image: { format: 'webp', width: 398, height: 530 } });
    expect((await fetchOutput(res.body.original_image_url)).type).toBe('image/jpeg');
  });

  it('keeps text matched by exclude_text untranslated and marks wholly excluded regions', async () => {
    const { key } = await createTestAccount();
    const res = await translate(key, generatedBytes('itMultiBlock'), [['target_lang', 'en'], ['source_lang', 'it'], ['exclude_text', 'Benvenuti al ristorante,lunedì']], 'menu.png');
    expect(res.status).toBe(200);
    const welcome = res.body.regions.find((r: any) => /Benvenuti/.test(r.original_text));
    expect(welcome).toBeDefined();
    expect(welcome.translated_text).toContain('Benvenuti al ristorante');
    const closed = res.body.regions.find((r: any) => /Chiuso/.test(r.original_text));
    expect(closed.translated_text).toContain('lunedì');
  });

  it('answers an image without text with no regions and equal images', async () => {
    const { key } = await createTestAccount();
    const res = await translate(key, generatedBytes('noText'), [['target_lang', 'de']], 'blank.png');
    expect(res.status).toBe(200);
    expect(res.body.regions).toEqual([]);
    const [original, clean, translated] = await Promise.all(['original_image_url', 'clean_image_url', 'translated_image_url'].map((k) => fetchOutput(res.body[k])));
    expect(probeImage(clean.bytes)).toEqual(probeImage(original.bytes));
    expect(translated.bytes).toEqual(clean.bytes);
  });

  it('makes the outputs of a picture over 16 MP at a working size, and says so', async () => {
    const { key } = await createTestAccount();
    // 4800 × 3600 = 17.3 MP of flat colour: a tiny upload, over the full-resolution limit.
    const data = new Uint8Array(4800 * 3600 * 4).fill(255);
    const png = await encodePngBytes({ width: 4800, height: 3600, data });
    const res = await translate(key, png, [['target_lang', 'de']], 'big.png');
    expect(res.status).toBe(200);
    // A picture this large is drawn on without the Tesseract instances (see makeRoomToDraw).
    expect(await engineHeapBytes()).toBe(0);
    expect(res.body.output_width).toBeLessThan(4800);
    expect(res.body.output_width * res.body.output_height).toBeLessThanOrEqual(4096 * 4096);
    const clean = await fetchOutput(res.body.clean_image_url);
    expect(probeImage(clean.bytes)).toMatchObject({ ok: true, image: { width: res.body.output_width, height: res.body.output_height } });
    const original = await fetchOutput(res.body.original_image_url);
    expect(probeImage(original.bytes)).toMatchObject({ ok: true, image: { width: 4800, height: 3600 } });
  });

  it('reuses the analysis of an image already seen: a second language does not run OCR again', async () => {
    const { key } = await createTestAccount();
    const bytes = fixtures.svSettings();
    const first = await translate(key, bytes, [['target_lang', 'en']], 'settings.png');
    expect(first.status).toBe(200);
    const runsAfterFirst = ocrRunCount();
    const second = await translate(key, bytes, [['target_lang', 'de']], 'settings.png');
    expect(second.status).toBe(200);
    expect(ocrRunCount()).toBe(runsAfterFirst);
    expect(second.headers.get('server-timing')).not.toMatch(/\bocr;/);
    expect(second.body.regions.map((r: any) => r.original_text)).toEqual(first.body.regions.map((r: any) => r.original_text));
    expect(second.body.target_lang).toBe('de');

    // Another account sending the same bytes gets its own analysis.
    const other = await createTestAccount();
    await translate(other.key, bytes, [['target_lang', 'en']], 'settings.png');
    expect(ocrRunCount()).toBe(runsAfterFirst + 1);
  });
});

describe('translate-image failures and limits', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Calls the app with extra settings, as a deployment configured that way would run. */
  async function callWith(settings: Record<string, string>, key: string, body: FormData) {
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`${BASE}/api/v1/translate-image`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body }), { ...env, ...settings }, ctx);
    await waitOnExecutionContext(ctx);
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  }

  it('maps a translation engine that refuses the request to 502 translation_unavailable', async () => {
    const { key } = await createTestAccount();
    // DeepL's documented answer when the character quota is used up: HTTP 456.
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname === 'api-free.deepl.com') return new Response(JSON.stringify({ message: 'Quota Exceeded' }), { status: 456 });
      throw new Error(`unexpected fetch ${url}`);
    });
    const res = await callWith({ TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'test-key:fx' }, key, form({ files: [['image', fixtures.deCartoon(), 'a.jpg']], fields: [['target_lang', 'en']] }));
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('translation_unavailable');
    const stored = await env.BUCKET.list({ prefix: `${(await env.DB.prepare('SELECT account_id FROM api_keys WHERE prefix = ?').bind(key.slice(0, 17)).first<{ account_id: string }>())!.account_id}/req_` });
    expect(stored.objects).toEqual([]);
  });

  it('answers 422 for an image whose header is fine but whose data cannot be decoded, storing nothing', async () => {
    const { key } = await createTestAccount();
    const jpeg = makeImage('jpeg', 64, 64);
    // Header and frame intact (the upload checks pass), entropy-coded data replaced by garbage.
    const broken = jpeg.slice();
    broken.fill(0, 200, broken.length - 2);
    for (let i = broken.length - 200; i < broken.length - 2; i++) broken[i] = 0xff;
    const res = await translate(key, broken, [['target_lang', 'en']]);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable_image');
    const account = (await env.DB.prepare('SELECT account_id FROM api_keys WHERE prefix = ?').bind(key.slice(0, 17)).first<{ account_id: string }>())!.account_id;
    expect((await env.BUCKET.list({ prefix: `${account}/` })).objects).toEqual([]);
  });

  it('answers 503 service_unavailable when the translation settings are invalid, naming no setting to the client', async () => {
    const { key } = await createTestAccount();
    const res = await callWith({ TRANSLATION_ENGINE: 'deepl' }, key, form({ files: [['image', fixtures.deCartoon(), 'a.jpg']], fields: [['target_lang', 'en']] }));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('service_unavailable');
    expect(JSON.stringify(res.body)).not.toContain('DEEPL_API_KEY');
  });

  it('maps an engine that stays unavailable to 503 with Retry-After', async () => {
    const { key } = await createTestAccount();
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('busy', { status: 503, headers: { 'retry-after': '1' } }));
    const res = await callWith(
      { TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'test-key:fx', TRANSLATION_TIMEOUT_MS: '2500' },
      key,
      form({ files: [['image', fixtures.deCartoon(), 'a.jpg']], fields: [['target_lang', 'en']] }),
    );
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('translation_unavailable');
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('limits the request rate per account with 429 and Retry-After', async () => {
    const { key } = await createTestAccount();
    const empty = () => form({ fields: [['target_lang', 'en']] });
    const first = await callWith({ TRANSLATE_RATE_LIMIT_PER_MINUTE: '2' }, key, empty());
    const second = await callWith({ TRANSLATE_RATE_LIMIT_PER_MINUTE: '2' }, key, empty());
    const third = await callWith({ TRANSLATE_RATE_LIMIT_PER_MINUTE: '2' }, key, empty());
    expect([first.status, second.status]).toEqual([400, 400]);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

// DeepL against a fake built from its documented API (POST /v2/translate, DeepL-Auth-Key header,
// { text: [...] } in, { translations: [{ text }] } out, 456 = quota exceeded, 429 = too many requests).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator, TranslationUnavailableError } from '../../../src/translate';
import { GERMAN_TO_ENGLISH, fakeFetch, fakeTranslate, json, recordingClock, type RecordedCall } from '../test-helpers';

const deeplAnswer = (call: RecordedCall) =>
  json({ translations: call.body.text.map((t: string) => ({ detected_source_language: 'DE', text: fakeTranslate(t, GERMAN_TO_ENGLISH) })) });

function deepl(respond: (call: RecordedCall, n: number) => Response | Promise<Response>, key = 'secret-key:fx') {
  const fake = fakeFetch(respond);
  const time = recordingClock();
  const translator = createTranslator({ TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: key }, { fetch: fake.fetch, clock: time.clock });
  return { translator, calls: fake.calls, waits: time.waits };
}

describe('deepl engine', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends the documented request to the free host and maps language codes', async () => {
    const { translator, calls } = deepl(deeplAnswer);
    const result = await translator.translate([{ text: 'Notausgang' }, { text: 'Bitte Tür schließen' }], 'de', 'en');
    expect(result).toEqual({ texts: ['Emergency exit', 'Please Door close'], engine: 'deepl' });
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('POST');
    expect(calls[0].url.href).toBe('https://api-free.deepl.com/v2/translate');
    expect(calls[0].headers.get('authorization')).toBe('DeepL-Auth-Key secret-key:fx');
    expect(calls[0].headers.get('content-type')).toBe('application/json');
    expect(calls[0].body).toEqual({
      text: ['Notausgang', 'Bitte Tür schließen'],
      source_lang: 'DE',
      target_lang: 'EN-GB',
      tag_handling: 'xml',
      ignore_tags: ['k'],
    });
  });

  it('goes out through the Worker\'s own fetch when no fetch is injected', async () => {
    // The production path: intercepted at the runtime's outbound fetch, as the API tests do.
    const seen: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      seen.push(`${request.method} ${request.url} ${request.headers.get('authorization')}`);
      return deeplAnswer({ url: new URL(request.url), method: request.method, headers: request.headers, body: await request.json() });
    });
    const translator = createTranslator({ TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'secret-key:fx' });
    expect((await translator.translate([{ text: 'Ausgang' }], 'de', 'en')).texts).toEqual(['Exit']);
    expect(seen).toEqual(['POST https://api-free.deepl.com/v2/translate DeepL-Auth-Key secret-key:fx']);
  });

  it('uses the pro host for pro keys, NB for Norwegian and PT-PT for Portuguese targets', async () => {
    const { translator, calls } = deepl((call) => json({ translations: call.body.text.map((text: string) => ({ text })) }), 'pro-key');
    await translator.translate([{ text: 'Velkommen' }], 'no', 'pt');
    expect(calls[0].url.origin).toBe('https://api.deepl.com');
    expect(calls[0].body.source_lang).toBe('NB');
    expect(calls[0].body.target_lang).toBe('PT-PT');
  });

  it('writes American English and Brazilian Portuguese when configured to', async () => {
    const fake = fakeFetch((call) => json({ translations: call.body.text.map((text: string) => ({ text })) }));
    const translator = createTranslator(
      { TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'k:fx', TRANSLATION_EN_VARIANT: 'en-us', TRANSLATION_PT_VARIANT: 'pt-BR' },
      { fetch: fake.fetch, clock: recordingClock().clock },
    );
    await translator.translate([{ text: 'Ausgang' }], 'de', 'en');
    await translator.translate([{ text: 'Ausgang' }], 'de', 'pt');
    await translator.translate([{ text: 'Saída' }], 'pt', 'en');
    expect(fake.calls.map((c) => [c.body.source_lang, c.body.target_lang])).toEqual([['DE', 'EN-US'], ['DE', 'PT-BR'], ['PT', 'EN-US']]);
  });

  it('sends each distinct text once, in chunks of at most 50', async () => {
    const { translator, calls } = deepl(deeplAnswer);
    const items = Array.from({ length: 120 }, (_, i) => ({ text: `Ausgang ${i % 110}` }));
    const result = await translator.translate(items, 'de', 'en');
    expect(calls.map((c) => c.body.text.length)).toEqual([50, 50, 10]);
    expect(result.texts[3]).toBe('Exit 3');
    expect(result.texts[113]).toBe('Exit 3');
    // Numbers are protected spans: they travel as ignored XML tags.
    expect(calls[0].body.text[3]).toBe('Ausgang <k i="0">3</k>');
  });

  it('splits by size as well as by count, so a request stays under 128 KiB', async () => {
    const { translator, calls } = deepl(deeplAnswer);
    const long = (c: string) => ({ text: `${c}${'ä'.repeat(11_999)}` });
    await translator.translate([long('a'), long('b'), long('c')], 'de', 'en');
    expect(calls.map((c) => c.body.text.length)).toEqual([2, 1]);
    for (const call of calls) expect(new TextEncoder().encode(JSON.stringify(call.body)).length).toBeLessThan(128 * 1024);
  });

  it('waits as long as Retry-After asks after a 429, then succeeds', async () => {
    const { translator, calls, waits } = deepl((call, n) => (n === 1 ? json({ message: 'Too many requests' }, 429, { 'retry-after': '7' }) : deeplAnswer(call)));
    const result = await translator.translate([{ text: 'Ausgang' }], 'de', 'en');
    expect(result.texts).toEqual(['Exit']);
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([7000]);
  });

  it('retries a 5xx with backoff, then succeeds', async () => {
    const { translator, calls, waits } = deepl((call, n) => (n <= 2 ? new Response('upstream busy', { status: 503 }) : deeplAnswer(call)));
    expect((await translator.translate([{ text: 'Ausgang' }], 'de', 'en')).texts).toEqual(['Exit']);
    expect(calls).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 400 ms, then half of 800 ms.
    expect(waits).toEqual([200, 400]);
  });

  it('retries a network error with backoff, and gives up on one that persists as retryable', async () => {
    const flaky = deepl((call, n) => {
      if (n === 1) throw new TypeError('Network connection lost.');
      return deeplAnswer(call);
    });
    expect((await flaky.translator.translate([{ text: 'Ausgang' }], 'de', 'en')).texts).toEqual(['Exit']);
    expect(flaky.calls).toHaveLength(2);
    expect(flaky.waits).toEqual([200]);

    const down = deepl(() => {
      throw new TypeError('Network connection lost.');
    });
    const error = await down.translator.translate([{ text: 'Ausgang' }], 'de', 'en').catch((e) => e);
    expect(error).toMatchObject({ reason: 'exhausted', retryable: true, httpStatus: 503 });
    expect(error.message).toContain('network error: Network connection lost.');
    expect(down.calls).toHaveLength(4);
    expect(down.waits).toEqual([200, 400, 800]);
  });

  it('does not retry a malformed request (400)', async () => {
    const { translator, calls } = deepl(() => json({ message: 'Value for target_lang not supported.' }, 400));
    await expect(translator.translate([{ text: 'Ausgang' }], 'de', 'en')).rejects.toMatchObject({ reason: 'rejected', httpStatus: 502 });
    expect(calls).toHaveLength(1);
  });

  it('does not retry a used-up quota (456): the request cannot succeed', async () => {
    const { translator, calls } = deepl(() => json({ message: 'Quota exceeded' }, 456));
    const error = await translator.translate([{ text: 'Ausgang' }], 'de', 'en').catch((e) => e);
    expect(error).toBeInstanceOf(TranslationUnavailableError);
    expect(error).toMatchObject({ engine: 'deepl', reason: 'rejected', retryable: false, httpStatus: 502, code: 'translation_unavailable' });
    expect(calls).toHaveLength(1);
  });

  it('does not retry a bad key (403)', async () => {
    const { translator, calls } = deepl(() => json({ message: 'Wrong endpoint' }, 403));
    await expect(translator.translate([{ text: 'Ausgang' }], 'de', 'en')).rejects.toMatchObject({ reason: 'rejected' });
    expect(calls).toHaveLength(1);
  });

  it('gives up after its attempts on persistent 429s, as a retryable failure with Retry-After', async () => {
    const { translator, calls } = deepl(() => json({ message: 'Too many requests' }, 429, { 'retry-after': '1' }));
    const error = await translator.translate([{ text: 'Ausgang' }], 'de', 'en').catch((e) => e);
    expect(error).toMatchObject({ reason: 'exhausted', retryable: true, httpStatus: 503, retryAfterSeconds: 1 });
    expect(calls).toHaveLength(4);
  });

  it('treats malformed JSON and a wrong count as invalid responses', async () => {
    const malformed = deepl(() => new Response('{"translations": [', { status: 200 }));
    await expect(malformed.translator.translate([{ text: 'Ausgang' }], 'de', 'en')).rejects.toMatchObject({ reason: 'invalid_response', retryable: false });

    const short = deepl(() => json({ translations: [{ text: 'Exit' }] }));
    const error = await short.translator.translate([{ text: 'Ausgang' }, { text: 'Preis' }], 'de', 'en').catch((e) => e);
    expect(error).toMatchObject({ reason: 'invalid_response' });
    expect(error.message).toContain('returned 1 translations for 2 texts');
  });

  it('keeps protected spans exactly as they were', async () => {
    const { translator, calls } = deepl(deeplAnswer);
    const text = 'Besuchen Sie uns auf www.brand.de oder @brand_de – 20 % Rabatt, BRAND Preis 9,99 €';
    const keep = [{ start: text.indexOf('BRAND'), end: text.indexOf('BRAND') + 5 }];
    const result = await translator.translate([{ text, keep }], 'de', 'en');
    expect(result.texts[0]).toBe('Visit You us on www.brand.de oder @brand_de – 20 % Discount, BRAND Price 9,99 €');
    expect(calls[0].body.text[0]).toContain('<k i="3">BRAND</k>');
  });

  it('does not lose time on a deadline that has passed', async () => {
    const { translator, calls } = deepl(deeplAnswer);
    const error = await translator.translate([{ text: 'Ausgang' }], 'de', 'en', { deadline: 0 }).catch((e) => e);
    expect(error).toMatchObject({ reason: 'exhausted', retryable: true });
    expect(calls).toHaveLength(0);
  });
});

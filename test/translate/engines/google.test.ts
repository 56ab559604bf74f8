// Google Cloud Translation v2 against a fake built from its documented API (POST
// /language/translate/v2 with the key in x-goog-api-key, { q, source, target, format } in, { data: { translations:
// [{ translatedText }] } } out, errors as { error: { code, message, errors: [{ reason }] } }).
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/translate';
import { GERMAN_TO_ENGLISH, fakeFetch, fakeTranslate, json, recordingClock, type RecordedCall } from '../test-helpers';

const googleAnswer = (call: RecordedCall) =>
  json({ data: { translations: call.body.q.map((t: string) => ({ translatedText: fakeTranslate(t, GERMAN_TO_ENGLISH).replaceAll("'", '&#39;') })) } });
const googleError = (status: number, reason: string) => json({ error: { code: status, message: reason, errors: [{ reason, domain: 'usageLimits' }] } }, status);

function google(respond: (call: RecordedCall, n: number) => Response | Promise<Response>) {
  const fake = fakeFetch(respond);
  const translator = createTranslator({ TRANSLATION_ENGINE: 'google', GOOGLE_TRANSLATE_API_KEY: 'g-key' }, { fetch: fake.fetch, clock: recordingClock().clock });
  return { translator, calls: fake.calls };
}

describe('google engine', () => {
  it('sends the documented request in HTML mode and decodes entities', async () => {
    const { translator, calls } = google(googleAnswer);
    const result = await translator.translate([{ text: "Ausgang's Tür" }, { text: 'Velkommen' }], 'no', 'en');
    expect(result).toEqual({ texts: ["Exit's Door", 'Velkommen'], engine: 'google' });
    // The key goes in a header, never in the URL (URLs are logged and traced).
    expect(calls[0].url.href).toBe('https://translation.googleapis.com/language/translate/v2');
    expect(calls[0].headers.get('x-goog-api-key')).toBe('g-key');
    expect(calls[0].body).toEqual({ q: ['Ausgang&#39;s Tür'.replace('&#39;', "'"), 'Velkommen'], source: 'no', target: 'en', format: 'html' });
  });

  it('asks for European Portuguese by default and Brazilian when configured, never for a regional source', async () => {
    const { translator, calls } = google(googleAnswer);
    await translator.translate([{ text: 'Ausgang' }], 'de', 'pt');
    await translator.translate([{ text: 'Saída' }], 'pt', 'de');
    const brazil = fakeFetch(googleAnswer);
    await createTranslator({ TRANSLATION_ENGINE: 'google', GOOGLE_TRANSLATE_API_KEY: 'g', TRANSLATION_PT_VARIANT: 'pt-BR' }, { fetch: brazil.fetch, clock: recordingClock().clock })
      .translate([{ text: 'Ausgang' }], 'de', 'pt');
    expect([...calls, ...brazil.calls].map((c) => [c.body.source, c.body.target])).toEqual([['de', 'pt-PT'], ['pt', 'de'], ['de', 'pt-BR']]);
  });

  it('marks protected spans translate="no" and restores them', async () => {
    const { translator, calls } = google(googleAnswer);
    const result = await translator.translate([{ text: 'Kontakt: info@brand.de <nur heute>' }], 'de', 'en');
    expect(calls[0].body.q[0]).toBe('Kontakt: <span translate="no" class="notranslate" id="k0">info@brand.de</span> &lt;nur heute&gt;');
    expect(result.texts[0]).toBe('Contact: info@brand.de <only today>');
  });

  it('retries rateLimitExceeded but not dailyLimitExceeded', async () => {
    const limited = google((call, n) => (n === 1 ? googleError(403, 'rateLimitExceeded') : googleAnswer(call)));
    expect((await limited.translator.translate([{ text: 'Ausgang' }], 'de', 'en')).texts).toEqual(['Exit']);
    expect(limited.calls).toHaveLength(2);

    const daily = google(() => googleError(403, 'dailyLimitExceeded'));
    await expect(daily.translator.translate([{ text: 'Ausgang' }], 'de', 'en')).rejects.toMatchObject({ reason: 'rejected', engine: 'google' });
    expect(daily.calls).toHaveLength(1);
  });

  it('splits more than 128 texts into several requests', async () => {
    const { translator, calls } = google(googleAnswer);
    const items = Array.from({ length: 130 }, (_, i) => ({ text: `Tür ${i}` }));
    const result = await translator.translate(items, 'de', 'fr');
    expect(calls.map((c) => c.body.q.length)).toEqual([128, 2]);
    expect(calls[0].body.target).toBe('fr');
    expect(result.texts[129]).toBe('Door 129');
  });

  it('rejects an answer with a missing field as invalid', async () => {
    const { translator } = google(() => json({ data: {} }));
    await expect(translator.translate([{ text: 'Ausgang' }], 'de', 'en')).rejects.toMatchObject({ reason: 'invalid_response' });
  });
});

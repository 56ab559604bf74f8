// LibreTranslate against a fake built from its documented API (POST /translate with q as an array,
// { translatedText: [...] } out, { error } with 400/403/429/500).
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/translate';
import { GERMAN_TO_ENGLISH, fakeFetch, fakeTranslate, json, recordingClock, type RecordedCall } from '../test-helpers';

const libreAnswer = (call: RecordedCall) => json({ translatedText: call.body.q.map((t: string) => fakeTranslate(t, GERMAN_TO_ENGLISH)) });

function libre(respond: (call: RecordedCall, n: number) => Response | Promise<Response>) {
  const fake = fakeFetch(respond);
  const translator = createTranslator(
    { TRANSLATION_ENGINE: 'libretranslate', LIBRETRANSLATE_URL: 'https://lt.example.org/', LIBRETRANSLATE_API_KEY: 'lt-key' },
    { fetch: fake.fetch, clock: recordingClock().clock },
  );
  return { translator, calls: fake.calls };
}

describe('libretranslate engine', () => {
  it('sends the documented request with the API key and Norwegian as nb', async () => {
    const { translator, calls } = libre(libreAnswer);
    await translator.translate([{ text: 'Ausgang' }], 'de', 'no');
    expect(calls[0].url.href).toBe('https://lt.example.org/translate');
    expect(calls[0].body).toEqual({ q: ['Ausgang'], source: 'de', target: 'nb', format: 'text', api_key: 'lt-key' });
  });

  it('re-translates around a protected span the engine changed', async () => {
    // The fake translates the word "Brand" (German for fire) although the client excluded it.
    const { translator, calls } = libre(libreAnswer);
    const text = 'Brand Notausgang';
    const result = await translator.translate([{ text, keep: [{ start: 0, end: 5 }] }], 'de', 'en');
    expect(result.texts).toEqual(['Brand Emergency exit']);
    expect(calls.map((c) => c.body.q)).toEqual([['Brand Notausgang'], ['Notausgang']]);
  });

  it('keeps numbers that survive inline without a second call', async () => {
    const { translator, calls } = libre(libreAnswer);
    expect((await translator.translate([{ text: 'Geöffnet 9:00–18:00' }], 'de', 'en')).texts).toEqual(['Open 9:00–18:00']);
    expect(calls).toHaveLength(1);
  });

  it('does not take a changed number for the protected one it contains', async () => {
    // "1" survives as a substring of "11", but the platform number was changed: translate around it.
    const { translator, calls } = libre((call, n) => (n === 1 ? json({ translatedText: ['Door 11'] }) : libreAnswer(call)));
    expect((await translator.translate([{ text: 'Tür 1' }], 'de', 'en')).texts).toEqual(['Door 1']);
    expect(calls.map((c) => c.body.q)).toEqual([['Tür 1'], ['Tür']]);
  });

  it('does not retry a 400 and retries a 429', async () => {
    const bad = libre(() => json({ error: 'zz is not supported' }, 400));
    await expect(bad.translator.translate([{ text: 'Tür' }], 'de', 'en')).rejects.toMatchObject({ reason: 'rejected' });
    expect(bad.calls).toHaveLength(1);
    const slow = libre((call, n) => (n === 1 ? json({ error: 'Slowdown: 30 per 1 minute' }, 429) : libreAnswer(call)));
    expect((await slow.translator.translate([{ text: 'Tür' }], 'de', 'en')).texts).toEqual(['Door']);
  });
});

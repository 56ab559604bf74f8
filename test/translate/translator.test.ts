// What every engine shares, through the public createTranslator: configuration checks, texts that
// need no engine, line joining, all-caps signs, fallback chains, deadlines and aborts.
import { describe, expect, it } from 'vitest';
import { createTranslator, TranslationConfigError, TranslationUnavailableError } from '../../src/translate';
import { GERMAN_TO_ENGLISH, fakeFetch, fakeTranslate, json, recordingClock, type RecordedCall } from './test-helpers';

const deeplAnswer = (call: RecordedCall) => json({ translations: call.body.text.map((t: string) => ({ text: fakeTranslate(t, GERMAN_TO_ENGLISH) })) });

function deepl(respond: (call: RecordedCall, n: number) => Response | Promise<Response> = deeplAnswer) {
  const fake = fakeFetch(respond);
  const translator = createTranslator({ TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'k:fx' }, { fetch: fake.fetch, clock: recordingClock().clock });
  return { translator, calls: fake.calls };
}

describe('configuration', () => {
  it('defaults to the offline engine and names every problem it finds', () => {
    expect(() => createTranslator({})).toThrow(/engine "offline" needs the ASSETS binding/u);
    const error = (() => {
      try {
        createTranslator({ TRANSLATION_ENGINE: 'deepl', TRANSLATION_FALLBACK: 'workers-ai, bing', TRANSLATION_TIMEOUT_MS: '5' });
      } catch (e) {
        return e as TranslationConfigError;
      }
    })();
    expect(error).toBeInstanceOf(TranslationConfigError);
    expect(error!.message).toContain('TRANSLATION_FALLBACK');
    expect(error!.message).toContain('TRANSLATION_TIMEOUT_MS');
  });

  it('names the variable and the wrong value of a setting that is not a secret', () => {
    const problems = (env: Record<string, string>) => {
      try {
        createTranslator(env);
        return [];
      } catch (e) {
        return (e as TranslationConfigError).problems;
      }
    };
    expect(problems({ TRANSLATION_ENGINE: 'bing' })).toEqual(['TRANSLATION_ENGINE is "bing"; it must be one of offline, workers-ai, deepl, google, azure, libretranslate, openai']);
    expect(problems({ TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'k', TRANSLATION_EN_VARIANT: 'en-AU', TRANSLATION_PT_VARIANT: 'pt-br' })).toEqual([
      'TRANSLATION_EN_VARIANT is "en-AU"; it must be en-GB or en-US',
    ]);
  });

  it('never puts a secret into its messages', () => {
    const error = (() => {
      try {
        createTranslator({ TRANSLATION_ENGINE: 'azure', AZURE_TRANSLATOR_KEY: 'azure-secret-value', AZURE_TRANSLATOR_ENDPOINT: 'ftp://azure-secret-value@host' });
      } catch (e) {
        return e as TranslationConfigError;
      }
    })();
    expect(error!.problems).toEqual(['AZURE_TRANSLATOR_ENDPOINT must be an http(s) URL']);
    expect(error!.message).not.toContain('azure-secret-value');
  });

  it('asks for the key or binding each configured engine needs', () => {
    const problems = (env: Record<string, string>) => {
      try {
        createTranslator(env);
        return [];
      } catch (e) {
        return (e as TranslationConfigError).problems;
      }
    };
    expect(problems({ TRANSLATION_ENGINE: 'deepl', TRANSLATION_FALLBACK: 'workers-ai' })).toEqual([
      expect.stringContaining('DEEPL_API_KEY'),
      expect.stringContaining('AI binding'),
    ]);
    expect(problems({ TRANSLATION_ENGINE: 'libretranslate', LIBRETRANSLATE_URL: 'not a url' })[0]).toContain('LIBRETRANSLATE_URL');
    expect(problems({ TRANSLATION_ENGINE: 'Google', GOOGLE_TRANSLATE_API_KEY: 'x' })).toEqual([]);
  });
});

describe('translate', () => {
  it('returns texts without letters, and every text when source equals target, without calling the engine', async () => {
    const { translator, calls } = deepl();
    const items = [{ text: '12:30' }, { text: '€ 4,50\n-20 %' }, { text: 'www.example.com' }, { text: '' }];
    expect(await translator.translate(items, 'de', 'en')).toEqual({ texts: items.map((i) => i.text), engine: 'deepl' });
    expect(await translator.translate([{ text: 'Ausgang' }], 'de', 'de')).toEqual({ texts: ['Ausgang'], engine: 'deepl' });
    expect(await translator.translate([], 'de', 'en')).toEqual({ texts: [], engine: 'deepl' });
    expect(calls).toHaveLength(0);
  });

  it('joins the lines of a sign, mends hyphenated words and keeps order and count', async () => {
    const { translator, calls } = deepl();
    const result = await translator.translate([{ text: 'Bitte\nTür schließen' }, { text: 'Notaus-\ngang' }, { text: '42' }], 'de', 'en');
    expect(calls[0].body.text).toEqual(['Bitte Tür schließen', 'Notausgang']);
    expect(result.texts).toEqual(['Please Door close', 'Emergency exit', '42']);
  });

  it('sends all-caps signs in sentence case and upper-cases the answer', async () => {
    const { translator, calls } = deepl();
    const result = await translator.translate([{ text: 'NOTAUSGANG. BITTE TÜR SCHLIESSEN' }], 'de', 'en');
    expect(calls[0].body.text).toEqual(['Notausgang. Bitte tür schliessen']);
    expect(result.texts).toEqual(['EMERGENCY EXIT. PLEASE DOOR SCHLIESSEN']);
  });

  it('falls back to the next engine and says which one answered', async () => {
    const failing = fakeFetch(() => json({ message: 'Quota exceeded' }, 456));
    const withAi = createTranslator(
      { TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'k', TRANSLATION_FALLBACK: 'workers-ai', AI: { run: async (_m, i) => ({ translated_text: `[${i.text}]` }) } },
      { fetch: failing.fetch, clock: recordingClock().clock },
    );
    expect(withAi.name).toBe('deepl>workers-ai');
    expect(await withAi.translate([{ text: 'Ausgang' }], 'de', 'en')).toEqual({ texts: ['[Ausgang]'], engine: 'workers-ai' });
    expect(failing.calls).toHaveLength(1);
  });

  it('reports the chain as retryable when any engine may answer later', async () => {
    const failing = fakeFetch(() => json({ message: 'Quota exceeded' }, 456));
    const translator = createTranslator(
      { TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'k', TRANSLATION_FALLBACK: 'workers-ai', AI: { run: async () => Promise.reject(new Error('3040: Out of capacity')) } },
      { fetch: failing.fetch, clock: recordingClock().clock },
    );
    const error = await translator.translate([{ text: 'Ausgang' }], 'de', 'en').catch((e) => e);
    expect(error).toBeInstanceOf(TranslationUnavailableError);
    expect(error).toMatchObject({ retryable: true, engine: 'workers-ai', reason: 'exhausted' });
    expect(error.message).toContain('deepl');
  });

  it('stops at the deadline instead of waiting out a long Retry-After', async () => {
    const time = recordingClock();
    const fake = fakeFetch(() => json({ message: 'slow down' }, 429, { 'retry-after': '120' }));
    const translator = createTranslator({ TRANSLATION_ENGINE: 'deepl', DEEPL_API_KEY: 'k' }, { fetch: fake.fetch, clock: time.clock });
    const error = await translator.translate([{ text: 'Ausgang' }], 'de', 'en', { deadline: time.clock.now() + 10_000 }).catch((e) => e);
    expect(error).toMatchObject({ reason: 'exhausted', retryAfterSeconds: 120 });
    expect(fake.calls).toHaveLength(1);
    expect(time.waits).toEqual([]);
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    const controller = new AbortController();
    const { translator } = deepl(() => {
      controller.abort(new Error('client went away'));
      return json({ message: 'busy' }, 503);
    });
    await expect(translator.translate([{ text: 'Ausgang' }], 'de', 'en', { signal: controller.signal })).rejects.toThrow('client went away');
  });
});

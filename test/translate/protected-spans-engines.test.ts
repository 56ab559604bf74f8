// Protected spans survive every engine: each engine's fake (built from its documented request and
// response) answers faithfully, drops a placeholder, moves one, or changes a protected text, and
// every protected span must still come back exactly as it was, once. The offline engine runs on its
// real data.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTranslator, type AiBinding, type TranslationEnv } from '../../src/translate';
import { GERMAN_TO_ENGLISH, fakeFetch, fakeTranslate, json, recordingClock, type RecordedCall } from './test-helpers';

const TEXT = 'Notausgang: info@acme.example, @acme, www.acme.example, 20% Rabatt, Preis 9,99 €, ACME Kontakt';
const KEEP = [{ start: TEXT.indexOf('ACME'), end: TEXT.indexOf('ACME') + 4 }];
const SPANS = ['info@acme.example', '@acme', 'www.acme.example', '20%', '9,99 €', 'ACME'];

type Behaviour = 'faithful' | 'drops a placeholder' | 'moves a placeholder' | 'changes a protected text';

/** What a misbehaving engine does to one text it was sent, given how it marks the spans. */
function misbehave(text: string, marker: RegExp, behaviour: Behaviour): string {
  const markers = [...text.matchAll(marker)].map((m) => m[0]);
  let out = text;
  if (markers.length > 0 && behaviour === 'drops a placeholder') out = out.replace(markers[0], '');
  if (markers.length > 1 && behaviour === 'moves a placeholder') out = `${markers.at(-1)} ${out.replace(markers.at(-1)!, '')}`;
  if (behaviour === 'changes a protected text') out = out.replace('9,99', '9.99').replace('20%', '20 percent');
  return fakeTranslate(out, GERMAN_TO_ENGLISH);
}

const XML = /<k i="\d+">[^<]*<\/k>/gu;
const HTML = /<span\b[^>]*>[^<]*<\/span>/gu;
const TOKEN = /⟦\d+⟧/gu;
/** Inline engines see the spans as plain text: "placeholders" are the span texts themselves. */
const INLINE = new RegExp(SPANS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu');

interface EngineCase {
  engine: string;
  settings: TranslationEnv;
  /** Answers one provider request, applying `answer` to each text in it. */
  respond?: (call: RecordedCall, answer: (text: string) => string) => Response;
  ai?: (answer: (text: string) => string) => AiBinding;
  marker: RegExp;
}

const ENGINES: EngineCase[] = [
  {
    engine: 'deepl',
    settings: { DEEPL_API_KEY: 'k:fx' },
    respond: (call, answer) => json({ translations: call.body.text.map((t: string) => ({ text: answer(t) })) }),
    marker: XML,
  },
  {
    engine: 'google',
    settings: { GOOGLE_TRANSLATE_API_KEY: 'g' },
    respond: (call, answer) => json({ data: { translations: call.body.q.map((t: string) => ({ translatedText: answer(t) })) } }),
    marker: HTML,
  },
  {
    engine: 'azure',
    settings: { AZURE_TRANSLATOR_KEY: 'a' },
    respond: (call, answer) => json(call.body.map((item: { Text: string }) => ({ translations: [{ text: answer(item.Text), to: 'en' }] }))),
    marker: HTML,
  },
  {
    engine: 'libretranslate',
    settings: { LIBRETRANSLATE_URL: 'https://lt.example.org' },
    respond: (call, answer) => json({ translatedText: call.body.q.map(answer) }),
    marker: INLINE,
  },
  {
    engine: 'openai',
    settings: { OPENAI_API_KEY: 'sk' },
    respond: (call, answer) => {
      const { texts } = JSON.parse(call.body.messages[1].content);
      return json({ choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify({ translations: texts.map(answer) }) } }] });
    },
    marker: TOKEN,
  },
  {
    engine: 'workers-ai',
    settings: {},
    ai: (answer) => ({ run: async (_model, inputs) => ({ translated_text: answer(String(inputs.text)) }) }),
    marker: INLINE,
  },
];

const BEHAVIOURS: Behaviour[] = ['faithful', 'drops a placeholder', 'moves a placeholder', 'changes a protected text'];

function expectSpansIntact(translated: string) {
  for (const span of SPANS) {
    // Exactly as many times as in the source ("@acme" is also inside "info@acme.example").
    expect(translated.split(span).length, `${span} in ${translated}`).toBe(TEXT.split(span).length);
  }
  expect(translated).not.toMatch(/⟦|<k|<span|9\.99|percent/u);
}

describe('protected spans survive every engine', () => {
  for (const { engine, settings, respond, ai, marker } of ENGINES) {
    it.each(BEHAVIOURS)(`${engine}: an engine that %s`, async (behaviour) => {
      // Only the first request misbehaves; the piece-by-piece retry gets honest answers.
      let requests = 0;
      const answerFor = () => {
        const first = requests++ === 0;
        return (text: string) => misbehave(text, marker, first ? behaviour : 'faithful');
      };
      const fake = fakeFetch((call) => respond!(call, answerFor()));
      const binding = ai?.((text) => answerFor()(text));
      const translator = createTranslator({ TRANSLATION_ENGINE: engine, ...settings, AI: binding }, { fetch: fake.fetch, clock: recordingClock().clock });
      const result = await translator.translate([{ text: TEXT, keep: KEEP }], 'de', 'en');
      expect(result.engine).toBe(engine);
      expectSpansIntact(result.texts[0]);
      expect(result.texts[0]).toContain('Emergency exit');
      expect(result.texts[0]).toContain('Contact');
    });
  }

  it('offline-dictionary, on its real data', async () => {
    const result = await createTranslator({ TRANSLATION_ENGINE: 'offline', ASSETS: env.ASSETS }).translate([{ text: TEXT, keep: KEEP }], 'de', 'en');
    expect(result.engine).toBe('offline-dictionary');
    expectSpansIntact(result.texts[0]);
    expect(result.texts[0]).toMatch(/^Emergency exit: /u);
  });
});

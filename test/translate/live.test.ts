// Live checks against the real providers. Opt-in: each runs only when its keys are in the
// environment of `npx vitest run` (e.g. DEEPL_API_KEY=… npx vitest run test/translate/live.test.ts);
// without them the tests are skipped and say so. They cost a few characters of quota per run.
// Workers AI cannot be reached from the test pool (its binding is remote only): check it with
// `npm run dev:remote` instead (docs/translation.md).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTranslator, type TranslationEnv } from '../../src/translate';

const live: Record<string, string> = env.LIVE_TRANSLATION_ENV ?? {};

const engines: [string, string[], TranslationEnv][] = [
  ['deepl', ['DEEPL_API_KEY'], { DEEPL_API_KEY: live.DEEPL_API_KEY }],
  ['google', ['GOOGLE_TRANSLATE_API_KEY'], { GOOGLE_TRANSLATE_API_KEY: live.GOOGLE_TRANSLATE_API_KEY }],
  ['azure', ['AZURE_TRANSLATOR_KEY'], { AZURE_TRANSLATOR_KEY: live.AZURE_TRANSLATOR_KEY, AZURE_TRANSLATOR_REGION: live.AZURE_TRANSLATOR_REGION }],
  ['libretranslate', ['LIBRETRANSLATE_URL'], { LIBRETRANSLATE_URL: live.LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY: live.LIBRETRANSLATE_API_KEY }],
  ['openai', ['OPENAI_API_KEY'], { OPENAI_API_KEY: live.OPENAI_API_KEY, OPENAI_BASE_URL: live.OPENAI_BASE_URL, OPENAI_MODEL: live.OPENAI_MODEL }],
];

const skipped = engines.filter(([, required]) => required.some((name) => !live[name])).map(([engine, required]) => `${engine} (set ${required.join(', ')})`);
// Said once in the run's output, not only in the skipped tests' names (which the default reporter does not print).
if (skipped.length > 0) console.info(`Live translation tests skipped, no keys in the environment: ${skipped.join('; ')}.`);

for (const [engine, required, settings] of engines) {
  const missing = required.filter((name) => !live[name]);
  describe.skipIf(missing.length > 0)(`live ${engine}${missing.length > 0 ? ` (skipped: set ${missing.join(', ')} to run)` : ''}`, () => {
    it('translates a German sign to English and keeps its protected spans', async () => {
      const translator = createTranslator({ TRANSLATION_ENGINE: engine, ...settings });
      const text = 'Notausgang – ACME Service: 0800 123 456, info@acme.example, 20% Rabatt';
      const keep = [{ start: text.indexOf('ACME'), end: text.indexOf('ACME') + 4 }];
      const result = await translator.translate([{ text, keep }, { text: 'Rauchen verboten' }], 'de', 'en', { deadline: Date.now() + 30_000 });
      expect(result.engine).toBe(engine);
      for (const span of ['ACME', '0800', '123', '456', 'info@acme.example', '20%']) expect(result.texts[0]).toContain(span);
      expect(result.texts[0].toLowerCase()).toContain('exit');
      expect(result.texts[1].toLowerCase()).toContain('smok');
    });
  });
}

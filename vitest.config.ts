import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd with the bindings declared in wrangler.toml: local R2, D1, Queues, Durable
// Objects and static assets. Secrets get fixed test values here (wrangler reads them from process.env).
process.env.URL_SIGNING_SECRET ??= 'test-url-signing-secret-0123456789abcdef';
process.env.DATA_ENCRYPTION_KEY ??= 'dGVzdC1kYXRhLWVuY3J5cHRpb24ta2V5LTMyYnl0ZXM=';

// Keys for the opt-in live translation tests (test/translate/live.test.ts), taken from the shell.
function liveTranslationEnv(): Record<string, string> {
  const names = [
    'DEEPL_API_KEY', 'GOOGLE_TRANSLATE_API_KEY', 'AZURE_TRANSLATOR_KEY', 'AZURE_TRANSLATOR_REGION',
    'LIBRETRANSLATE_URL', 'LIBRETRANSLATE_API_KEY', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL',
  ];
  return Object.fromEntries(names.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  return {
    plugins: [
      cloudflareTest({
        main: './src/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations, LIVE_TRANSLATION_ENV: liveTranslationEnv() } },
      }),
    ],
    test: {
      setupFiles: ['./test/setup.ts'],
      include: ['test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  };
});

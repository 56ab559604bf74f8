/**
 * Builds the configured Translator: the engine named by TRANSLATION_ENGINE, followed by the engines
 * of TRANSLATION_FALLBACK, each wrapped with the shared dedupe/chunk/retry/protection logic.
 */
import { parseTranslationConfig, type TranslationConfig, type TranslationEnv } from './config';
import type { EngineClient } from './engine';
import { createEngineTranslator } from './engine-translator';
import { createAzureEngine } from './engines/azure';
import { createDeeplEngine } from './engines/deepl';
import { createGoogleEngine } from './engines/google';
import { createLibreTranslateEngine } from './engines/libretranslate';
import { createOfflineEngine } from './engines/offline';
import { createOpenAiEngine } from './engines/openai';
import { createWorkersAiEngine } from './engines/workers-ai';
import { createFallbackTranslator } from './fallback-translator';
import type { FetchLike } from './http-call';
import { DEFAULT_RETRY_POLICY, systemClock, type Clock, type RetryPolicy } from './retry';
import type { EngineName, Translator } from './types';

/** Outside-world dependencies, replaceable in tests (a fake provider's fetch, a clock that does not sleep). */
export interface TranslatorDeps {
  fetch?: FetchLike;
  clock?: Clock;
  retryPolicy?: RetryPolicy;
}

/**
 * Validates the translation settings in `env` and builds the engine chain. Throws
 * TranslationConfigError (naming each variable to fix) when the settings are invalid.
 */
export function createTranslator(env: TranslationEnv, deps: TranslatorDeps = {}): Translator {
  const config = parseTranslationConfig(env);
  const clock = deps.clock ?? systemClock;
  const translators = config.chain.map((name) =>
    createEngineTranslator(createEngine(name, config, env, deps), {
      defaultTimeoutMs: config.TRANSLATION_TIMEOUT_MS,
      policy: deps.retryPolicy ?? DEFAULT_RETRY_POLICY,
      clock,
    }),
  );
  return createFallbackTranslator(translators, clock, config.TRANSLATION_TIMEOUT_MS);
}

function createEngine(name: EngineName, config: TranslationConfig, env: TranslationEnv, deps: TranslatorDeps): EngineClient {
  const fetchFn: FetchLike = deps.fetch ?? ((input, init) => fetch(input, init));
  switch (name) {
    case 'offline':
      return createOfflineEngine({ assets: env.ASSETS! });
    case 'workers-ai':
      return createWorkersAiEngine({ ai: env.AI!, model: config.WORKERS_AI_MODEL });
    case 'deepl':
      return createDeeplEngine({ apiKey: config.DEEPL_API_KEY!, baseUrl: config.DEEPL_API_URL, variants: config.variants, fetch: fetchFn });
    case 'google':
      return createGoogleEngine({ apiKey: config.GOOGLE_TRANSLATE_API_KEY!, url: config.GOOGLE_TRANSLATE_URL, variants: config.variants, fetch: fetchFn });
    case 'azure':
      return createAzureEngine({
        apiKey: config.AZURE_TRANSLATOR_KEY!,
        region: config.AZURE_TRANSLATOR_REGION,
        endpoint: config.AZURE_TRANSLATOR_ENDPOINT,
        variants: config.variants,
        fetch: fetchFn,
      });
    case 'libretranslate':
      return createLibreTranslateEngine({ url: config.LIBRETRANSLATE_URL!, apiKey: config.LIBRETRANSLATE_API_KEY, fetch: fetchFn });
    case 'openai':
      return createOpenAiEngine({
        apiKey: config.OPENAI_API_KEY!,
        baseUrl: config.OPENAI_BASE_URL,
        model: config.OPENAI_MODEL,
        variants: config.variants,
        fetch: fetchFn,
      });
  }
}

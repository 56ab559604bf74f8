/**
 * LibreTranslate (https://libretranslate.com/docs), usually self-hosted at LIBRETRANSLATE_URL:
 * POST /translate with `q` as an array, answered with `translatedText` as an array. Protected spans
 * are sent inline and verified (its HTML mode gives no documented no-translate marker). Norwegian is
 * `nb` (Argos models).
 */
import type { LanguageCode } from '../../languages';
import type { EngineClient } from '../engine';
import { EngineCallError } from '../errors';
import { postJson, type FetchLike } from '../http-call';

const CODE: Record<LanguageCode, string> = {
  en: 'en', de: 'de', fr: 'fr', es: 'es', it: 'it', pt: 'pt', nl: 'nl', sv: 'sv', da: 'da', no: 'nb', fi: 'fi',
};

export interface LibreTranslateOptions {
  url: string;
  apiKey?: string;
  fetch: FetchLike;
}

/** The LibreTranslate engine. */
export function createLibreTranslateEngine(options: LibreTranslateOptions): EngineClient {
  return {
    name: 'libretranslate',
    limits: { maxItems: 25, maxChars: 5_000, concurrency: 2 },
    protection: 'inline',
    async translateChunk(texts, source, target, signal) {
      const request: Record<string, unknown> = { q: texts, source: CODE[source], target: CODE[target], format: 'text' };
      if (options.apiKey) request.api_key = options.apiKey;
      const body = await postJson(options.fetch, `${options.url}/translate`, request, { engine: 'libretranslate', signal });
      const translated = (body as { translatedText?: unknown } | null)?.translatedText;
      if (!Array.isArray(translated)) throw new EngineCallError('libretranslate answered without a "translatedText" array', 'invalid_response');
      return translated as string[];
    },
  };
}

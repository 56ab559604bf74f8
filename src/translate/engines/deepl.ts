/**
 * DeepL API v2 (https://developers.deepl.com/docs/api-reference/translate). Free-plan keys end in
 * ":fx" and use api-free.deepl.com; others use api.deepl.com (DEEPL_API_URL overrides both). Up to 50
 * texts and 128 KiB per request; protected spans travel as XML tags listed in `ignore_tags`.
 * Norwegian is `NB` (source and target); English and Portuguese targets need a variant (EN-GB or
 * EN-US, PT-PT or PT-BR: TRANSLATION_EN_VARIANT / TRANSLATION_PT_VARIANT), sources take none.
 */
import type { LanguageCode } from '../../languages';
import type { EngineClient } from '../engine';
import { EngineCallError } from '../errors';
import { postJson, type FetchLike } from '../http-call';
import { DEFAULT_VARIANTS, type RegionalVariants } from '../regional-variants';

const SOURCE: Record<LanguageCode, string> = {
  en: 'EN', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', pt: 'PT', nl: 'NL', sv: 'SV', da: 'DA', no: 'NB', fi: 'FI',
};

export interface DeeplOptions {
  apiKey: string;
  /** Base URL without /v2; defaults by key type. */
  baseUrl?: string;
  variants?: RegionalVariants;
  fetch: FetchLike;
}

/** The DeepL engine. */
export function createDeeplEngine(options: DeeplOptions): EngineClient {
  const baseUrl = options.baseUrl ?? (options.apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com');
  const variants = options.variants ?? DEFAULT_VARIANTS;
  const targetCode: Record<LanguageCode, string> = { ...SOURCE, en: variants.en.toUpperCase(), pt: variants.pt.toUpperCase() };
  return {
    name: 'deepl',
    // 30k characters stay under the 128 KiB body limit even at 3 bytes of UTF-8 each, with the JSON around them.
    limits: { maxItems: 50, maxChars: 30_000, concurrency: 4 },
    protection: 'xml',
    async translateChunk(texts, source, target, signal) {
      const body = await postJson(
        options.fetch,
        `${baseUrl}/v2/translate`,
        { text: texts, source_lang: SOURCE[source], target_lang: targetCode[target], tag_handling: 'xml', ignore_tags: ['k'] },
        {
          engine: 'deepl',
          signal,
          headers: { authorization: `DeepL-Auth-Key ${options.apiKey}` },
          classify: (failure) =>
            failure.status === 456
              ? new EngineCallError('deepl: quota exceeded (HTTP 456): the character limit of this plan is used up', 'rejected', { status: 456 })
              : undefined,
        },
      );
      const translations = (body as { translations?: { text?: unknown }[] } | null)?.translations;
      if (!Array.isArray(translations)) throw new EngineCallError('deepl answered without "translations"', 'invalid_response');
      return translations.map((t) => t?.text) as string[];
    },
  };
}

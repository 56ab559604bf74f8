/**
 * Azure AI Translator v3 (https://learn.microsoft.com/azure/ai-services/translator/text-translation/reference/v3/translate):
 * up to 1000 texts and 50,000 characters per request; a regional resource also needs its region
 * header. HTML mode lets protected spans be marked `class="notranslate"`. Norwegian is `nb`;
 * Portuguese targets are `pt-pt` (Portugal) or `pt` (Brazil, Azure's default for `pt`). 403001 (free
 * tier quota used up) is a rejection.
 */
import type { LanguageCode } from '../../languages';
import type { EngineClient } from '../engine';
import { EngineCallError } from '../errors';
import { postJson, type FetchLike, type HttpFailure } from '../http-call';
import { DEFAULT_VARIANTS, type RegionalVariants } from '../regional-variants';

const SOURCE_CODE: Record<LanguageCode, string> = {
  en: 'en', de: 'de', fr: 'fr', es: 'es', it: 'it', pt: 'pt', nl: 'nl', sv: 'sv', da: 'da', no: 'nb', fi: 'fi',
};

export interface AzureOptions {
  apiKey: string;
  region?: string;
  /** Defaults to the global endpoint https://api.cognitive.microsofttranslator.com. */
  endpoint?: string;
  variants?: RegionalVariants;
  fetch: FetchLike;
}

/** The Azure Translator engine. */
export function createAzureEngine(options: AzureOptions): EngineClient {
  const endpoint = options.endpoint ?? 'https://api.cognitive.microsofttranslator.com';
  const targetCode: Record<LanguageCode, string> = { ...SOURCE_CODE, pt: (options.variants ?? DEFAULT_VARIANTS).pt === 'pt-BR' ? 'pt' : 'pt-pt' };
  const headers: Record<string, string> = { 'ocp-apim-subscription-key': options.apiKey };
  if (options.region) headers['ocp-apim-subscription-region'] = options.region;
  return {
    name: 'azure',
    // Azure counts the markup too; 45k leaves room under its 50k for the notranslate spans' own text.
    limits: { maxItems: 1000, maxChars: 45_000, concurrency: 4 },
    protection: 'html',
    async translateChunk(texts, source, target, signal) {
      const query = new URLSearchParams({ 'api-version': '3.0', from: SOURCE_CODE[source], to: targetCode[target], textType: 'html' });
      const body = await postJson(
        options.fetch,
        `${endpoint}/translate?${query}`,
        texts.map((text) => ({ Text: text })),
        { engine: 'azure', signal, headers, classify: classifyAzureFailure },
      );
      if (!Array.isArray(body)) throw new EngineCallError('azure answered with something other than an array', 'invalid_response');
      return body.map((entry: { translations?: { text?: unknown }[] } | null) => entry?.translations?.[0]?.text) as string[];
    },
  };
}

function classifyAzureFailure(failure: HttpFailure): EngineCallError | undefined {
  const error = (failure.body as { error?: { code?: number; message?: string } } | null)?.error;
  if (error?.code === 403001) {
    return new EngineCallError(`azure: quota exceeded (403001): ${error.message ?? ''}`, 'rejected', { status: failure.status });
  }
  if (failure.status === 408 && error?.code === 408001) {
    return new EngineCallError('azure: the requested system is being prepared (408001)', 'transient', { status: 408, retryAfterMs: failure.retryAfterMs });
  }
  return undefined;
}

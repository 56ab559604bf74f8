/**
 * Google Cloud Translation Basic (v2) (https://cloud.google.com/translate/docs/reference/rest/v2/translate):
 * up to 128 texts per request (about 30k characters in practice), HTML mode so protected spans can be
 * marked `translate="no"`. The API key travels in the `x-goog-api-key` header, which Google accepts
 * in place of the `key` query parameter: URLs end up in logs and traces, headers do not. A 403
 * "rateLimitExceeded" is transient; daily limits and bad keys are not.
 */
import type { LanguageCode } from '../../languages';
import type { EngineClient } from '../engine';
import { EngineCallError } from '../errors';
import { postJson, type FetchLike, type HttpFailure } from '../http-call';
import { DEFAULT_VARIANTS, type RegionalVariants } from '../regional-variants';

// Google's Norwegian is `no`; Portuguese targets take a region (pt-PT, pt-BR), sources do not.
const SOURCE_CODE: Record<LanguageCode, string> = {
  en: 'en', de: 'de', fr: 'fr', es: 'es', it: 'it', pt: 'pt', nl: 'nl', sv: 'sv', da: 'da', no: 'no', fi: 'fi',
};

export interface GoogleOptions {
  apiKey: string;
  /** Endpoint; defaults to https://translation.googleapis.com/language/translate/v2. */
  url?: string;
  variants?: RegionalVariants;
  fetch: FetchLike;
}

/** The Google Cloud Translation v2 engine. */
export function createGoogleEngine(options: GoogleOptions): EngineClient {
  const url = options.url ?? 'https://translation.googleapis.com/language/translate/v2';
  const targetCode: Record<LanguageCode, string> = { ...SOURCE_CODE, pt: (options.variants ?? DEFAULT_VARIANTS).pt };
  return {
    name: 'google',
    limits: { maxItems: 128, maxChars: 25_000, concurrency: 4 },
    protection: 'html',
    async translateChunk(texts, source, target, signal) {
      const body = await postJson(
        options.fetch,
        url,
        { q: texts, source: SOURCE_CODE[source], target: targetCode[target], format: 'html' },
        { engine: 'google', signal, headers: { 'x-goog-api-key': options.apiKey }, classify: classifyGoogleFailure },
      );
      const translations = (body as { data?: { translations?: { translatedText?: unknown }[] } } | null)?.data?.translations;
      if (!Array.isArray(translations)) throw new EngineCallError('google answered without "data.translations"', 'invalid_response');
      return translations.map((t) => t?.translatedText) as string[];
    },
  };
}

function classifyGoogleFailure(failure: HttpFailure): EngineCallError | undefined {
  const error = (failure.body as { error?: { message?: string; errors?: { reason?: string }[] } } | null)?.error;
  const reasons = (error?.errors ?? []).map((e) => e.reason ?? '');
  const message = `google answered HTTP ${failure.status}: ${error?.message ?? failure.text.slice(0, 200)}`;
  if (reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded' || r === 'backendError')) {
    return new EngineCallError(message, 'transient', { status: failure.status, retryAfterMs: failure.retryAfterMs });
  }
  if (reasons.some((r) => r === 'dailyLimitExceeded' || r === 'quotaExceeded' || r === 'keyInvalid')) {
    return new EngineCallError(message, 'rejected', { status: failure.status });
  }
  return undefined;
}

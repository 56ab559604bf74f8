/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, or a gateway/local server speaking the
 * same API): the texts go in as a JSON array, the model must answer with a JSON object holding an
 * array of the same length. Protected spans become tokens ⟦N⟧ the model is told to copy. A 429 with
 * `insufficient_quota` is a rejection (billing), other 429s are transient.
 */
import { LANGUAGES, type LanguageCode } from '../../languages';
import type { EngineClient } from '../engine';
import { EngineCallError } from '../errors';
import { postJson, type FetchLike, type HttpFailure } from '../http-call';
import { DEFAULT_VARIANTS, variantName, type RegionalVariants } from '../regional-variants';

export interface OpenAiOptions {
  apiKey: string;
  /** Base URL up to /v1; defaults to https://api.openai.com/v1. */
  baseUrl?: string;
  model?: string;
  variants?: RegionalVariants;
  fetch: FetchLike;
}

const languageName = (code: LanguageCode) => LANGUAGES.find((l) => l.code === code)!.name;

/** The OpenAI-compatible engine. */
export function createOpenAiEngine(options: OpenAiOptions): EngineClient {
  const baseUrl = options.baseUrl ?? 'https://api.openai.com/v1';
  const model = options.model ?? 'gpt-4o-mini';
  const variants = options.variants ?? DEFAULT_VARIANTS;
  // The source is named plainly; the target says which English or Portuguese to write.
  const targetName = (code: LanguageCode) => (code === 'en' || code === 'pt' ? `${languageName(code)} (${variantName(variants[code])})` : languageName(code));
  return {
    name: 'openai',
    limits: { maxItems: 40, maxChars: 6_000, concurrency: 4 },
    protection: 'token',
    async translateChunk(texts, source, target, signal) {
      const system =
        `You translate short texts from signs, labels and user interfaces from ${languageName(source)} to ${targetName(target)}. ` +
        'The user sends a JSON object {"texts": [...]}. Answer only with a JSON object {"translations": [...]} holding exactly one translation per text, in the same order. ' +
        'Copy tokens like ⟦0⟧ exactly as they are, once each. Keep the register and brevity of a sign; do not explain.';
      const body = await postJson(
        options.fetch,
        `${baseUrl}/chat/completions`,
        {
          model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: JSON.stringify({ texts }) },
          ],
        },
        { engine: 'openai', signal, headers: { authorization: `Bearer ${options.apiKey}` }, classify: classifyOpenAiFailure },
      );
      const content = (body as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new EngineCallError('openai answered without message content', 'invalid_response');
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        throw new EngineCallError('openai answered with content that is not JSON', 'invalid_response');
      }
      const translations = (parsed as { translations?: unknown } | null)?.translations;
      if (!Array.isArray(translations)) throw new EngineCallError('openai answered without a "translations" array', 'invalid_response');
      return translations as string[];
    },
  };
}

function classifyOpenAiFailure(failure: HttpFailure): EngineCallError | undefined {
  const error = (failure.body as { error?: { code?: string; type?: string; message?: string } } | null)?.error;
  if (failure.status === 429 && (error?.code === 'insufficient_quota' || error?.type === 'insufficient_quota')) {
    return new EngineCallError(`openai: quota exceeded: ${error.message ?? ''}`, 'rejected', { status: 429 });
  }
  return undefined;
}

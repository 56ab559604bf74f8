/**
 * Workers AI through the AI binding (`@cf/meta/m2m100-1.2b` by default): one text per call, at most
 * six calls in flight. The binding throws errors whose message carries Workers AI's internal code
 * (https://developers.cloudflare.com/workers-ai/platform/errors/): 3040 (out of capacity), 3007
 * (timeout) and unknown failures are retried; 3036 (daily allocation used up), unknown model and
 * invalid input are rejections. Protected spans are sent inline and verified.
 */
import type { LanguageCode } from '../../languages';
import type { AiBinding } from '../config';
import type { EngineClient } from '../engine';
import { EngineCallError } from '../errors';

const REJECTED_CODES = new Set([3003, 3006, 3023, 3036, 3039, 3041, 3042, 5004, 5005, 5007, 5016, 5018, 5019]);

export interface WorkersAiOptions {
  ai: AiBinding;
  model: string;
}

/** The Workers AI engine. */
export function createWorkersAiEngine(options: WorkersAiOptions): EngineClient {
  return {
    name: 'workers-ai',
    limits: { maxItems: 1, maxChars: 2_000, concurrency: 6 },
    protection: 'inline',
    async translateChunk(texts, source: LanguageCode, target: LanguageCode, signal) {
      let output: unknown;
      try {
        output = await abortable(options.ai.run(options.model, { text: texts[0], source_lang: source, target_lang: target }), signal);
      } catch (error) {
        throw classifyAiError(error);
      }
      const translated = (output as { translated_text?: unknown } | null)?.translated_text;
      if (typeof translated !== 'string') throw new EngineCallError('workers-ai answered without "translated_text"', 'invalid_response');
      return [translated];
    },
  };
}

function classifyAiError(error: unknown): EngineCallError {
  if (error instanceof EngineCallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = Number(/\b([35]\d{3})\b/u.exec(message)?.[1]);
  const kind = REJECTED_CODES.has(code) ? 'rejected' : 'transient';
  return new EngineCallError(`workers-ai: ${message}`, kind, { cause: error });
}

/** The binding takes no signal: stop waiting for it when the attempt times out. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new EngineCallError('workers-ai did not answer in time', 'transient', { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

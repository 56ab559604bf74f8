/**
 * A chain of translators tried in order (e.g. DeepL, then Workers AI): the first that answers wins
 * and its name is reported. Every engine but the last gets at most 60% of the time left, so a slow
 * failure of the first still leaves the next one time to answer.
 */
import { TranslationUnavailableError } from './errors';
import type { Clock } from './retry';
import type { Translator } from './types';

const SHARE_FOR_EARLIER_ENGINES = 0.6;

/** Combines translators into one that falls back from each to the next. */
export function createFallbackTranslator(chain: Translator[], clock: Clock, defaultTimeoutMs: number): Translator {
  if (chain.length === 1) return chain[0];
  return {
    name: chain.map((t) => t.name).join('>'),
    async translate(items, source, target, options = {}) {
      const deadline = options.deadline ?? clock.now() + defaultTimeoutMs;
      const failures: TranslationUnavailableError[] = [];
      for (const [i, translator] of chain.entries()) {
        const isLast = i === chain.length - 1;
        const remaining = deadline - clock.now();
        const ownDeadline = isLast ? deadline : clock.now() + Math.max(0, remaining * SHARE_FOR_EARLIER_ENGINES);
        try {
          return await translator.translate(items, source, target, { ...options, deadline: ownDeadline });
        } catch (error) {
          if (!(error instanceof TranslationUnavailableError)) throw error;
          failures.push(error);
        }
      }
      // Retryable if any engine might answer later; the message names every engine's failure.
      const retryable = failures.find((f) => f.retryable);
      const representative = retryable ?? failures[failures.length - 1];
      throw new TranslationUnavailableError(
        failures.map((f) => f.message).join('; '),
        representative.engine,
        representative.reason,
        retryable?.retryAfterSeconds,
        { cause: failures },
      );
    },
  };
}

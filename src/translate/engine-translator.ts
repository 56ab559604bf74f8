/**
 * Wraps one EngineClient into a Translator: prepares texts (joined lines, protected spans, case),
 * drops texts with nothing to translate, sends each distinct text once, split into chunks the engine
 * accepts, with bounded concurrency and retries; checks the answer count, restores and verifies the
 * protected spans, and re-translates piece by piece any text whose spans did not survive.
 */
import type { LanguageCode } from '../languages';
import type { EngineClient } from './engine';
import { EngineCallError, TranslationUnavailableError } from './errors';
import { prepareText, type PreparedText } from './prepare-text';
import type { TextPart } from './protected-spans';
import { DEFAULT_RETRY_POLICY, RetriesExhausted, systemClock, withRetries, type Clock, type RetryPolicy } from './retry';
import { decodeAnswer, encodeParts, type DecodedPart } from './span-protection';
import type { TranslateOptions, TranslationItem, TranslationResult, Translator } from './types';

export interface EngineTranslatorOptions {
  /** Used when the caller gives no deadline: ms from the start of the call. */
  defaultTimeoutMs: number;
  policy?: RetryPolicy;
  clock?: Clock;
}

/** Builds the Translator for one engine. */
export function createEngineTranslator(engine: EngineClient, options: EngineTranslatorOptions): Translator {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const clock = options.clock ?? systemClock;

  return {
    name: engine.name,
    async translate(items, source, target, callOptions = {}) {
      const prepared = items.map((item) => prepareText(item.text, item.keep));
      const texts = items.map((item) => item.text);
      const pending = prepared.map((p, i) => (p.translatable && source !== target ? i : -1)).filter((i) => i >= 0);
      if (pending.length === 0) return { texts, engine: engine.name };

      const run = { engine, source, target, policy, clock, signal: callOptions.signal, deadline: deadlineOf(callOptions, clock, options) };
      const encoded = pending.map((i) => encodeParts(prepared[i].parts, engine.protection));
      const answers = await translateDistinct(encoded, run);

      const failed: number[] = [];
      pending.forEach((itemIndex, k) => {
        const decoded = decodeAnswer(answers[k], prepared[itemIndex].parts, engine.protection);
        if (decoded) texts[itemIndex] = finish(decoded, prepared[itemIndex]);
        else failed.push(itemIndex);
      });
      if (failed.length > 0) await translatePieceByPiece(failed, prepared, texts, run);
      return { texts, engine: engine.name } satisfies TranslationResult;
    },
  } satisfies Translator;
}

interface Run {
  engine: EngineClient;
  source: LanguageCode;
  target: LanguageCode;
  policy: RetryPolicy;
  clock: Clock;
  signal?: AbortSignal;
  deadline: number;
}

function deadlineOf(callOptions: TranslateOptions, clock: Clock, options: EngineTranslatorOptions): number {
  return callOptions.deadline ?? clock.now() + options.defaultTimeoutMs;
}

/** Translates each distinct string once and answers for all of them, in order. */
async function translateDistinct(strings: string[], run: Run): Promise<string[]> {
  const distinct = [...new Set(strings)];
  const chunks = chunkTexts(distinct, run.engine.limits.maxItems, run.engine.limits.maxChars);
  const results = await mapWithConcurrency(chunks, run.engine.limits.concurrency, (chunk) => translateChunk(chunk, run));
  const byText = new Map<string, string>();
  chunks.forEach((chunk, c) => chunk.forEach((text, k) => byText.set(text, results[c][k])));
  return strings.map((s) => byText.get(s)!);
}

async function translateChunk(chunk: string[], run: Run): Promise<string[]> {
  try {
    return await withRetries(
      async (signal) => {
        const answer = await run.engine.translateChunk(chunk, run.source, run.target, signal);
        if (!Array.isArray(answer) || answer.length !== chunk.length || answer.some((a) => typeof a !== 'string')) {
          throw new EngineCallError(
            `${run.engine.name} returned ${Array.isArray(answer) ? answer.length : 'no'} translations for ${chunk.length} texts`,
            'invalid_response',
          );
        }
        return answer;
      },
      { deadline: run.deadline, signal: run.signal, policy: run.policy, clock: run.clock },
    );
  } catch (error) {
    if (!(error instanceof RetriesExhausted)) throw error;
    const { last } = error;
    const reason = last.kind === 'rejected' ? 'rejected' : last.kind === 'invalid_response' && !error.outOfTime ? 'invalid_response' : 'exhausted';
    const retryAfter = last.details.retryAfterMs === undefined ? undefined : Math.ceil(last.details.retryAfterMs / 1000);
    throw new TranslationUnavailableError(`translation engine "${run.engine.name}" failed: ${error.message}`, run.engine.name, reason, retryAfter, { cause: last });
  }
}

/**
 * For texts whose protected spans did not survive: translate the pieces between the spans on their
 * own (no spans left to lose) and put the spans back between them.
 */
async function translatePieceByPiece(failed: number[], prepared: PreparedText[], texts: string[], run: Run): Promise<void> {
  const pieces: string[] = [];
  for (const i of failed) {
    for (const part of prepared[i].parts) if (!part.protected && /\p{L}/u.test(part.text)) pieces.push(part.text.trim());
  }
  const answers = await translateDistinct(pieces, run);
  let next = 0;
  for (const i of failed) {
    const decoded: DecodedPart[] = prepared[i].parts.map((part: TextPart) => {
      if (part.protected || !/\p{L}/u.test(part.text)) return part;
      const lead = /^\s*/u.exec(part.text)![0];
      const trail = /\s*$/u.exec(part.text)![0];
      return { text: lead + answers[next++].trim() + trail, protected: false };
    });
    texts[i] = finish(decoded, prepared[i]);
  }
}

/** Joins decoded parts, upper-casing the translated ones again for all-caps signs. */
function finish(parts: DecodedPart[], prepared: PreparedText): string {
  return parts
    .map((p) => {
      if (p.protected) return p.text;
      const text = p.text.replace(/\s+/gu, ' ');
      return prepared.allCaps ? text.toUpperCase() : text;
    })
    .join('')
    .trim();
}

/** Splits texts into chunks of at most `maxItems` texts and `maxChars` characters (a longer text goes alone). */
export function chunkTexts(texts: string[], maxItems: number, maxChars: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length > 0 && (current.length >= maxItems || chars + text.length > maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Maps with at most `limit` calls in flight; rejects with the first failure. */
export async function mapWithConcurrency<T, R>(inputs: T[], limit: number, fn: (input: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  async function worker(): Promise<void> {
    while (next < inputs.length && !failure) {
      const index = next++;
      try {
        results[index] = await fn(inputs[index]);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}

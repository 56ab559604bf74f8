/**
 * What one translation engine must provide: a call that translates one chunk of texts, its limits,
 * and how it can be told to leave protected spans alone. Everything else (dedupe, chunking, retries,
 * span protection and verification, count checks) is shared, in engine-translator.ts.
 */
import type { LanguageCode } from '../languages';
import type { ProtectionStyle } from './span-protection';

export interface EngineLimits {
  /** Most texts in one call. */
  maxItems: number;
  /** Most characters (of the encoded texts, summed) in one call. */
  maxChars: number;
  /** Most calls in flight at once for one translate() call. */
  concurrency: number;
}

export interface EngineClient {
  readonly name: string;
  readonly limits: EngineLimits;
  readonly protection: ProtectionStyle;
  /**
   * Translates one chunk and returns one string per text, in order. Throws EngineCallError for
   * failures the retry loop must classify; any other throw counts as a transient network error.
   */
  translateChunk(texts: string[], source: LanguageCode, target: LanguageCode, signal: AbortSignal): Promise<string[]>;
}

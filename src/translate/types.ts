/**
 * The translation contract the pipeline and the batch consumers speak: one call translates the
 * region texts of one image, in order, and says which engine answered. Every engine (Workers AI,
 * DeepL, Google, Azure, LibreTranslate, OpenAI-compatible, the offline dictionary) sits behind it.
 */
import type { LanguageCode } from '../languages';
import type { TextSpan } from '../pipeline/types';

/** One region text to translate. */
export interface TranslationItem {
  /** The region text; lines of one sign are separated by '\n'. */
  text: string;
  /** Spans of `text` matched by the client's exclude_text patterns: returned exactly as they are. */
  keep?: TextSpan[];
}

export interface TranslateOptions {
  /** Absolute time (ms since the epoch, as Date.now()) by which the call must settle. */
  deadline?: number;
  /** Aborts the call; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface TranslationResult {
  /** One translation per item, same order and count as asked. */
  texts: string[];
  /** The engine that answered, for the `translation_engine` response field. */
  engine: string;
}

export interface Translator {
  /** Engine name, or the names of a fallback chain joined with '>' (e.g. "deepl>workers-ai"). The
   * offline engine is named "offline-dictionary" so responses say it is not machine translation. */
  readonly name: string;
  /**
   * Translates the region texts of one image. Lines of one text are joined into one sentence before
   * translating (a hyphen at a line end joins the word halves), so a translated text is one line:
   * the renderer wraps it to its box. Texts with no letters outside protected spans come back
   * unchanged, line breaks included. Rejects with TranslationUnavailableError when no engine answered.
   */
  translate(
    items: TranslationItem[],
    source: LanguageCode,
    target: LanguageCode,
    options?: TranslateOptions,
  ): Promise<TranslationResult>;
}

export const ENGINE_NAMES = [
  'offline',
  'workers-ai',
  'deepl',
  'google',
  'azure',
  'libretranslate',
  'openai',
] as const;

export type EngineName = (typeof ENGINE_NAMES)[number];

/**
 * The translation layer's public face: build a Translator from the environment and call it with the
 * region texts of one image. Engines, retries and span protection stay inside src/translate.
 */
import { OFFLINE_ENGINE_NAME, OFFLINE_ENGINE_NOTICE } from './engines/offline';

export { createTranslator, type TranslatorDeps } from './create-translator';
export { parseTranslationConfig, type AiBinding, type TranslationEnv } from './config';
export { TranslationConfigError, TranslationUnavailableError, type TranslationFailureReason } from './errors';
export { ENGINE_NAMES, type EngineName, type TranslateOptions, type TranslationItem, type TranslationResult, type Translator } from './types';

/** A sentence for clients about the engine that answered, where one is owed (the development engine). */
export function engineNotice(engine: string | null): string | undefined {
  return engine === OFFLINE_ENGINE_NAME ? OFFLINE_ENGINE_NOTICE : undefined;
}

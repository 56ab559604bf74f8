/**
 * The offline engine: a development dictionary translator (FreeDict data plus a curated phrase table
 * for signs and user interfaces), loaded from the static assets, needing no account or network.
 * Pairs without English go through English. It translates word by word and phrase by phrase, with
 * no grammar: good for trying the service locally, not for production.
 */
import type { LanguageCode } from '../../languages';
import type { EngineClient } from '../engine';
import { loadDictionaryAssets, type DictionaryAssets } from '../offline/dictionary-data';
import { translateWithDictionary } from '../offline/dictionary-translator';

export interface OfflineOptions {
  assets: Fetcher;
}

export const OFFLINE_ENGINE_NAME = 'offline-dictionary';

/** Said in responses translated by this engine, so nobody mistakes its output for machine translation. */
export const OFFLINE_ENGINE_NOTICE =
  'Translated by the offline development dictionary (word by word, no grammar). Set TRANSLATION_ENGINE to workers-ai, deepl or another engine for real translations.';

/** The offline dictionary engine. */
export function createOfflineEngine(options: OfflineOptions): EngineClient {
  return {
    // The name answers in `translation_engine`: it says plainly that this is a dictionary, not machine translation.
    name: OFFLINE_ENGINE_NAME,
    limits: { maxItems: 500, maxChars: 100_000, concurrency: 1 },
    protection: 'token',
    async translateChunk(texts, source, target) {
      const data = await loadDictionaryAssets(options.assets);
      if (source === 'en' || target === 'en') return translateAll(data, texts, source, target);
      const english = await translateAll(data, texts, source, 'en');
      return translateAll(data, english, 'en', target);
    },
  };
}

async function translateAll(data: DictionaryAssets, texts: string[], from: LanguageCode, to: LanguageCode): Promise<string[]> {
  const dictionary = await data.dictionary(from, to);
  const rules = data.manifest.languages[from];
  const drop = from === to ? '' : rules.sourceOnlyPunctuation;
  return texts.map((text) => translateWithDictionary(text, dictionary, rules, data.manifest.maxPhraseWords, drop, to === 'en'));
}

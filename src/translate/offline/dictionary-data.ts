/**
 * Loads the offline engine's data from the static assets (public/dictionaries/, built by
 * scripts/build-dictionaries.mjs) on first use and keeps it for the life of the isolate. Nothing is
 * bundled into the Worker script.
 */
import type { LanguageCode } from '../../languages';
import { EngineCallError } from '../errors';
import { SortedDictionary } from './sorted-dictionary';

/** How the translator treats words of one language (from scripts/dictionary/languages.json). */
export interface LanguageRules {
  /**
   * Suffix rewrites tried, in order, on a word the dictionary lacks: [suffix, replacement], plus
   * "plural" when the suffix marks a noun plural (the English translation is then made plural).
   */
  suffixes: ([string, string] | [string, string, 'plural'])[];
  /** Elided articles and pronouns ("l'", "dell'") that are split off the following word. */
  elisions: string[];
  /** Joins between compound parts ("s" in "Arbeitszeit"); empty when the language does not compound. */
  compoundLinks: string[];
  /** Nouns are capitalised (German): a capital mid-sentence says nothing about style. */
  capitalisesNouns: boolean;
  /** Punctuation only this language writes (Spanish ¿ ¡), dropped when translating out of it. */
  sourceOnlyPunctuation: string;
  /** Pronouns of a polite imperative that English leaves out ("Halten Sie" → "Keep"); see dictionary-translator.ts. */
  imperativePronouns: string[];
  /** Words that may come before such an imperative's verb ("Und geben Sie", "Bitte wenden Sie"). */
  imperativeLeads: string[];
  /** Set for languages whose labels put the verb last ("Profil bearbeiten"); see english-word-order.ts. */
  verbFinal?: VerbFinalRule;
  /** True for languages that put most adjectives after the noun ("arts décoratifs"); see english-word-order.ts. */
  adjectivesFollowNouns?: boolean;
}

/** How a verb-final language's infinitive looks: patterns (regular expressions) on the lower-case word. */
export interface VerbFinalRule {
  /** The infinitive's ending. */
  infinitive: string;
  /** Participles that share it ("geschlossen"), which are not moved. */
  notParticiple: string;
}

export interface DictionaryManifest {
  description: string;
  maxPhraseWords: number;
  languages: Record<LanguageCode, LanguageRules>;
}

export interface DictionaryAssets {
  manifest: DictionaryManifest;
  /** The dictionary for one direction, e.g. ('de','en') or ('en','fr'). */
  dictionary(from: LanguageCode, to: LanguageCode): Promise<SortedDictionary>;
}

const BASE = 'https://assets.invalid/dictionaries/';
/** Loaded files per assets binding (one binding, the same object for every request, per isolate). */
const caches = new WeakMap<Fetcher, Map<string, Promise<unknown>>>();

/** Returns the dictionary data served by `assets`, loading each file once per isolate. */
export async function loadDictionaryAssets(assets: Fetcher): Promise<DictionaryAssets> {
  let cache = caches.get(assets);
  if (!cache) caches.set(assets, (cache = new Map()));
  const files = cache;
  const manifest = (await cached(files, 'manifest', () => fetchText(assets, 'manifest.json').then((t) => JSON.parse(t)))) as DictionaryManifest;
  return {
    manifest,
    dictionary: (from, to) => cached(files, `${from}-${to}`, async () => new SortedDictionary(await fetchText(assets, `${from}-${to}.tsv`))),
  };
}

function cached<T>(cache: Map<string, Promise<unknown>>, key: string, load: () => Promise<T>): Promise<T> {
  let entry = cache.get(key) as Promise<T> | undefined;
  if (!entry) {
    entry = load();
    cache.set(key, entry);
    // A failed load (asset missing during a deploy) must not be remembered.
    entry.catch(() => cache.delete(key));
  }
  return entry;
}

async function fetchText(assets: Fetcher, file: string): Promise<string> {
  const response = await assets.fetch(BASE + file);
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.includes('text/html')) {
    await response.body?.cancel();
    // A missing file will not appear on a retry: the deployment lacks public/dictionaries.
    throw new EngineCallError(`offline dictionary file ${file} is missing from the static assets (run npm run build:dictionaries)`, 'rejected');
  }
  return response.text();
}

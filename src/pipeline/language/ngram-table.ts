/**
 * eld's language n-gram scores for our 11 languages, read from the compact table that
 * scripts/build-models.mjs writes (public/models/language-ngrams.bin). Loading eld itself would cost
 * 30–140 MB of JS heap for its 60 languages; this table holds the same scores for ours in ~3 MB.
 * Scoring follows eld: words are lower-cased, split on non-letters, encoded as UTF-8 bytes through
 * eld's byte dictionary, cut into 4-byte n-grams, and each known n-gram adds its score per language.
 */
import { isLanguageCode, type LanguageCode } from '../../languages';

export interface NgramTable {
  languages: LanguageCode[];
  /** eld's byte → character dictionary. */
  dictionary: string[];
  /** Sorted n-grams. */
  keys: string[];
  /** keys.length × languages.length scores, score + 1 (0 = unknown in that language). */
  scores: Uint8Array;
}

/** Parses the table file. */
export function parseNgramTable(bytes: Uint8Array): NgramTable {
  const latin1 = (start: number, length: number) => {
    let s = '';
    for (let i = start; i < start + length; i++) s += String.fromCharCode(bytes[i]);
    return s;
  };
  if (latin1(0, 4) !== 'LNG1') throw new Error('not a language n-gram table');
  let at = 4;
  const count = bytes[at++];
  const languages: LanguageCode[] = [];
  for (let i = 0; i < count; i++, at += 2) {
    const code = latin1(at, 2);
    if (!isLanguageCode(code)) throw new Error(`unknown language ${code} in n-gram table`);
    languages.push(code);
  }
  const dictionary = [...latin1(at, 256)];
  at += 256;
  const ngrams = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0, true);
  at += 4;
  const keys = new Array<string>(ngrams);
  for (let i = 0; i < ngrams; i++) {
    const length = bytes[at++];
    keys[i] = latin1(at, length);
    at += length;
  }
  const scores = bytes.slice(at, at + ngrams * count);
  if (scores.length !== ngrams * count) throw new Error('truncated n-gram table');
  return { languages, dictionary, keys, scores };
}

const SEPARATORS = /[^\p{L}]+(?<![\x27\x60\u2019])/gu;

/** eld's word encoding: ASCII as is, other characters as their UTF-8 bytes mapped through the dictionary. */
function encodeWords(text: string, dictionary: string[]): string[] {
  const words: string[] = [];
  const bytes = new TextEncoder();
  for (const word of text.replace(SEPARATORS, ' ').trim().toLowerCase().split(' ')) {
    if (!word) continue;
    let encoded = '';
    for (const ch of word) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) encoded += ch;
      else for (const b of bytes.encode(ch)) encoded += dictionary[b];
    }
    words.push(encoded);
  }
  return words;
}

/** eld's n-grams of a word: 4 bytes long with a 3-byte stride, marked at the word's start and end. */
function wordNgrams(word: string, into: Set<string>): void {
  const len = Math.min(word.length, 70);
  let j = 0;
  for (; j + 4 < len; j += 3) into.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
  into.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
}

function find(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Scores `text` for each language on eld's 0..1 scale (higher is more likely), plus the number of
 * n-grams seen. Returns an empty map for text without letters.
 */
export function scoreLanguages(table: NgramTable, text: string): { scores: Map<LanguageCode, number>; ngrams: number } {
  const ngrams = new Set<string>();
  for (const word of encodeWords(text.slice(0, 1000), table.dictionary)) wordNgrams(word, ngrams);
  const n = table.languages.length;
  const raw = new Float64Array(n);
  for (const ngram of ngrams) {
    const index = find(table.keys, ngram);
    if (index < 0) continue;
    for (let l = 0; l < n; l++) {
      const s = table.scores[index * n + l];
      // eld stores scores less a base of 53 to keep its tables small.
      if (s > 0) raw[l] += s - 1 + 53;
    }
  }
  const scores = new Map<LanguageCode, number>();
  if (ngrams.size === 0) return { scores, ngrams: 0 };
  for (let l = 0; l < n; l++) {
    if (raw[l] <= 0) continue;
    const perNgram = raw[l] / ngrams.size;
    scores.set(table.languages[l], perNgram / (perNgram + 25));
  }
  return { scores, ngrams: ngrams.size };
}

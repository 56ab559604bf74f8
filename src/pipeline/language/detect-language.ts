/**
 * Detects the source language of recognised text among our 11 languages. eld's n-gram scores (see
 * ngram-table.ts) over all the text pick the language, so on a page that mixes languages the one with
 * the most text wins. Danish and Norwegian (Bokmål) share most n-grams, and
 * eld often confuses them; when they are close, the spelling differences that separate the two standard
 * languages (af/av, mig/meg, nu/nå, -hed/-het, -tion/-sjon, soft b/d/g where Norwegian has p/t/k) decide.
 */
import type { LanguageCode } from '../../languages';
import { LANGUAGE_NGRAMS, type ModelSource } from '../ocr/models';
import { parseNgramTable, scoreLanguages, type NgramTable } from './ngram-table';

export interface LanguageGuess {
  language: LanguageCode;
  /** False when there was too little text to tell (the language is then only a best guess). */
  reliable: boolean;
  /** eld's score per language, 0..1 (higher is more likely). */
  scores: Partial<Record<LanguageCode, number>>;
}

/** Used when an image has no readable text at all, or too little to tell. */
export const FALLBACK_LANGUAGE: LanguageCode = 'en';
/** Below this many letters, an unreliable guess gives way to the fallback. */
const SHORT_TEXT_LETTERS = 8;

let table: Promise<NgramTable> | undefined;

/** The n-gram table, loaded once per isolate. */
export function languageTable(models: ModelSource): Promise<NgramTable> {
  if (!table) {
    table = models(LANGUAGE_NGRAMS).then(parseNgramTable);
    table.catch(() => (table = undefined));
  }
  return table;
}

/** Detects the language of `lines` (one entry per line of text). */
export async function detectLanguage(lines: string[], models: ModelSource): Promise<LanguageGuess> {
  return detectWithTable(await languageTable(models), lines);
}

/** As detectLanguage, with the n-gram table already loaded. */
export function detectWithTable(ngramTable: NgramTable, lines: string[]): LanguageGuess {
  const text = lines.join('\n');
  const { scores, ngrams } = scoreLanguages(ngramTable, text);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return { language: FALLBACK_LANGUAGE, reliable: false, scores: {} };
  let language = ranked[0][0];
  if (language === 'da' || language === 'no') language = danishOrNorwegian(text, language, scores);
  // eld's own reliability rule: enough n-grams and a clear lead.
  const reliable = ngrams >= 3 && ranked[0][1] - (ranked[1]?.[1] ?? 0) >= 0.01;
  // A word or two ("OK", "EXIT") cannot be told apart reliably: such labels are most often English.
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (!reliable && letters < SHORT_TEXT_LETTERS) language = FALLBACK_LANGUAGE;
  return { language, reliable, scores: Object.fromEntries(ranked) };
}

const DANISH_WORDS = new Set([
  'af', 'efter', 'nogen', 'noget', 'mig', 'dig', 'sig', 'nu', 'hvad', 'ud', 'op', 'blev', 'sprog', 'bog',
  'gade', 'købe', 'mad', 'uge', 'spørgsmål', 'meget', 'jer', 'tak', 'lave', 'bruge', 'vejen', 'hjælp',
  'tilbage', 'åbne', 'lukket', 'åbent', 'indstillinger',
]);
const NORWEGIAN_WORDS = new Set([
  'av', 'etter', 'noen', 'noe', 'meg', 'deg', 'seg', 'nå', 'hva', 'ut', 'opp', 'ble', 'språk', 'bok',
  'gate', 'kjøpe', 'mat', 'uke', 'spørsmål', 'mye', 'dere', 'takk', 'lage', 'bruke', 'veien', 'hjelp',
  'tilbake', 'åpne', 'stengt', 'åpent', 'innstillinger',
]);

/**
 * Decides between Danish and Norwegian from spelling when eld's votes for the two are close; otherwise
 * keeps eld's choice.
 */
export function danishOrNorwegian(
  text: string,
  eldChoice: 'da' | 'no',
  scores: Map<LanguageCode, number>,
): 'da' | 'no' {
  const da = scores.get('da') ?? 0;
  const no = scores.get('no') ?? 0;
  let danish = 0;
  let norwegian = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const d = DANISH_WORDS.has(word);
    const n = NORWEGIAN_WORDS.has(word);
    if (d && !n) danish++;
    if (n && !d) norwegian++;
    if (word.length > 5 && /(hed|heden|tion|tionen)$/.test(word)) danish++;
    if (word.length > 5 && /(het|heten|sjon|sjonen)$/.test(word)) norwegian++;
    if (/^(kj|skj)/.test(word) || /kk$/.test(word)) norwegian += 0.5;
  }
  if (danish === norwegian) return eldChoice;
  const evidence = danish > norwegian ? 'da' : 'no';
  // eld's scores for the two sit within a few hundredths even when it is right; spelling decides
  // unless eld's lead is unusually large and the spelling evidence is a single word.
  const eldLead = Math.abs(da - no);
  return eldLead < 0.05 || Math.abs(danish - norwegian) >= 2 ? evidence : eldChoice;
}

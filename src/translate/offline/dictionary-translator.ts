/**
 * The offline engine's translator: a dictionary and phrase table applied left to right, longest
 * phrase first, within runs of words not broken by punctuation. Words the dictionary lacks are tried
 * again with the language's suffix rules and, in compounding languages, split into two known parts
 * ("Raucherbereich" → "smoker area"); still-unknown words pass through unchanged. Punctuation,
 * spacing, numbers and protected-span tokens (⟦N⟧) are kept; case follows the source (ALL CAPS stays
 * all caps, a capital at a sentence start stays). This is a development engine: it does no grammar.
 */
import type { LanguageRules } from './dictionary-data';
import { inEnglishOrder, type Unit } from './english-word-order';
import { normaliseKey } from './normalise-key';
import type { SortedDictionary } from './sorted-dictionary';

interface Token {
  text: string;
  kind: 'word' | 'space' | 'other';
}

// A dotted abbreviation ("a.u.b.", "z.B.") is one word, so the dictionary can know it and its dots
// are not read as sentence ends.
const TOKEN = /⟦\d+⟧|(?:\p{L}{1,3}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’‘ʼ\-‐‑–][\p{L}\p{M}\p{N}]+)*['’‘ʼ]?|\s+|./gsu;
const SENTENCE_END = /[.!?]/u;


/** Translates one text with one dictionary (one direction, e.g. de→en). */
export function translateWithDictionary(
  text: string,
  dictionary: SortedDictionary,
  rules: LanguageRules,
  maxPhraseWords: number,
  dropPunctuation: string,
  toEnglish: boolean,
): string {
  const tokens = dropImperativePronouns(tokenize(text, rules), rules);
  const out: string[] = [];
  const units: Unit[] = [];
  let sentenceStart = true;
  let capitaliseNext = false;
  let previousWasWord = false;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (token.kind !== 'word') {
      if (token.kind === 'other' && dropPunctuation.includes(token.text)) {
        i++;
        continue;
      }
      out.push(token.text);
      if (token.kind === 'other' && SENTENCE_END.test(token.text)) sentenceStart = true;
      previousWasWord = false;
      i++;
      continue;
    }
    const match = longestMatch(tokens, i, dictionary, rules, maxPhraseWords, toEnglish);
    const source = tokens.slice(i, match.end).filter((t) => t.kind === 'word').map((t) => t.text).join(' ');
    let translated = match.translation === undefined ? source : applyCase(source, match.translation, sentenceStart, rules);
    if (translated === '') {
      // A word the target language leaves out ("The" into Finnish): its capital moves to the next word.
      capitaliseNext ||= sentenceStart && /^\p{Lu}/u.test(source);
      i = match.end;
      continue;
    }
    if (capitaliseNext) translated = translated.charAt(0).toUpperCase() + translated.slice(1);
    capitaliseNext = false;
    if (previousWasWord) out.push(' ');
    out.push(translated);
    units.push({ text: translated, source, english: match.translation, single: match.end === i + 1 });
    previousWasWord = true;
    sentenceStart = false;
    i = match.end;
  }
  const reordered = toEnglish && isOneRun(tokens) ? inEnglishOrder(units, rules) : undefined;
  if (reordered) return reordered + (tokens.at(-1)?.kind === 'other' ? tokens.at(-1)!.text : '');
  return out.join('').replace(/ {2,}/gu, ' ').replace(/ +([,.;:!?)])/gu, (_, p: string) => p).trim();
}

/** A label or sign of words only (an end mark allowed), the texts English word order is fixed for. */
function isOneRun(tokens: Token[]): boolean {
  return tokens.every((t, i) => t.kind !== 'other' || (i === tokens.length - 1 && /^[.!]$/u.test(t.text)));
}

function tokenize(text: string, rules: LanguageRules): Token[] {
  const tokens: Token[] = [];
  for (const [raw] of text.matchAll(TOKEN)) {
    if (/^\s+$/u.test(raw)) tokens.push({ text: raw, kind: 'space' });
    else if (/^[\p{L}\p{M}\p{N}]/u.test(raw) && !raw.startsWith('⟦')) tokens.push(...splitElision(raw, rules));
    else tokens.push({ text: raw, kind: 'other' });
  }
  return tokens;
}

/**
 * German polite imperatives put "Sie" after the verb ("Halten Sie", "Bitte wenden Sie sich"): English
 * has no pronoun there ("Keep", "Please turn"). A pronoun of the rule's list is dropped when it
 * follows a verb in the infinitive form that opens its clause (after at most one leading word such
 * as "und" or "bitte"), unless the sentence is a question ("Haben Sie Fragen?").
 */
function dropImperativePronouns(tokens: Token[], rules: LanguageRules): Token[] {
  if (rules.imperativePronouns.length === 0) return tokens;
  const drop = new Set<number>();
  let clause: number[] = [];
  let sentence: number[] = [];
  const endSentence = (question: boolean) => {
    if (!question) for (const i of sentence) drop.add(i);
    sentence = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'other') {
      if (SENTENCE_END.test(token.text)) endSentence(token.text === '?');
      if (/[.!?,;:]/u.test(token.text)) clause = [];
      continue;
    }
    if (token.kind !== 'word') continue;
    const key = normaliseKey(token.text);
    const verbAt = clause.length === 1 || (clause.length === 2 && rules.imperativeLeads.includes(normaliseKey(tokens[clause[0]].text))) ? clause.at(-1)! : -1;
    if (rules.imperativePronouns.includes(key) && verbAt >= 0 && /(?:en|ern|eln)$/u.test(normaliseKey(tokens[verbAt].text))) sentence.push(i);
    clause.push(i);
  }
  endSentence(false);
  // Each dropped pronoun takes the space before it along.
  return tokens.filter((_, i) => !drop.has(i) && !(tokens[i].kind === 'space' && drop.has(i + 1)));
}

/** "l'entrée" → "l'", "entrée" (two words, no space between) for languages that elide. */
function splitElision(word: string, rules: LanguageRules): Token[] {
  const lower = normaliseKey(word);
  for (const prefix of rules.elisions) {
    if (lower.startsWith(prefix) && lower.length > prefix.length) {
      return [
        { text: word.slice(0, prefix.length), kind: 'word' },
        { text: word.slice(prefix.length), kind: 'word' },
      ];
    }
  }
  return [{ text: word, kind: 'word' }];
}

/** The longest phrase starting at token `start` that the dictionary knows, within a run of words. */
function longestMatch(
  tokens: Token[],
  start: number,
  dictionary: SortedDictionary,
  rules: LanguageRules,
  maxPhraseWords: number,
  toEnglish: boolean,
): { end: number; translation?: string } {
  // Word positions reachable from `start` without crossing punctuation (single spaces, or elision joins).
  const wordEnds: number[] = [];
  const words: string[] = [];
  // phrases[n - 1] is the text of the first n words as a dictionary key spells it ("d'ouverture" stays joined).
  const phrases: string[] = [];
  let separator = '';
  for (let i = start; i < tokens.length && words.length < maxPhraseWords; ) {
    if (tokens[i].kind !== 'word') break;
    words.push(tokens[i].text);
    phrases.push((phrases.at(-1) ?? '') + separator + tokens[i].text);
    wordEnds.push(i + 1);
    const next = tokens[i + 1];
    if (next?.kind === 'word') {
      separator = '';
      i += 1;
    } else if (next?.kind === 'space' && !next.text.includes('\n') && tokens[i + 2]?.kind === 'word') {
      separator = ' ';
      i += 2;
    } else break;
  }
  for (let n = words.length; n >= 2; n--) {
    const translation = dictionary.get(normaliseKey(phrases[n - 1]));
    if (translation !== undefined) return { end: wordEnds[n - 1], translation };
  }
  return { end: wordEnds[0], translation: translateWord(words[0], dictionary, rules, 2, toEnglish) };
}

/** One word: as it is, by its suffix rules, as a hyphenated pair, or as a two-part compound. */
function translateWord(word: string, dictionary: SortedDictionary, rules: LanguageRules, depth: number, toEnglish: boolean): string | undefined {
  const key = normaliseKey(word);
  const direct = lookupInflected(key, dictionary, rules, toEnglish);
  if (direct !== undefined) return direct;
  if (key.includes('-')) {
    const parts = word.split(/[-–]/u);
    // "Palais-Royal", "SAINT-GERMAIN": capitals on every part make a name in a language that does
    // not capitalise nouns; names are not translated.
    if (!rules.capitalisesNouns && parts.every((part) => /^\p{Lu}/u.test(part))) return undefined;
    return parts.map((part) => translateWord(part, dictionary, rules, depth, toEnglish) ?? part).join('-');
  }
  if (depth > 0 && rules.compoundLinks.length > 0) return translateCompound(key, dictionary, rules, depth, toEnglish);
  return undefined;
}

/**
 * The word as it is, or by the suffix rule that leaves the longest known stem: taking off less is
 * the safer reading ("värdet" is "värde" + t, value, before "värd" + et, host; "Waren" is "Ware" + n,
 * goods, before "war" + en). Among equally long stems the rules' order decides.
 */
function lookupInflected(key: string, dictionary: SortedDictionary, rules: LanguageRules, toEnglish: boolean): string | undefined {
  const direct = dictionary.get(key);
  if (direct !== undefined) return direct;
  let best: { stem: number; translation: string } | undefined;
  for (const [suffix, replacement, plural] of rules.suffixes) {
    if (!key.endsWith(suffix) || key.length - suffix.length < 3) continue;
    const stem = key.slice(0, key.length - suffix.length) + replacement;
    if (best && stem.length <= best.stem) continue;
    const found = dictionary.get(stem);
    if (found !== undefined) best = { stem: stem.length, translation: plural && toEnglish ? englishPlural(found) : found };
  }
  return best?.translation;
}

/** The irregular English plurals signs use ("Kinder" → "children", "Damen" → "women"). */
const IRREGULAR_PLURAL: Record<string, string> = {
  child: 'children', man: 'men', woman: 'women', person: 'people', foot: 'feet', tooth: 'teeth', mouse: 'mice',
  knife: 'knives', life: 'lives', wife: 'wives', leaf: 'leaves', shelf: 'shelves', sheep: 'sheep', fish: 'fish',
};

/** English adjectives take no plural ("les arts décoratifs" → "decorative arts", not "decoratives"). */
const ADJECTIVE_ENDING = /(?:ive|ous|ful|able|ible|ed|less|ish|ical|ese|ent|ant)$/u;

/**
 * "customer" → "customers", "city" → "cities"; phrases, words already plural and words that look
 * like adjectives stay as they are.
 */
function englishPlural(word: string): string {
  const irregular = IRREGULAR_PLURAL[word];
  if (irregular) return irregular;
  if (!/^\p{L}+$/u.test(word) || /s$/u.test(word) || ADJECTIVE_ENDING.test(word)) return word;
  if (/[^aeiou]y$/u.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(x|z|ch|sh)$/u.test(word)) return `${word}es`;
  return `${word}s`;
}

/** "notausgang" → "not" + "ausgang"; the head (last part) is the longest known word that leaves a known modifier. */
function translateCompound(key: string, dictionary: SortedDictionary, rules: LanguageRules, depth: number, toEnglish: boolean): string | undefined {
  for (let cut = 3; cut <= key.length - 3; cut++) {
    const head = lookupInflected(key.slice(cut), dictionary, rules, toEnglish);
    if (head === undefined) continue;
    const modifierText = key.slice(0, cut);
    const candidates = [modifierText, ...rules.compoundLinks.filter((l) => l && modifierText.endsWith(l) && modifierText.length - l.length >= 3).map((l) => modifierText.slice(0, -l.length))];
    for (const candidate of candidates) {
      const modifier = lookupInflected(candidate, dictionary, rules, false) ?? (depth > 1 ? translateCompound(candidate, dictionary, rules, depth - 1, false) : undefined);
      if (modifier !== undefined && modifier !== '') return `${modifier} ${head.charAt(0).toLowerCase()}${head.slice(1)}`;
    }
  }
  return undefined;
}

/** Carries the source's case over: ALL CAPS stays all caps; a capital at a sentence start (or, in languages that do not capitalise nouns, anywhere) stays. */
function applyCase(source: string, translation: string, sentenceStart: boolean, rules: LanguageRules): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return translation.toUpperCase();
  const first = letters.charAt(0);
  const capitalised = first !== '' && first === first.toUpperCase() && first !== first.toLowerCase();
  if (capitalised && (sentenceStart || !rules.capitalisesNouns)) return translation.charAt(0).toUpperCase() + translation.slice(1);
  return translation;
}

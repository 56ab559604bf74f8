/**
 * English word order for a translated label or sign (a run of words without punctuation), where the
 * source language orders its words otherwise: German and Dutch labels end in their verb ("Profil
 * bearbeiten" → "Edit profile"), French, Spanish, Italian and Portuguese put most adjectives after
 * the noun ("arts décoratifs" → "decorative arts"). Word by word translation keeps the source order;
 * these two rules fix the commonest cases and leave everything else as it was.
 */
import { normaliseKey } from './normalise-key';
import type { LanguageRules, VerbFinalRule } from './dictionary-data';

/** One translated word or phrase of the source, in source order. */
export interface Unit {
  /** The translation as written (case applied), or the source word passed through. */
  text: string;
  source: string;
  /** The dictionary's translation; undefined when the word was passed through. */
  english?: string;
  /** True when the unit is one source word, not a phrase. */
  single: boolean;
}

/** The run rewritten in English order, or undefined when neither rule applies. */
export function inEnglishOrder(units: Unit[], rules: LanguageRules): string | undefined {
  const ordered = (rules.verbFinal && verbFirst(units, rules.verbFinal, rules.capitalisesNouns)) || (rules.adjectivesFollowNouns && adjectivesFirst(units));
  return ordered ? write(ordered, units[0]) : undefined;
}

/**
 * The last word is taken for a verb when it has the language's infinitive ending, is not a
 * participle or (German) a capitalised noun, and its English is a bare verb (not "forbidden",
 * "closed", "prices"). It moves to the front, after a leading "please"; a "not" before it becomes
 * "do not" ("Bitte nicht hinauslehnen" → "Please do not lean out").
 */
function verbFirst(units: Unit[], rule: VerbFinalRule, capitalisesNouns: boolean): Unit[] | undefined {
  const verb = units.at(-1);
  if (units.length < 2 || units.length > 5 || !verb?.single || verb.english === undefined) return undefined;
  const key = normaliseKey(verb.source);
  const { infinitive, notParticiple } = compiled(rule);
  if (!infinitive.test(key) || notParticiple.test(key)) return undefined;
  if (capitalisesNouns && /^\p{Lu}\p{Ll}/u.test(verb.source)) return undefined;
  const english = verb.english.toLowerCase();
  // One word, or a phrasal verb ("take off"); a split compound ("chin harm") is no verb.
  if (!/^\p{L}+(?: (?:off|on|in|out|up|down|back|over|away))?$/u.test(english) || /(?:ed|en|ing|s|ly)$/u.test(english.split(' ')[0])) return undefined;
  const rest = units.slice(0, -1);
  // After an article or a possessive comes a noun, not a verb ("De kinderen" is "The children").
  if (DETERMINER.has(rest.at(-1)!.english?.toLowerCase() ?? '')) return undefined;
  const lead: Unit[] = [];
  while (rest.length > 0 && rest[0].english?.toLowerCase() === 'please') lead.push(rest.shift()!);
  const negated = rest.length > 0 && /^(?:not|no)$/u.test(rest.at(-1)!.english?.toLowerCase() ?? '');
  if (negated) rest.pop();
  const doNot: Unit[] = negated ? [{ text: allCaps(verb.text) ? 'DO NOT' : 'do not', source: '', single: false }] : [];
  return [...lead, ...doNot, verb, ...rest];
}

/** The rule's patterns compiled once (the rules live as long as the dictionary data loaded with them). */
const patterns = new WeakMap<VerbFinalRule, { infinitive: RegExp; notParticiple: RegExp }>();
function compiled(rule: VerbFinalRule): { infinitive: RegExp; notParticiple: RegExp } {
  let found = patterns.get(rule);
  if (!found) patterns.set(rule, (found = { infinitive: new RegExp(rule.infinitive, 'u'), notParticiple: new RegExp(rule.notParticiple, 'u') }));
  return found;
}

const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'his', 'her', 'its', 'their']);

/** English endings that mark an adjective for certain enough to move it before its noun. */
const ADJECTIVE = /(?:al|ive|ous|ic|ical|ful|able|ible|ian|ary|ish)$/u;
/** Short words a noun is never: an adjective after them has no noun to move before. */
const NOT_A_NOUN = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'and', 'or', 'not', 'no', 'all', 'very', 'more', 'most', 'is', 'are']);

/**
 * A noun followed by a word whose English is plainly an adjective ("decorative", "national",
 * "special") swaps with it. Participles ("fermé" → "closed") stay after the noun: on a sign they
 * usually say something about it ("Musée fermé" is "Museum closed", not "closed museum"). The
 * adjective loses the plural the source's ending gave it ("décoratifs" → "decorative", not
 * "decoratives").
 */
function adjectivesFirst(units: Unit[]): Unit[] | undefined {
  const out = [...units];
  let swapped = false;
  for (let i = 0; i + 1 < out.length; i++) {
    const [noun, adjective] = [out[i], out[i + 1]];
    if (!noun.single || !adjective.single || noun.english === undefined || adjective.english === undefined) continue;
    const nounEnglish = noun.english.toLowerCase();
    const adjectiveEnglish = singular(adjective.english.toLowerCase());
    if (!/^\p{L}{3,}$/u.test(nounEnglish) || NOT_A_NOUN.has(nounEnglish) || ADJECTIVE.test(singular(nounEnglish))) continue;
    if (!/^\p{L}+$/u.test(adjectiveEnglish) || !ADJECTIVE.test(adjectiveEnglish)) continue;
    const text = adjective.english.length > adjectiveEnglish.length ? adjective.text.slice(0, adjectiveEnglish.length) : adjective.text;
    out.splice(i, 2, { ...adjective, text }, noun);
    swapped = true;
    i++;
  }
  return swapped ? out : undefined;
}

/** "decoratives" → "decorative": the plural an inflection rule put on an adjective. */
function singular(word: string): string {
  return /s$/u.test(word) && ADJECTIVE.test(word.slice(0, -1)) ? word.slice(0, -1) : word;
}

const allCaps = (t: string) => t === t.toUpperCase() && t !== t.toLowerCase();

/** Joins the reordered units; the first word takes the capital the run started with. */
function write(ordered: Unit[], first: Unit): string {
  const capitalised = /^\p{Lu}/u.test(first.text) && !allCaps(first.text);
  const words = ordered.map((u) => (allCaps(u.text) ? u.text : u.text.charAt(0).toLowerCase() + u.text.slice(1)));
  if (capitalised) words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
  return words.join(' ');
}

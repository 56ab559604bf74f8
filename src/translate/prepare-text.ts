/**
 * Turns a region text into what an engine should see. Lines of one sign are joined into one sentence
 * (the renderer re-wraps the translation to its box, and engines translate sentences far better than
 * fragments): a hyphen at a line end followed by a lower-case letter joins the word halves
 * ("Notaus-\ngang" → "Notausgang"), any other line break becomes one space. All-caps signs are sent
 * in sentence case and upper-cased again afterwards, since engines translate "NOTAUSGANG" worse than
 * "Notausgang".
 */
import type { TextSpan } from '../pipeline/types';
import { findProtectedSpans, splitAtSpans, type TextPart } from './protected-spans';

export interface PreparedText {
  /** The parts to translate, lines joined; protected parts verbatim. */
  parts: TextPart[];
  /** True when the text has letters outside protected spans, i.e. needs an engine at all. */
  translatable: boolean;
  /** True when the translatable letters were all upper case (the answer is upper-cased again). */
  allCaps: boolean;
}

const LETTER = /\p{L}/u;

/** Prepares one region text: protected spans, joined lines, case handling. */
export function prepareText(text: string, keep?: readonly TextSpan[]): PreparedText {
  const parts = splitAtSpans(text, findProtectedSpans(text, keep));
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i].protected) parts[i] = { text: joinLines(parts[i].text, i === 0, i === parts.length - 1), protected: false };
  }
  const free = parts.filter((p) => !p.protected).map((p) => p.text).join(' ');
  const translatable = LETTER.test(free);
  const letters = free.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (allCaps) {
    let first = true;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].protected) continue;
      parts[i] = { text: sentenceCase(parts[i].text, first), protected: false };
      if (LETTER.test(parts[i].text)) first = false;
    }
  }
  return { parts, translatable, allCaps };
}

function joinLines(text: string, isFirst: boolean, isLast: boolean): string {
  let joined = text
    .replace(/(\p{L})-[ \t]*\n[ \t]*(?=\p{Ll})/gu, '$1')
    .replace(/[ \t]*\n[ \t]*/gu, ' ')
    .replace(/[ \t]{2,}/gu, ' ');
  if (isFirst) joined = joined.trimStart();
  if (isLast) joined = joined.trimEnd();
  return joined;
}

/** "RAUCHEN VERBOTEN. BITTE" → "Rauchen verboten. Bitte" (a capital after sentence punctuation). */
function sentenceCase(text: string, startsSentence: boolean): string {
  let capitalNext = startsSentence;
  let out = '';
  for (const ch of text.toLowerCase()) {
    if (LETTER.test(ch)) {
      out += capitalNext ? ch.toUpperCase() : ch;
      capitalNext = false;
    } else {
      out += ch;
      if (/[.!?¡¿]/u.test(ch)) capitalNext = true;
    }
  }
  return out;
}

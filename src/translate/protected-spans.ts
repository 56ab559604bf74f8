/**
 * Finds the parts of a region text that must come back exactly as they are: the client's
 * exclude_text matches plus things no translation may alter — URLs, e-mail addresses, @handles,
 * prices, percentages and other numbers (times, dates, phone numbers). Engines never see these as
 * translatable text; see span-protection.ts for how each engine is told so.
 */
import type { TextSpan } from '../pipeline/types';

const CURRENCY = String.raw`(?:[€$£¥]|EUR|USD|GBP|CHF|SEK|NOK|DKK|kr\.?|Kr\.?)`;
const NUMBER = String.raw`[+-]?\d+(?:[.,:/–-]\d+)*(?:[  ]\d{3}(?![\d.,]))*(?:[.,]-)?`;

const PATTERNS: RegExp[] = [
  // URLs with a scheme or www., and bare domains with a common top-level domain.
  /\b(?:https?:\/\/|www\.)[^\s<>"'“”«»]+/giu,
  /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:com|org|net|eu|io|info|de|fr|es|it|pt|nl|se|dk|no|fi|ch|at|be|uk|co\.uk)\b(?:\/[^\s<>"']*)?/giu,
  // E-mail addresses and @handles.
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  /(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?/gu,
  // Prices and percentages (currency before or after, optional space), then any other number.
  new RegExp(String.raw`${CURRENCY}\s?${NUMBER}|${NUMBER}\s?(?:${CURRENCY}|%|‰)(?![\p{L}])|${NUMBER}`, 'gu'),
];

/** Trailing sentence punctuation belongs to the sentence, not to a URL or number. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"’”»]+$/u;

/**
 * Returns the protected spans of `text`: the given `keep` spans plus detected ones, sorted and
 * merged where they overlap or touch.
 */
export function findProtectedSpans(text: string, keep: readonly TextSpan[] = []): TextSpan[] {
  const spans: TextSpan[] = keep
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start);
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const raw = match[0];
      const trimmed = /^[+-]?\d/u.test(raw) && !/[.,]-$/u.test(raw) ? raw.replace(/[.,:/–-]+$/u, '') : raw.replace(TRAILING_PUNCTUATION, '');
      if (trimmed.length > 0) spans.push({ start: match.index, end: match.index + trimmed.length });
    }
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** A piece of a region text: translatable, or protected (passed through verbatim). */
export interface TextPart {
  text: string;
  protected: boolean;
}

/** Cuts `text` at the protected spans into alternating translatable and protected parts. */
export function splitAtSpans(text: string, spans: readonly TextSpan[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push({ text: text.slice(at, span.start), protected: false });
    parts.push({ text: text.slice(span.start, span.end), protected: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), protected: false });
  return parts;
}

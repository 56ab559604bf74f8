/**
 * How protected spans travel through an engine, per engine capability:
 * - `xml`: DeepL's XML tag handling; spans become `<k i="N">text</k>` listed in `ignore_tags`.
 * - `html`: Google and Azure HTML mode; spans become `<span translate="no" class="notranslate"
 *   id="kN">text</span>` (both providers document one of those markers).
 * - `token`: spans become opaque tokens `⟦N⟧` (an LLM is told to copy them; the offline engine
 *   passes any non-word through).
 * - `inline`: spans stay as plain text (numbers and URLs usually survive machine translation).
 * Every answer is decoded back into parts and verified: each span must come back exactly once (for
 * `inline`, its text must still be there as a whole token, not inside a longer number or word). The
 * caller re-translates a text whose check fails piece by piece around its spans, so protected text
 * survives every engine.
 */
import type { TextPart } from './protected-spans';

export type ProtectionStyle = 'xml' | 'html' | 'token' | 'inline';

/** A decoded answer: translated text parts and protected parts (to be passed through untouched). */
export type DecodedPart = { text: string; protected: boolean };

/** Builds the string sent to the engine for one text. */
export function encodeParts(parts: readonly TextPart[], style: ProtectionStyle): string {
  let spanIndex = 0;
  return parts
    .map((part) => {
      if (!part.protected) return style === 'xml' || style === 'html' ? escapeMarkup(part.text) : part.text;
      const i = spanIndex++;
      if (style === 'xml') return `<k i="${i}">${escapeMarkup(part.text)}</k>`;
      if (style === 'html') return `<span translate="no" class="notranslate" id="k${i}">${escapeMarkup(part.text)}</span>`;
      if (style === 'token') return `⟦${i}⟧`;
      return part.text;
    })
    .join('');
}

const MARKUP_SPAN: Record<'xml' | 'html', RegExp> = {
  xml: /<k\s+i="(\d+)"\s*(?:\/>|>[\s\S]*?<\/k>)/gu,
  html: /<span\b[^>]*\bid="k(\d+)"[^>]*>[\s\S]*?<\/span>/gu,
};
const TOKEN = /⟦\s*(\d+)\s*⟧/gu;

/**
 * Decodes an engine answer into parts, putting the original protected texts back. Returns undefined
 * when the answer lost, duplicated or invented a span, or left stray markup.
 */
export function decodeAnswer(
  answer: string,
  parts: readonly TextPart[],
  style: ProtectionStyle,
): DecodedPart[] | undefined {
  const spans = parts.filter((p) => p.protected).map((p) => p.text);
  if (style === 'inline') return verifyInline(answer, spans) ? [{ text: answer, protected: false }] : undefined;

  const pattern = style === 'token' ? TOKEN : MARKUP_SPAN[style];
  const decoded: DecodedPart[] = [];
  const seen = new Set<number>();
  let at = 0;
  for (const match of answer.matchAll(pattern)) {
    const index = Number(match[1]);
    if (index >= spans.length || seen.has(index)) return undefined;
    seen.add(index);
    decoded.push({ text: answer.slice(at, match.index), protected: false });
    decoded.push({ text: spans[index], protected: true });
    at = match.index + match[0].length;
  }
  decoded.push({ text: answer.slice(at), protected: false });
  if (seen.size !== spans.length) return undefined;
  if (style === 'token') return decoded;
  const clean: DecodedPart[] = [];
  for (const part of decoded) {
    if (part.protected) clean.push(part);
    else if (/<\/?[a-z][^>]*>/iu.test(part.text)) return undefined;
    else clean.push({ text: unescapeMarkup(part.text), protected: false });
  }
  return clean;
}

function verifyInline(answer: string, spans: readonly string[]): boolean {
  const needed = new Map<string, number>();
  for (const span of spans) needed.set(span, (needed.get(span) ?? 0) + 1);
  for (const [span, count] of needed) {
    if (countStandalone(answer, span) < count) return false;
  }
  return true;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * How often `span` occurs in `text` as a whole token: "1" inside "11" or "20%" inside "120%" does
 * not count, or an engine that changed a number would pass the check.
 */
function countStandalone(text: string, span: string): number {
  const guardStart = WORD_CHAR.test(span.charAt(0));
  const guardEnd = WORD_CHAR.test(span.charAt(span.length - 1));
  let count = 0;
  for (let at = text.indexOf(span); at !== -1; at = text.indexOf(span, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + span.length);
    if ((guardStart && before !== '' && WORD_CHAR.test(before)) || (guardEnd && after !== '' && WORD_CHAR.test(after))) continue;
    count++;
  }
  return count;
}

function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
};

/** Undoes the entity escaping engines apply in XML/HTML mode (named and numeric). */
export function unescapeMarkup(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

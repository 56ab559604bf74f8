/**
 * `exclude_text` (API.md): comma-separated patterns whose text is left as it is, neither translated nor
 * painted over. A pattern matches case-insensitively as a whole word or phrase (never inside a longer
 * word: `BRAND` does not match `BRANDY`); `*` matches any run of characters, as few as make a whole-word
 * match (`@*` matches `@handle`, `ACME*` matches `ACMEcorp`); spaces in a pattern match any whitespace,
 * including a line break inside a region. OCR marks the matches on regions and words; translation uses
 * the same matcher to keep them.
 */
import type { TextRegion, TextSpan } from './types';

/** Splits the `exclude_text` field into its patterns (trimmed, empty ones dropped). */
export function parseExcludeText(value: string | undefined | null): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Finds the spans of a text matched by any of the patterns. */
export type ExcludeMatcher = (text: string) => TextSpan[];

const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** Builds a matcher for `patterns` (as returned by parseExcludeText). */
export function excludeMatcher(patterns: string[]): ExcludeMatcher {
  const sources = patterns
    // A pattern of wildcards alone would match everything: it is ignored.
    .filter((pattern) => pattern.replace(/\*/g, '').trim().length > 0)
    .map((pattern) =>
      pattern
        .split('*')
        .map((literal) =>
          literal
            .split(/\s+/)
            .map((piece) => piece.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
            .join('\\s+'),
        )
        .join('[^]*?'),
    );
  if (sources.length === 0) return () => [];
  const regex = new RegExp(`(?<!${WORD_CHAR})(?:${sources.join('|')})(?!${WORD_CHAR})`, 'giu');
  return (text) => {
    const spans: TextSpan[] = [];
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
    return spans;
  };
}

/**
 * Sets `excludedSpans` on `region` and `excluded` on every word that overlaps a span. Word positions
 * are those of `region.text` as OCR builds it: words joined by one space, lines by '\n'.
 */
export function markExcluded(region: TextRegion, matcher: ExcludeMatcher): TextRegion {
  const spans = matcher(region.text);
  let offset = 0;
  const lines = region.lines.map((line) => {
    const words = line.words.map((word) => {
      const start = region.text.indexOf(word.text, offset);
      const at = start >= 0 ? start : offset;
      const end = at + word.text.length;
      offset = end;
      const excluded = spans.some((s) => s.start < end && s.end > at);
      return { ...word, excluded };
    });
    return { ...line, words };
  });
  return { ...region, lines, excludedSpans: spans };
}

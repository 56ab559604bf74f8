import { describe, expect, it } from 'vitest';
import { excludeMatcher, markExcluded, parseExcludeText } from '../../src/pipeline/exclude-text';
import type { TextRegion } from '../../src/pipeline/types';

const spans = (patterns: string, text: string) =>
  excludeMatcher(parseExcludeText(patterns)).call(null, text).map((s) => text.slice(s.start, s.end));

describe('parseExcludeText', () => {
  it('splits on commas, trims and drops empty patterns', () => {
    expect(parseExcludeText(' BRAND, @handle ,, ')).toEqual(['BRAND', '@handle']);
    expect(parseExcludeText('')).toEqual([]);
    expect(parseExcludeText(undefined)).toEqual([]);
  });
});

describe('excludeMatcher', () => {
  it('matches whole words case-insensitively', () => {
    expect(spans('brand', 'New BRAND and Brand, not brandy')).toEqual(['BRAND', 'Brand']);
  });

  it('matches phrases across any whitespace, including a line break', () => {
    expect(spans('Acme Corp', 'Visit ACME\ncorp today')).toEqual(['ACME\ncorp']);
  });

  it('lets * match any run of characters up to a word end', () => {
    expect(spans('@*', 'follow @handle_01 now')).toEqual(['@handle_01']);
    expect(spans('ACME*', 'ACMEcorp and ACME')).toEqual(['ACMEcorp', 'ACME']);
    expect(spans('Hello*World', 'Hello big World')).toEqual(['Hello big World']);
  });

  it('treats other pattern characters literally', () => {
    expect(spans('12.5%', 'as 12.5% or 1235%')).toEqual(['12.5%']);
    expect(spans('a+b', 'a+b aab')).toEqual(['a+b']);
  });

  it('matches letters with diacritics as part of words', () => {
    expect(spans('café', 'Café cafés CAFÉ')).toEqual(['Café', 'CAFÉ']);
  });

  it('matches nothing without patterns', () => {
    expect(spans('', 'anything')).toEqual([]);
  });
});

describe('markExcluded', () => {
  const box = { x: 0, y: 0, width: 10, height: 10 };
  const word = (text: string) => ({ text, confidence: 0.9, box, excluded: false });
  const region: TextRegion = {
    text: 'Buy ACME soap\nat @shop',
    confidence: 0.9,
    box,
    excludedSpans: [],
    lines: [
      { text: 'Buy ACME soap', confidence: 0.9, box, words: [word('Buy'), word('ACME'), word('soap')] },
      { text: 'at @shop', confidence: 0.9, box, words: [word('at'), word('@shop')] },
    ],
  };

  it('records the spans and marks exactly the words inside them', () => {
    const marked = markExcluded(region, excludeMatcher(['acme', '@*']));
    expect(marked.excludedSpans.map((s) => marked.text.slice(s.start, s.end))).toEqual(['ACME', '@shop']);
    expect(marked.lines.flatMap((l) => l.words.filter((w) => w.excluded).map((w) => w.text))).toEqual([
      'ACME',
      '@shop',
    ]);
  });
});

describe('excludeMatcher edge cases', () => {
  it('ignores a pattern made of wildcards only', () => {
    expect(excludeMatcher(['*', ' * ']).call(null, 'anything at all')).toEqual([]);
  });
});

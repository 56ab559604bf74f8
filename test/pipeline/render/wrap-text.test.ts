import { describe, expect, it } from 'vitest';
import { breakLongPieces, joinPieces, splitPieces, wrapBalanced, wrapGreedy, wrapRagged } from '../../../src/pipeline/render/wrap-text';

/** One unit per character: easy widths to reason about. */
const chars = (line: string) => [...line].length;
const texts = (lines: ReturnType<typeof wrapGreedy>) => lines?.map(joinPieces);

describe('break opportunities', () => {
  it('breaks at spaces and after hyphens and slashes inside words, not at no-break spaces', () => {
    const pieces = splitPieces('Park-and-Ride Zone 30\u00a0km/h, E-Mail an/aus');
    expect(pieces.map((p) => p.text)).toEqual(['Park-', 'and-', 'Ride', 'Zone', '30\u00a0km/h,', 'E-Mail', 'an/', 'aus']);
    expect(joinPieces(pieces)).toBe('Park-and-Ride Zone 30\u00a0km/h, E-Mail an/aus');
  });
});

describe('greedy wrapping', () => {
  it('fills each line as far as it goes', () => {
    expect(texts(wrapGreedy(splitPieces('one two three four five'), 9, chars))).toEqual(['one two', 'three', 'four five']);
  });

  it('gives up when one word alone is too wide', () => {
    expect(wrapGreedy(splitPieces('a Donaudampfschiff'), 8, chars)).toBeNull();
  });

  it('breaks a hyphenated compound after its hyphen', () => {
    expect(texts(wrapGreedy(splitPieces('Notausgang-Schild'), 12, chars))).toEqual(['Notausgang-', 'Schild']);
  });
});

describe('balanced wrapping', () => {
  it('keeps the line count but evens out the lines', () => {
    const pieces = splitPieces('Please keep this door closed at all times');
    const greedy = texts(wrapGreedy(pieces, 36, chars))!;
    const balanced = texts(wrapBalanced(pieces, 36, chars))!;
    expect(greedy).toEqual(['Please keep this door closed at all', 'times']);
    expect(balanced).toHaveLength(2);
    expect(Math.max(...balanced.map(chars))).toBeLessThan(25);
  });
});

describe('ragged wrapping', () => {
  it('fills lines like greedy wrapping when the last line is not a stub', () => {
    const pieces = splitPieces('one two three four five six seven eight');
    expect(texts(wrapRagged(pieces, 20, chars))).toEqual(texts(wrapGreedy(pieces, 20, chars)));
  });

  it('evens the lines out when greedy filling would leave a lone short word', () => {
    const pieces = splitPieces('No parking all day after eight o’clock');
    expect(texts(wrapGreedy(pieces, 31, chars))).toEqual(['No parking all day after eight', 'o’clock']);
    expect(texts(wrapRagged(pieces, 31, chars))).toEqual(['No parking all day', 'after eight o’clock']);
  });
});

describe('breaking long words', () => {
  it('splits a word wider than the line, with a hyphen between letters', () => {
    const parts = breakLongPieces(splitPieces('Donaudampfschifffahrt ok'), 8, chars);
    expect(parts.map((p) => p.text)).toEqual(['Donauda-', 'mpfschi-', 'fffahrt', 'ok']);
    for (const p of parts) expect(chars(p.text)).toBeLessThanOrEqual(8);
    expect(parts[2].spaceAfter).toBe(true);
  });

  it('does not leave one or two letters alone on the last part', () => {
    const parts = breakLongPieces(splitPieces('HUOMAUTUS:'), 8, chars);
    expect(parts.map((p) => p.text)).toEqual(['HUOMA-', 'UTUS:']);
  });

  it('terminates even when a single letter is wider than the line', () => {
    expect(breakLongPieces(splitPieces('abc'), 0.5, chars).map((p) => p.text)).toEqual(['a-', 'b-', 'c']);
  });
});

/**
 * Line breaking for translations: where a line may break, greedy filling to a width, balancing (lines
 * of even length, as a designer sets a sign rather than a ragged paragraph), and, only as a last resort,
 * breaking a word that is wider than the line on its own. Widths come from a callback so the same code
 * serves any font and size.
 */

/** A run of text between two break opportunities. */
export interface Piece {
  text: string;
  /** True when a space separates this piece from the next (false after a hyphen or slash). */
  spaceAfter: boolean;
}

/** Ink width of a line of text, in whatever unit the caller wraps to. */
export type WidthOf = (line: string) => number;

/** A hyphen, dash or slash between two letters or digits is a break opportunity after it. */
const BREAK_AFTER = /(?<=[\p{L}\p{N}]{2})([-\u2010\u2013\u2014/])(?=[\p{L}\p{N}]{2})/u;

/** Splits a paragraph at spaces, and after hyphens and slashes inside words ("Park-and-Ride"). */
export function splitPieces(paragraph: string): Piece[] {
  const pieces: Piece[] = [];
  const words = paragraph.split(' ').filter(Boolean);
  words.forEach((word, w) => {
    let rest = word;
    for (let match = BREAK_AFTER.exec(rest); match; match = BREAK_AFTER.exec(rest)) {
      const end = match.index + match[0].length;
      pieces.push({ text: rest.slice(0, end), spaceAfter: false });
      rest = rest.slice(end);
    }
    pieces.push({ text: rest, spaceAfter: w < words.length - 1 });
  });
  return pieces;
}

/** Joins pieces into the text of one line. */
export function joinPieces(pieces: Piece[]): string {
  return pieces.map((p, i) => (i < pieces.length - 1 && p.spaceAfter ? `${p.text} ` : p.text)).join('');
}

/**
 * Fills lines greedily up to `maxWidth`. Returns the pieces of each line, or null when a piece alone is
 * wider than `maxWidth` (the caller shrinks the text or breaks the word).
 */
export function wrapGreedy(pieces: Piece[], maxWidth: number, widthOf: WidthOf): Piece[][] | null {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  for (const piece of pieces) {
    if (line.length && widthOf(joinPieces([...line, piece])) <= maxWidth) {
      line.push(piece);
      continue;
    }
    if (widthOf(piece.text) > maxWidth) return null;
    if (line.length) lines.push(line);
    line = [piece];
  }
  if (line.length) lines.push(line);
  return lines;
}

/**
 * Greedy wrapping at the narrowest width that still needs no more lines than greedy wrapping at
 * `maxWidth`: the same number of lines, but even in length (no lone word on the last line).
 */
export function wrapBalanced(pieces: Piece[], maxWidth: number, widthOf: WidthOf): Piece[][] | null {
  const greedy = wrapGreedy(pieces, maxWidth, widthOf);
  if (!greedy || greedy.length < 2) return greedy;
  let lo = Math.max(...pieces.map((p) => widthOf(p.text)));
  let hi = maxWidth;
  let best = greedy;
  // Widths are continuous; 12 halvings put the result within 1/4096 of the range of the narrowest.
  for (let i = 0; i < 12 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    const lines = wrapGreedy(pieces, mid, widthOf);
    if (lines && lines.length <= greedy.length) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/** A last part of a broken word with fewer letters than this is evened out with the part before it. */
const MIN_PART = 3;

/** A last line shorter than this share of the longest is a lone stub ("o'clock") worth evening out. */
const STUB_LINE = 0.35;

/**
 * Greedy wrapping, as a paragraph is set, except that a last line left as a short stub is avoided by
 * evening the lines out (wrapBalanced): "No parking all day after eight / o'clock" becomes "No parking
 * all day / after eight o'clock".
 */
export function wrapRagged(pieces: Piece[], maxWidth: number, widthOf: WidthOf): Piece[][] | null {
  const greedy = wrapGreedy(pieces, maxWidth, widthOf);
  if (!greedy || greedy.length < 2) return greedy;
  const widths = greedy.map((line) => widthOf(joinPieces(line)));
  return widths[widths.length - 1] < STUB_LINE * Math.max(...widths) ? wrapBalanced(pieces, maxWidth, widthOf) : greedy;
}

/**
 * Splits every piece wider than `maxWidth` into parts that fit, each but the last ending in a hyphen
 * when the break falls between letters. For words no size can fit (a long compound in a narrow box).
 * Parts are filled greedily; a last part of one or two letters ("HUOMAUT-" "US:") is evened out with
 * the one before it ("HUOMA-" "UTUS:").
 */
export function breakLongPieces(pieces: Piece[], maxWidth: number, widthOf: WidthOf): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (widthOf(piece.text) <= maxWidth) {
      out.push(piece);
      continue;
    }
    const chars = [...piece.text];
    const part = (from: number, to: number) => {
      const text = chars.slice(from, to).join('');
      const hyphen = to < chars.length && /\p{L}/u.test(chars[to - 1]) && /\p{L}/u.test(chars[to]);
      return hyphen ? `${text}-` : text;
    };
    const ends: number[] = [];
    for (let start = 0; start < chars.length; ) {
      let end = start + 1;
      // At least one character per part, so a box narrower than one letter still terminates.
      while (end < chars.length && widthOf(part(start, end + 1)) <= maxWidth) end++;
      ends.push(end);
      start = end;
    }
    if (ends.length > 1) {
      const before = ends.length > 2 ? ends[ends.length - 3] : 0;
      const cut = ends[ends.length - 2];
      if (chars.slice(cut).filter((c) => /\p{L}/u.test(c)).length < MIN_PART) {
        // Move the cut back towards the middle of the last two parts while both still fit.
        let best = cut;
        for (let c = cut - 1; c > before && c >= Math.ceil((before + chars.length) / 2); c--) {
          if (widthOf(part(before, c)) <= maxWidth && widthOf(part(c, chars.length)) <= maxWidth) best = c;
        }
        ends[ends.length - 2] = best;
      }
    }
    let start = 0;
    for (const end of ends) {
      out.push({ text: part(start, end), spaceAfter: end >= chars.length ? piece.spaceAfter : false });
      start = end;
    }
  }
  return out;
}

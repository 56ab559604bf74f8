/**
 * Where each line of a translation goes and at what size, decided with the font's own metrics so the
 * drawn text is known to fit before anything is drawn.
 *
 * Fitting, in order of preference (each step only when the previous cannot fit `style.box`):
 * 1. the original font size, on as many lines as the text needs (wrapped at spaces, and after hyphens
 *    and slashes inside words; centred text into lines of even length, as a sign is set, left- or
 *    right-aligned text filling each line, as a paragraph is, unless that leaves a stub of a last line);
 * 2. smaller sizes, in 3% steps, down to the legible minimum (`minimumFontSize`), wrapping again at
 *    each size; the largest size that fits is then refined to within 1%. A layout on more lines than
 *    the original had is taken only when it is at least 25% larger than the best one on the original's
 *    number of lines (a one-line sign stays one line unless that makes it much smaller);
 * 3. at the minimum size, words wider than the box are broken (hyphenated between letters);
 * 4. at the minimum size, the lines that do not fit are dropped and the last kept line ends in "…";
 *    only if not even one line fits the box's height is the size taken below the minimum, to what the
 *    box holds. Text is never drawn outside the box.
 *
 * Placement: lines keep the original's alignment (their ink flush with the original text's left or
 * right edge, or centred on it) and its line spacing scaled with the size. When the translation has as
 * many lines as the original at the original size, each line sits on the original line's baseline;
 * otherwise the block is centred vertically on the original text (cap height to last baseline, the way
 * type is centred by eye, ignoring descenders). Either way the ink is then kept inside the box.
 */
import type { Box, RegionStyle, TextRegion } from '../types';
import type { FontFile } from './font-file';
import { drawableText, measureText } from './measure-text';
import { breakLongPieces, joinPieces, splitPieces, wrapBalanced, wrapRagged, type Piece } from './wrap-text';

/** Text is not shrunk below this many pixels (unless the original was smaller)... */
export const MIN_LEGIBLE_PX = 10;
/** ...nor below this fraction of the original size, where it would no longer look like the original. */
export const MIN_SIZE_RATIO = 0.4;
/** Kept between the ink and the box edge: the anti-aliased edge pixel of an outline. */
const EDGE_PX = 0.5;
const SHRINK_STEP = 0.97;
/** How much larger text must get for a layout to take more lines than the original had. */
const MORE_LINES_GAIN = 1.25;

export interface LaidOutLine {
  text: string;
  /** Pen position where the line starts (the SVG text x), image pixels. */
  x: number;
  baseline: number;
  /** The line's ink, outline included, image pixels. */
  ink: Box;
}

export interface TextLayout {
  fontSize: number;
  /** Baseline to baseline. */
  lineHeight: number;
  lines: LaidOutLine[];
  /** Union of the lines' ink, outline included; null when nothing is drawn. */
  ink: Box | null;
  /** How the text was made to fit. */
  fit: 'original' | 'wrapped' | 'shrunk' | 'broken' | 'truncated' | 'empty';
}

/** The smallest size fitting may shrink to, for text that was `original` pixels. */
export function minimumFontSize(original: number): number {
  return Math.min(original, Math.max(MIN_LEGIBLE_PX, original * MIN_SIZE_RATIO));
}

interface Measured {
  text: string;
  /** Pen advance over the line, pixels. */
  advance: number;
  /** Ink extents in pixels relative to the pen at (0, baseline), y down. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Lays out `text` (a translation) in `style.box`, matching the original region's look. `maxFontSize`
 * caps the size (regions that read as one block are drawn at the size the tightest of them needs).
 */
export function layoutText(text: string, style: RegionStyle, region: TextRegion, font: FontFile, maxFontSize = Infinity): TextLayout {
  const drawable = drawableText(text, font);
  const original = Number.isFinite(style.fontSize) && style.fontSize > 0 ? style.fontSize : Math.max(1, style.box.height / 1.2);
  const lineRatio = Number.isFinite(style.lineHeight) && style.lineHeight > 0 ? style.lineHeight / original : 1.2;
  // The halo the outline leaves outside the letters (see text-svg.ts).
  const outline = style.outline ? Math.max(0, style.outline.width) / 2 : 0;
  const inset = outline + EDGE_PX;
  const area = { x: style.box.x + inset, y: style.box.y + inset, width: style.box.width - 2 * inset, height: style.box.height - 2 * inset };
  const empty: TextLayout = { fontSize: original, lineHeight: original * lineRatio, lines: [], ink: null, fit: 'empty' };
  if (!/[^\s\u00a0\u202f\u2000-\u200a]/u.test(drawable) || area.width <= 0 || area.height <= 0) return empty;

  const scaleOf = (size: number) => size / font.unitsPerEm;
  const cache = new Map<string, ReturnType<typeof measureText>>();
  const extent = (line: string) => {
    let e = cache.get(line);
    if (!e) cache.set(line, (e = measureText(line, font)));
    return e;
  };
  const measure = (line: string, size: number): Measured => {
    const e = extent(line);
    const s = scaleOf(size);
    return { text: line, advance: e.advance * s, left: e.left * s, right: e.right * s, top: -e.top * s, bottom: -e.bottom * s };
  };
  const inkWidth = (line: string) => {
    const e = extent(line);
    return e.right - e.left;
  };

  const paragraphs = drawable.split('\n').map(splitPieces).filter((p) => p.length);
  // As one flow, the translator's line breaks become spaces.
  const flowing = [paragraphs.flatMap((pieces, i) => (i < paragraphs.length - 1 ? [...pieces.slice(0, -1), { ...pieces[pieces.length - 1], spaceAfter: true }] : pieces))];
  // The translator's own line breaks first (when it kept any), then the text as one flow.
  const arrangements = paragraphs.length > 1 ? [paragraphs, flowing] : [flowing];

  const wrap = (groups: Piece[][], size: number, breakWords: boolean): string[] | null => {
    const maxWidth = area.width / scaleOf(size);
    const lines: string[] = [];
    for (const pieces of groups) {
      const wrapped = (style.align === 'center' ? wrapBalanced : wrapRagged)(breakWords ? breakLongPieces(pieces, maxWidth, inkWidth) : pieces, maxWidth, inkWidth);
      if (!wrapped) return null;
      for (const line of wrapped) lines.push(joinPieces(line));
    }
    return lines;
  };
  const blockFits = (lines: string[], size: number) => {
    const { top, bottom } = blockExtent(lines.map((l) => measure(l, size)), size * lineRatio);
    return bottom - top <= area.height;
  };
  const tryAt = (size: number, breakWords = false, maxLines = Infinity): string[] | null => {
    for (const groups of arrangements) {
      const lines = wrap(groups, size, breakWords);
      if (lines && lines.length <= maxLines && blockFits(lines, size)) return lines;
    }
    return null;
  };

  const minimum = minimumFontSize(original);
  const largest = Math.max(minimum, Math.min(original, maxFontSize));
  /** The largest size, from `largest` down to the minimum, at which the text fits on at most `maxLines` lines. */
  const largestFit = (maxLines: number): { size: number; lines: string[] } | null => {
    let lines = tryAt(largest, false, maxLines);
    if (lines) return { size: largest, lines };
    // Shrink in steps; then close in on the largest size that fits between the last two steps.
    let larger = largest;
    let size = largest * SHRINK_STEP;
    while (size > minimum && !(lines = tryAt(size, false, maxLines))) {
      larger = size;
      size *= SHRINK_STEP;
    }
    if (!lines) {
      size = minimum;
      lines = tryAt(size, false, maxLines);
    }
    if (!lines) return null;
    for (let i = 0; i < 4 && larger - size > original * 0.01; i++) {
      const mid = (larger + size) / 2;
      const found = tryAt(mid, false, maxLines);
      if (found) [size, lines] = [mid, found];
      else larger = mid;
    }
    return { size, lines };
  };

  // A sign set on one line reads best on one line: more lines than the original are taken only when
  // they let the text be clearly larger.
  const originalLines = Math.max(1, region.lines.length, paragraphs.length);
  const free = largestFit(Infinity);
  const kept = free && free.lines.length > originalLines ? largestFit(originalLines) : null;
  const chosen = kept && kept.size * MORE_LINES_GAIN > free!.size ? kept : free;
  let size = chosen?.size ?? minimum;
  let lines = chosen?.lines ?? null;
  let fit: TextLayout['fit'] = !lines || size < original ? 'shrunk' : lines.length > paragraphs.length ? 'wrapped' : 'original';
  if (!lines) {
    size = minimum;
    lines = tryAt(size, true);
    fit = 'broken';
  }
  if (!lines) {
    fit = 'truncated';
    ({ size, lines } = truncate(wrap(flowing, minimum, true) ?? [], minimum, area, lineRatio, measure, inkWidth, scaleOf));
  }
  if (!lines.length) return empty;

  const measured = lines.map((l) => measure(l, size));
  const lineHeight = size * lineRatio;
  const baselines = placeBaselines(measured, size, lineHeight, original, fit === 'original' || fit === 'wrapped', region, font, area);
  const xs = alignedXs(measured, style.align, region.box);
  const laid = measured.map((m, i) => {
    const x = clamp(xs[i], area.x - m.left, area.x + area.width - m.right);
    const ink = { x: x + m.left - outline, y: baselines[i] + m.top - outline, width: m.right - m.left + 2 * outline, height: m.bottom - m.top + 2 * outline };
    return { text: m.text, x, baseline: baselines[i], ink };
  });
  return { fontSize: size, lineHeight, lines: laid, ink: union(laid.map((l) => l.ink)), fit };
}

/** Vertical ink extent of a block whose first baseline is at 0. */
function blockExtent(lines: Measured[], lineHeight: number): { top: number; bottom: number } {
  let top = Infinity;
  let bottom = -Infinity;
  lines.forEach((m, i) => {
    top = Math.min(top, i * lineHeight + m.top);
    bottom = Math.max(bottom, i * lineHeight + m.bottom);
  });
  return { top, bottom };
}

/** Baselines of the drawn lines (see the module header), shifted so the block's ink stays in `area`. */
function placeBaselines(
  lines: Measured[],
  size: number,
  lineHeight: number,
  original: number,
  atOriginalSize: boolean,
  region: TextRegion,
  font: FontFile,
  area: Box,
): number[] {
  const originals = [...region.lines].sort((a, b) => a.box.y - b.box.y).map((line) => {
    // The original's letters reach from its box top down to the baseline by their tallest glyph's height.
    const e = measureText(drawableText(line.text, font), font);
    const above = e.inkless ? font.capHeight : Math.max(e.top, font.xHeight);
    return line.box.y + (above * original) / font.unitsPerEm;
  });
  let baselines: number[];
  if (atOriginalSize && originals.length === lines.length) baselines = originals;
  else {
    const capOriginal = (font.capHeight * original) / font.unitsPerEm;
    const capNow = (font.capHeight * size) / font.unitsPerEm;
    const centre = originals.length ? (originals[0] - capOriginal + originals[originals.length - 1]) / 2 : region.box.y + region.box.height / 2;
    const first = centre + capNow / 2 - ((lines.length - 1) * lineHeight) / 2;
    baselines = lines.map((_, i) => first + i * lineHeight);
  }
  const top = Math.min(...lines.map((m, i) => baselines[i] + m.top));
  const bottom = Math.max(...lines.map((m, i) => baselines[i] + m.bottom));
  const shift = clamp(0, area.y - top, area.y + area.height - bottom);
  return baselines.map((b) => b + shift);
}

/**
 * Pen positions for the original's alignment. Left-aligned lines share one pen position (a "j" whose
 * tail reaches left must not push its line right), placed so the leftmost ink meets the original's left
 * edge; right-aligned lines share where their advance ends, so the rightmost ink meets the right edge;
 * centred lines centre their own ink on the original's centre.
 */
function alignedXs(lines: Measured[], align: RegionStyle['align'], text: Box): number[] {
  if (align === 'left') {
    const x = text.x - Math.min(...lines.map((m) => m.left));
    return lines.map(() => x);
  }
  if (align === 'right') {
    const end = text.x + text.width - Math.max(...lines.map((m) => m.right - m.advance));
    return lines.map((m) => end - m.advance);
  }
  return lines.map((m) => text.x + text.width / 2 - (m.left + m.right) / 2);
}

/**
 * The last resort: the lines of `lines` that fit the area's height, the last ending in "…". When not
 * even one line fits, the size comes down to what the height holds.
 */
function truncate(
  lines: string[],
  minimum: number,
  area: Box,
  lineRatio: number,
  measure: (line: string, size: number) => Measured,
  inkWidth: (line: string) => number,
  scaleOf: (size: number) => number,
): { size: number; lines: string[] } {
  let size = minimum;
  let count = lines.length;
  const heightOf = (n: number, s: number) => {
    const { top, bottom } = blockExtent(lines.slice(0, n).map((l) => measure(l, s)), s * lineRatio);
    return bottom - top;
  };
  while (count > 0 && heightOf(count, size) > area.height) count--;
  if (count === 0 && lines.length) {
    count = 1;
    size = (minimum * area.height) / heightOf(1, minimum);
  }
  const kept = lines.slice(0, count);
  if (kept.length && count < lines.length) {
    const maxWidth = area.width / scaleOf(size);
    let last = kept[kept.length - 1];
    const ellipsised = () => `${last.replace(/[\s.,;:\-–—]+$/u, '')}…`;
    while (last.length > 1 && inkWidth(ellipsised()) > maxWidth) {
      const space = last.lastIndexOf(' ');
      last = space > 0 ? last.slice(0, space) : [...last].slice(0, -1).join('');
    }
    kept[kept.length - 1] = ellipsised();
  }
  return { size, lines: kept };
}

function clamp(value: number, min: number, max: number): number {
  // When the range is empty (ink wider than the area) the low edge wins: the layout already made it fit.
  return Math.max(min, Math.min(max, value));
}

function union(boxes: Box[]): Box | null {
  if (!boxes.length) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

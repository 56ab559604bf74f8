/**
 * Re-segments each detected line by the grey (and colour) of its own letters, so that Tesseract is
 * shown the letters and nothing else.
 *
 * Detection classes every pixel against its neighbourhood. On a photo that joins letters to background
 * of a similar grey (white type over pale stone, the fill of outlined type to the wall around it: the
 * letter is then lost inside a large blob), chains pieces of background to the ends of lines, and the
 * box it hands on holds whatever texture lies around and between the letters, which Tesseract reads as
 * strokes (an "ü" from a speck above a "u", a "P" from a patch before an "S"). Once a line is found,
 * though, the grey of its letters is known (`inkThreshold`), and type is drawn in one colour where the
 * background rarely matches it exactly. So the line's surroundings are thresholded again at that level
 * (line-layer.ts), coloured type also by its colour (letter-colour.ts):
 *
 * - pieces that are letter-sized and stand on the line's (possibly tilted) band are its letters: first
 *   those on the characters detection found, then, growing outward a word space at a time, letters it
 *   missed (split from the background only at this level, or too small or thin to pass as characters);
 *   a detected character that runs into something larger at this level keeps what is inside its box;
 * - pictograms in their frames are left out (pictogram-frames.ts);
 * - small pieces over, beside or between the letters, where such marks sit and about a stroke thick,
 *   are dots, accents, punctuation, hyphens and superscripts (looked for by grey alone, at a level
 *   nearer the paper for small type, whose dots are blurred);
 * - everything else in the box (texture, the outline or shadow of the letters, neighbouring lines) is
 *   painted over with paper when the line is read (see `mask`, used by line-recognition.ts).
 *
 * Detected pieces of background that do not match the letters' grey simply vanish at this level.
 */
import type { Box } from '../types';
import type { GrayImage } from './gray-image';
import { textColour } from './letter-colour';
import { dilate, inkWithin, paint, pieceBox, threshold, type Piece, type Region } from './line-layer';
import { pictogramPieces } from './pictogram-frames';
import { joinCandidates, padBox, plausibleLine, type LineCandidate } from './text-detection';
import type { ColourAt } from './working-colour';
import { median } from '../median';

/**
 * In character heights (the median height of the line's characters): how far above the line's top a
 * mark may be (an accent over a capital), how far below its baseline letters may reach (descenders), and
 * the tallest letter (a script face's looped k or f, ascender and descender, beside its small x-height).
 */
const ABOVE = 0.8;
const BELOW = 1;
const TALLEST = 2.5;
/** How far past the detected characters a line may grow, in character heights. */
const GROW_LIMIT = 3;
/** The widest gap between letters of one line (a word space), in character heights. */
const WORD_GAP = 1.2;

/**
 * Refines `lines` of `gray` (see the module comment). Lines whose letters cannot be told from their
 * background at their own grey are kept as detected; fragments that grow into one another are merged.
 * Detection's cheap plausibility test is applied again to what is left of each line: a candidate that
 * was mostly background may be down to a blob or two.
 */
export function refineLines(gray: GrayImage, lines: LineCandidate[], colourAt?: ColourAt): LineCandidate[] {
  let refined = lines.map((line) => refineLine(gray, line, colourAt) ?? line);
  // Fragments of one line (broken where a letter merged with the background, or grown over one another)
  // are joined and the whole is refined, so it is read, and its words split, as one line.
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < refined.length; i++) {
      for (let j = i + 1; j < refined.length; j++) {
        if (!sameLine(refined[i], refined[j])) continue;
        const joined = joinCandidates(refined[i], refined[j]);
        refined[i] = refineLine(gray, joined, colourAt) ?? joined;
        refined.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return refined.filter((line) => {
    const width = Math.max(...line.parts.map((p) => p.x + p.width)) - Math.min(...line.parts.map((p) => p.x));
    return plausibleLine(line.characters, line.charHeight, Math.abs(line.paperLevel - line.inkLevel), width);
  });
}

/**
 * The line re-segmented at its letters' grey (and colour, given `colourAt`), or undefined when no
 * letter survives at that level.
 */
export function refineLine(gray: GrayImage, line: LineCandidate, colourAt?: ColourAt): LineCandidate | undefined {
  const h = line.charHeight;
  const parts = line.parts;
  if (parts.length === 0) return undefined;
  const band = fitBand(parts);
  const left = Math.min(...parts.map((p) => p.x));
  const right = Math.max(...parts.map((p) => p.x + p.width));

  // The neighbourhood searched: the band of the line (capitals and accents above, descenders below)
  // and room at both ends for letters detection missed.
  const rx0 = Math.max(0, Math.floor(left - GROW_LIMIT * h));
  const rx1 = Math.min(gray.width, Math.ceil(right + GROW_LIMIT * h));
  const ry0 = Math.max(0, Math.floor(Math.min(band.top(rx0) - ABOVE * h, band.bottom(rx0) - TALLEST * h, band.top(rx1) - ABOVE * h, band.bottom(rx1) - TALLEST * h) - 1));
  const ry1 = Math.min(gray.height, Math.ceil(Math.max(band.bottom(rx0), band.bottom(rx1)) + BELOW * h));
  const region: Region = { x0: rx0, y0: ry0, x1: rx1, y1: ry1 };
  const light = line.polarity === 'light';
  const t = line.inkThreshold;
  const colour = colourAt && textColour(gray, region, line, colourAt);
  const letterLayer = threshold(gray, region, t, light, colour);
  // The dots and accents of small type are a pixel or two across and blurred short of the letters'
  // ink: for type under ~24 px they are looked for at a level closer to halfway to the paper.
  const halfway = (line.inkLevel + line.paperLevel) / 2;
  const m = t + (halfway - t) * Math.max(0, Math.min(1, (24 - h) / 12));
  // Marks are looked for by grey alone: the colour test would break the background (a sign's border,
  // a pole) into fragments small enough to pass for dots and commas.
  const markLayer = m === t && !colour ? letterLayer : threshold(gray, region, m, light);
  const pieces = letterLayer.pieces;
  // Letters are mostly of the ink's own grey, their edges passing the threshold too; a piece of
  // background that only just passes it (pale stone beside white type) is mostly of the threshold's grey.
  const inkColoured = (p: Piece) => Math.abs(p.level - t) >= 0.35 * Math.abs(line.inkLevel - t);
  // The dots and accents of large type are solid ink like its letters; those of small type are mostly
  // edge, and need only be clearly on the ink side of their level.
  const markColoured = (p: Piece, level: number) =>
    Math.abs(p.level - level) >= (level === t ? 0.35 : 0.1) * Math.abs(line.inkLevel - level);
  const topAt = (p: Piece) => band.top((p.x0 + p.x1) / 2);
  const bottomAt = (p: Piece) => band.bottom((p.x0 + p.x1) / 2);
  // A piece reaching the edge of the area searched (where that is not the picture's edge), or below
  // the descenders, goes on beyond the line: a pole, a branch, a neighbouring line.
  const outside = (p: Piece) =>
    (p.y0 <= ry0 && ry0 > 0) || (p.y1 >= ry1 && ry1 < gray.height) || p.y1 > bottomAt(p) + BELOW * h;
  const framed = pictogramPieces(letterLayer.pieces, markLayer.pieces, inkColoured);
  // Letters stand on the baseline (or descend below it) and reach at least halfway up the line.
  const letterLike = (p: Piece) => {
    if (framed.has(p) || outside(p) || !inkColoured(p)) return false;
    const ph = p.y1 - p.y0;
    const pw = p.x1 - p.x0;
    if (ph < 0.4 * h || ph > TALLEST * h || pw > 8 * h) return false;
    const baseline = bottomAt(p);
    return p.y1 >= baseline - 0.25 * h && p.y0 <= baseline - 0.45 * h;
  };
  // Marks are small, and no higher than an accent over a capital.
  const markLike = (p: Piece, level: number) =>
    !framed.has(p) &&
    !outside(p) &&
    markColoured(p, level) &&
    p.y0 >= topAt(p) - ABOVE * h &&
    p.y1 - p.y0 < 0.6 * h &&
    p.x1 - p.x0 < 1.5 * h;

  // Seeds: letter-sized pieces mostly inside a detected character.
  const accepted = new Uint8Array(pieces.length); // 1 = letter, 2 = mark
  pieces.forEach((p, k) => {
    if (!letterLike(p)) return;
    const area = (p.x1 - p.x0) * (p.y1 - p.y0);
    if (parts.some((b) => overlapArea(p, b) >= 0.5 * area)) accepted[k] = 1;
  });
  // A detected character whose pixels at this level run into something larger (a letter touching a
  // sign's border, a pole) keeps what lies inside its own box, if that is about a letter's worth of ink.
  const clippedLetters: Piece[] = [];
  for (const b of parts) {
    // Only a letter's box: a character wider than that is letters merged with background already.
    if (b.width > 1.5 * h || b.height > 1.6 * h) continue;
    const bx: Piece = { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height, area: 0, level: line.inkLevel };
    if (pieces.some((p, k) => accepted[k] && overlapArea(p, b) >= 0.5 * b.width * b.height)) continue;
    const ink = inkWithin(letterLayer, b);
    if (ink < 0.25 * b.width * b.height) continue;
    clippedLetters.push({ ...bx, area: ink });
  }
  if (!accepted.includes(1) && clippedLetters.length === 0) return undefined;

  // Grow outward a word space at a time, no further than GROW_LIMIT past the detected characters.
  const letters = () => [...pieces.filter((_, k) => accepted[k] === 1), ...clippedLetters];
  for (let grew = true; grew; ) {
    grew = false;
    const current = letters();
    pieces.forEach((p, k) => {
      if (accepted[k] || !letterLike(p)) return;
      if (p.x0 < left - GROW_LIMIT * h || p.x1 > right + GROW_LIMIT * h) return;
      const near = current.some((q) => horizontalGap(p, q) <= WORD_GAP * h);
      if (near) {
        accepted[k] = 1;
        grew = true;
      }
    });
  }

  // Marks: accents and dots over (or cedillas under) a letter; full stops and commas on the baseline,
  // quotes, apostrophes and superscripts at the top, hyphens at mid-height, each in a gap beside a
  // letter. A mark is at least about as thick as the letters' strokes are (a dot is a stroke's width
  // across): smaller specks are texture.
  const found = letters();
  const stroke = median(found.map((q) => q.area / (2.2 * (q.y1 - q.y0))));
  const minArea = Math.max(1, 0.35 * stroke * stroke);
  const marks = new Uint8Array(markLayer.pieces.length);
  markLayer.pieces.forEach((p, k) => {
    const pieceArea = (p.x1 - p.x0) * (p.y1 - p.y0);
    if (markLayer === letterLayer ? accepted[k] : found.some((q) => overlapArea(p, pieceBox(q)) >= 0.5 * pieceArea)) return;
    if (p.area < minArea || !markLike(p, m)) return;
    const pw = p.x1 - p.x0;
    const ph = p.y1 - p.y0;
    const top = topAt(p);
    const bottom = bottomAt(p);
    const core = Math.max(1, bottom - top);
    const above = (q: Piece) => Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) >= 0.5 * pw;
    const over = found.some((q) => above(q) && ((p.y1 <= q.y0 + 0.2 * h) || (p.y0 >= q.y1 - 0.2 * h && p.y0 <= q.y1 + 0.15 * h)));
    const inGap = !found.some((q) => Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > 0.3 * pw);
    const beside = inGap && found.some((q) => horizontalGap(p, q) <= 0.5 * h);
    const onBaseline = p.y1 >= bottom - 0.25 * h && p.y0 >= top + 0.4 * core && pw <= 0.6 * h;
    const atTop = p.y0 <= top + 0.3 * h && p.y1 <= top + 0.75 * core;
    const hyphen = ph <= 0.25 * h && pw >= 1.5 * ph && p.y0 >= top + 0.25 * core && p.y1 <= bottom - 0.2 * core;
    if (over || (beside && (onBaseline || atTop || hyphen))) marks[k] = 1;
  });

  // The refined line: its letters' boxes, a padded box around everything kept, and the mask.
  let x0 = Infinity, y0 = Infinity, x1 = 0, y1 = 0;
  const extend = (p: Piece) => {
    x0 = Math.min(x0, p.x0);
    y0 = Math.min(y0, p.y0);
    x1 = Math.max(x1, p.x1);
    y1 = Math.max(y1, p.y1);
  };
  found.forEach(extend);
  markLayer.pieces.forEach((p, k) => marks[k] && extend(p));
  const box = padBox({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, h, gray);
  const mask = new Uint8Array(box.width * box.height);
  paint(mask, box, letterLayer, accepted);
  paint(mask, box, markLayer, marks);
  for (const p of clippedLetters) paint(mask, box, letterLayer, undefined, pieceBox(p));
  const newParts = found.map(pieceBox);
  // Anti-aliased edges lie just outside the threshold: the mask is widened by a pixel.
  return { ...line, box, parts: newParts, characters: newParts.length, mask: dilate(mask, box.width, box.height, 1) };
}

/**
 * The band a line's characters sit in, as two parallel lines (a photographed sign is often tilted):
 * the slope fitted to the characters' bottoms, each edge placed at the median of the characters'.
 */
function fitBand(parts: Box[]): { top: (x: number) => number; bottom: (x: number) => number } {
  const n = parts.length;
  const xs = parts.map((p) => p.x + p.width / 2);
  const bottoms = parts.map((p) => p.y + p.height);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = bottoms.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (bottoms[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = n >= 3 && sxx > 0 ? Math.max(-0.35, Math.min(0.35, sxy / sxx)) : 0;
  const bottom0 = median(parts.map((p, i) => p.y + p.height - slope * xs[i]));
  const top0 = median(parts.map((p, i) => p.y - slope * xs[i]));
  return { top: (x) => top0 + slope * x, bottom: (x) => bottom0 + slope * x };
}


function overlapArea(p: Piece, b: Box): number {
  const w = Math.min(p.x1, b.x + b.width) - Math.max(p.x0, b.x);
  const hh = Math.min(p.y1, b.y + b.height) - Math.max(p.y0, b.y);
  return w > 0 && hh > 0 ? w * hh : 0;
}

function horizontalGap(p: Piece, q: Piece): number {
  return Math.max(p.x0 - q.x1, q.x0 - p.x1, 0);
}

/** Two refined lines of the same polarity, size and baseline whose letters overlap or are a word space apart. */
function sameLine(a: LineCandidate, b: LineCandidate): boolean {
  if (a.polarity !== b.polarity) return false;
  const ratio = Math.max(a.charHeight, b.charHeight) / Math.min(a.charHeight, b.charHeight);
  if (ratio > 1.5) return false;
  const extent = (l: LineCandidate) => {
    const x0 = Math.min(...l.parts.map((p) => p.x));
    const x1 = Math.max(...l.parts.map((p) => p.x + p.width));
    const y0 = Math.min(...l.parts.map((p) => p.y));
    const y1 = Math.max(...l.parts.map((p) => p.y + p.height));
    return { x0, x1, y0, y1 };
  };
  const ea = extent(a);
  const eb = extent(b);
  const vOverlap = Math.min(ea.y1, eb.y1) - Math.max(ea.y0, eb.y0);
  if (vOverlap < 0.6 * Math.min(ea.y1 - ea.y0, eb.y1 - eb.y0)) return false;
  const gap = Math.max(ea.x0, eb.x0) - Math.min(ea.x1, eb.x1);
  return gap <= WORD_GAP * Math.max(a.charHeight, b.charHeight);
}

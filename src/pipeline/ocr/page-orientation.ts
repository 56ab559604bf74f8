/**
 * Which way up the text of a picture is. Lines chained top to bottom mean the page is on its side and
 * it is turned a quarter; whether it is then upside down is read from the lines themselves: the
 * strongest candidates are read upright and, unless those readings are already confident (on average,
 * or one of them a long word), upside down too.
 *
 * The strongest candidates by size are often not text at all (a picket fence, a row of windows, flowers
 * in a cartoon), and such noise reads as badly one way as the other, or as a little less badly upside
 * down. So only lines that read clearly as text one way — confidently, and clearly better than the
 * other way — are counted, each weighted by the letters it yields; noise abstains. Up to JUDGED_LINES
 * candidates are looked at, fewer once one orientation has a clear lead. A page is turned over only
 * on such evidence: with none, it stays as it came, since photos are almost always upright.
 */
import type { OCREngine } from 'tesseract-wasm';
import type { Box } from '../types';
import { rotateGray, type GrayImage } from './gray-image';
import { recognizeLine, type LineReading } from './line-recognition';
import { refineLines } from './line-refinement';
import { median } from '../median';
import { detectTextLines, type LineCandidate } from './text-detection';
import type { ColourAt } from './working-colour';
import { keptWords } from './text-regions';

export interface OrientedPage {
  gray: GrayImage;
  lines: LineCandidate[];
  /** Clockwise quarter turns applied to the working copy to make the text upright. */
  turns: number;
  /** Upright readings of lines made while deciding the orientation, by line index. */
  sample: Map<number, LineReading>;
}

/** Lines whose upright readings are looked at before doubting them. */
const FIRST_LINES = 2;
/** At this mean confidence on the first lines, the page is upright without reading anything upside down. */
const UPRIGHT_DOUBT = 0.75;
/** ...or when one of them reads as confidently as this, with at least SURE_LETTERS letters kept. */
const SURE_CONFIDENCE = 0.85;
const SURE_LETTERS = 6;
/** A letter rises above (or hangs below) its line when it passes the line's middle band by this share of the band. */
const EXTENDER = 0.3;
/** The letters lean one way when those rising outnumber those hanging (or the reverse) by this many, and... */
const LEAN_MARGIN = 4;
/** ...by this factor. */
const LEAN_RATIO = 2;
/** Candidates read both ways, at most. */
const JUDGED_LINES = 6;
/** A line counts as evidence when its better reading is at least this confident... */
const TEXT_CONFIDENCE = 0.6;
/** ...and at least this much more confident than the other. */
const CLEAR_MARGIN = 0.2;
/** Letters of evidence (confidence-weighted) that settle the question when the other side has none. */
const DECISIVE_LETTERS = 12;

/**
 * Finds the lines of `working` and the quarter turns that make them upright, reading candidates with
 * `engine` (see the module comment). `colourAt(turns)` gives the colours of the working copy turned by
 * that many quarter turns, for line refinement.
 */
export function orientPage(engine: OCREngine, working: GrayImage, colourAt?: (turns: number) => ColourAt): OrientedPage {
  let page = refined(onItsSide(working), colourAt);
  // Letters that hang below their lines more than they rise above them are most likely upside down:
  // the page is turned over before anything is read, so the reading below confirms it at once.
  const lean = extenderLean(page.lines);
  if (lean < 0) page = turnedOver(page, colourAt);
  const { gray, lines, turns } = page;
  const order = byStrength(lines);
  const sample = new Map(order.slice(0, FIRST_LINES).map((i) => [i, recognizeLine(engine, gray, lines[i])]));
  if (sample.size === 0) return { gray, lines, turns, sample };
  const first = [...sample.values()];
  const mean = first.reduce((a, r) => a + r.confidence, 0) / first.length;
  // Upside-down type does not read as a long confident word, and neither does noise: one such reading
  // settles it too, for a page as it came. A page turned (on its side, or over) may be the wrong way
  // round: it is settled only when the letters' shapes agree, and judged both ways otherwise.
  const settled = mean >= UPRIGHT_DOUBT || first.some((r) => r.confidence >= SURE_CONFIDENCE && keptLetters(r) >= SURE_LETTERS);
  if (settled && (turns === 0 || lean !== 0)) return { gray, lines, turns, sample };

  let upright = 0;
  let upsideDown = 0;
  for (const i of order.slice(0, JUDGED_LINES)) {
    let reading = sample.get(i);
    if (!reading) {
      reading = recognizeLine(engine, gray, lines[i]);
      sample.set(i, reading);
    }
    const vote = evidence(reading, recognizeLine(engine, gray, lines[i], true));
    if (vote > 0) upright += vote;
    else upsideDown -= vote;
    if (Math.max(upright, upsideDown) >= DECISIVE_LETTERS && Math.min(upright, upsideDown) === 0) break;
  }
  if (upsideDown <= upright) return { gray, lines, turns, sample };
  return { ...pageOf(turnedOver(page, colourAt)), sample: new Map() };
}

/** A page being oriented: the working copy turned, its line candidates as detected and as refined. */
interface TurnedPage {
  gray: GrayImage;
  turns: number;
  detected: LineCandidate[];
  lines: LineCandidate[];
}

/** The working copy, turned a quarter when its lines run top to bottom, with its line candidates. */
function onItsSide(working: GrayImage): Omit<TurnedPage, 'lines'> {
  const detection = detectTextLines(working);
  if (detection.verticalRatio > 1) {
    const turned = rotateGray(working, 1);
    const turnedDetection = detectTextLines(turned);
    if (turnedDetection.verticalRatio < 1) return { gray: turned, turns: 1, detected: turnedDetection.lines };
  }
  return { gray: working, turns: 0, detected: detection.lines };
}

function refined(page: Omit<TurnedPage, 'lines'>, colourAt?: (turns: number) => ColourAt): TurnedPage {
  return { ...page, lines: refineLines(page.gray, page.detected, colourAt?.(page.turns)) };
}

/**
 * `page` turned by 180°, with its lines as detected turned along and refined again there. Refinement
 * expects upright type (accents above, descenders below), so neither the refined lines nor their
 * readings are carried over.
 */
function turnedOver(page: TurnedPage, colourAt?: (turns: number) => ColourAt): TurnedPage {
  const { width, height } = page.gray;
  const turn = (b: Box): Box => ({ ...b, x: width - b.x - b.width, y: height - b.y - b.height });
  const detected = page.detected.map((l) => ({ ...l, box: turn(l.box), parts: l.parts.map(turn) }));
  return refined({ gray: rotateGray(page.gray, 2), turns: (page.turns + 2) % 4, detected }, colourAt);
}

function pageOf(page: TurnedPage): Omit<OrientedPage, 'sample'> {
  return { gray: page.gray, lines: page.lines, turns: page.turns };
}

/**
 * Which way the letters of `lines` lean: +1 when clearly more of them rise above the line's middle band
 * (ascenders, capitals, accents: b d f h k l t À) than hang below it (descenders: g j p q y), as in
 * upright Latin type; -1 when clearly more hang below, as upside down; 0 when neither is clear (too few
 * letters, or capitals only).
 */
export function extenderLean(lines: LineCandidate[]): -1 | 0 | 1 {
  let rising = 0;
  let hanging = 0;
  for (const line of lines) {
    if (line.parts.length < 3) continue;
    const top = median(line.parts.map((p) => p.y));
    const bottom = median(line.parts.map((p) => p.y + p.height));
    const band = bottom - top;
    if (band <= 0) continue;
    for (const p of line.parts) {
      if (top - p.y > EXTENDER * band) rising++;
      if (p.y + p.height - bottom > EXTENDER * band) hanging++;
    }
  }
  const clear = (a: number, b: number) => a - b >= LEAN_MARGIN && a >= LEAN_RATIO * b;
  return clear(rising, hanging) ? 1 : clear(hanging, rising) ? -1 : 0;
}

/**
 * What one line says about the orientation: the confidence-weighted letters of its reading, positive
 * for upright, negative for upside down, 0 when it reads as text neither way or about as well both ways.
 */
export function evidence(upright: LineReading, upsideDown: LineReading): number {
  const weight = (r: LineReading) => keptLetters(r) * r.confidence;
  if (upright.confidence >= TEXT_CONFIDENCE && upright.confidence >= upsideDown.confidence + CLEAR_MARGIN) return weight(upright);
  if (upsideDown.confidence >= TEXT_CONFIDENCE && upsideDown.confidence >= upright.confidence + CLEAR_MARGIN) return -weight(upsideDown);
  return 0;
}

function keptLetters(reading: LineReading): number {
  return keptWords(reading.words).reduce((n, w) => n + w.text.length, 0);
}

/** Line indices, strongest (most and largest characters) first. */
export function byStrength(lines: LineCandidate[]): number[] {
  const weight = (l: LineCandidate) => l.characters * l.charHeight;
  return lines.map((_, i) => i).sort((a, b) => weight(lines[b]) - weight(lines[a]));
}

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
  let turns = 0;
  let gray = working;
  let detection = detectTextLines(gray);
  if (detection.verticalRatio > 1) {
    const turned = rotateGray(working, 1);
    const turnedDetection = detectTextLines(turned);
    if (turnedDetection.verticalRatio < 1) {
      turns = 1;
      gray = turned;
      detection = turnedDetection;
    }
  }
  const lines = refineLines(gray, detection.lines, colourAt?.(turns));
  const order = byStrength(lines);
  const sample = new Map(order.slice(0, FIRST_LINES).map((i) => [i, recognizeLine(engine, gray, lines[i])]));
  if (sample.size === 0) return { gray, lines, turns, sample };
  const first = [...sample.values()];
  const mean = first.reduce((a, r) => a + r.confidence, 0) / first.length;
  // Upside-down type does not read as a long confident word, and neither does noise: one such reading
  // settles it too. A page found on its side may be on either side: always judged.
  const settled = mean >= UPRIGHT_DOUBT || first.some((r) => r.confidence >= SURE_CONFIDENCE && keptLetters(r) >= SURE_LETTERS);
  if (settled && turns === 0) return { gray, lines, turns, sample };

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

  // Upside down: turn the page and the lines as detected, and refine them again there. Refinement
  // expects upright type (accents above, descenders below), so neither the refined lines nor their
  // readings are carried over.
  const { width, height } = gray;
  const turn = (b: Box): Box => ({ ...b, x: width - b.x - b.width, y: height - b.y - b.height });
  const upsideUp = rotateGray(gray, 2);
  const candidates = detection.lines.map((l) => ({ ...l, box: turn(l.box), parts: l.parts.map(turn) }));
  return { gray: upsideUp, lines: refineLines(upsideUp, candidates, colourAt?.(turns + 2)), turns: turns + 2, sample: new Map() };
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

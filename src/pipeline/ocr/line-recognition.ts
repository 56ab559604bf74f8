/**
 * Reads one detected text line with Tesseract. The line is cut out of the working image, everything
 * that is not one of its characters (sign borders, pictograms, neighbouring lines) is painted over with
 * paper, its grey levels are stretched to black ink on white paper, and it is scaled so its characters
 * are a size the LSTM reads well: small text is enlarged, huge text reduced. Tesseract then reads it as a
 * single line (page segmentation mode 7).
 */
import type { OCREngine } from 'tesseract-wasm';
import type { Box } from '../types';
import type { GrayImage } from './gray-image';
import { grayToLeptonica } from './leptonica-pixels';
import type { LineCandidate } from './text-detection';

/** Lines with characters between these heights (px) are read at their size; others are scaled into the range. */
const MIN_CHAR_HEIGHT = 22;
const MAX_CHAR_HEIGHT = 40;

function lineScale(charHeight: number): number {
  if (charHeight < MIN_CHAR_HEIGHT) return Math.min(4, MIN_CHAR_HEIGHT / charHeight);
  if (charHeight > MAX_CHAR_HEIGHT) return Math.max(0.2, MAX_CHAR_HEIGHT / charHeight);
  return 1;
}
const PAD = 8;

export interface RecognisedWord {
  text: string;
  /** 0..1 */
  confidence: number;
  /** In working-image pixels. */
  box: Box;
  /**
   * Read alike (but for one letter) by both models, the Latin and the language model: a word that an
   * object crossing it (a pole, a branch) leaves Tesseract unsure of, not noise (see confirmedBy).
   */
  confirmed?: boolean;
}

export interface LineReading {
  words: RecognisedWord[];
  /** Mean word confidence weighted by word length, 0 when nothing was read. */
  confidence: number;
}

/** Page segmentation mode: treat the image as a single text line. */
const PSM_SINGLE_LINE = '7';

/**
 * Reads `line` of `gray` with `engine`. `upsideDown` reads it turned by 180° (used to test orientation);
 * returned boxes are always in the coordinates of `gray`.
 */
export function recognizeLine(engine: OCREngine, gray: GrayImage, line: LineCandidate, upsideDown = false): LineReading {
  const prepared = prepareLine(gray, line, upsideDown);
  engine.loadImage(grayToLeptonica(prepared.image));
  engine.setVariable('tessedit_pageseg_mode', PSM_SINGLE_LINE);
  // Our lines are already dark on light: skip Tesseract's retry of each weak line inverted.
  engine.setVariable('tessedit_do_invert', '0');
  const items = engine.getTextBoxes('word');
  engine.clearImage();

  const words: RecognisedWord[] = [];
  for (const item of items) {
    const text = item.text.trim();
    if (!text) continue;
    const { left, top, right, bottom } = item.rect;
    const [x0, x1] = upsideDown
      ? [prepared.image.width - right, prepared.image.width - left]
      : [left, right];
    const [y0, y1] = upsideDown ? [prepared.image.height - bottom, prepared.image.height - top] : [top, bottom];
    const f = prepared.scale;
    const box = {
      x: line.box.x + (x0 - PAD) / f,
      y: line.box.y + (y0 - PAD) / f,
      width: (x1 - x0) / f,
      height: (y1 - y0) / f,
    };
    words.push({ text, confidence: Math.max(0, Math.min(1, item.confidence)), box: clampBox(box, line.box) });
  }
  return { words, confidence: meanConfidence(words) };
}

/** Mean confidence of `words`, each weighted by its length. */
export function meanConfidence(words: { text: string; confidence: number }[]): number {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    sum += w.confidence * w.text.length;
    weight += w.text.length;
  }
  return weight ? sum / weight : 0;
}

function clampBox(box: Box, within: Box): Box {
  const x0 = Math.max(within.x, box.x);
  const y0 = Math.max(within.y, box.y);
  const x1 = Math.min(within.x + within.width, box.x + box.width);
  const y1 = Math.min(within.y + within.height, box.y + box.height);
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/** The line as Tesseract will see it, and the factor it was scaled by. */
export function prepareLine(gray: GrayImage, line: LineCandidate, upsideDown = false): { image: GrayImage; scale: number } {
  const { box } = line;
  const scale = lineScale(line.charHeight);
  const keep = line.mask ?? characterMask(line);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const width = w + 2 * PAD;
  const height = h + 2 * PAD;
  const out = new Uint8Array(width * height).fill(255);
  const ink = line.inkLevel;
  const span = line.paperLevel - ink || 1;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - ink) / span) * 255)));

  for (let y = 0; y < h; y++) {
    const fy = Math.max(0, (y + 0.5) / scale - 0.5);
    const sy0 = Math.min(box.height - 1, Math.floor(fy));
    const sy1 = Math.min(box.height - 1, sy0 + 1);
    const dy = fy - sy0;
    const row0 = (box.y + sy0) * gray.width + box.x;
    const row1 = (box.y + sy1) * gray.width + box.x;
    const outRow = upsideDown ? (height - 1 - (y + PAD)) * width : (y + PAD) * width;
    for (let x = 0; x < w; x++) {
      const fx = Math.max(0, (x + 0.5) / scale - 0.5);
      const sx0 = Math.min(box.width - 1, Math.floor(fx));
      if (!keep[Math.min(box.height - 1, Math.round(fy)) * box.width + Math.min(box.width - 1, Math.round(fx))]) continue;
      const sx1 = Math.min(box.width - 1, sx0 + 1);
      const dx = fx - sx0;
      const g =
        (gray.data[row0 + sx0] * (1 - dx) + gray.data[row0 + sx1] * dx) * (1 - dy) +
        (gray.data[row1 + sx0] * (1 - dx) + gray.data[row1 + sx1] * dx) * dy;
      const col = upsideDown ? width - 1 - (x + PAD) : x + PAD;
      out[outRow + col] = lut[g | 0];
    }
  }
  return { image: { width, height, data: out }, scale };
}

/**
 * Pixels of `line.box` that belong to the line: around each character (with room above for accents and
 * dots, below for descenders) and across the gaps between neighbouring characters, where punctuation and
 * letters too small to be detected as characters (commas, dots, a thin r in small print) sit.
 */
function characterMask(line: LineCandidate): Uint8Array {
  const { box, charHeight } = line;
  const keep = new Uint8Array(box.width * box.height);
  const dx = Math.round(0.15 * charHeight) + 1;
  const up = Math.round(0.4 * charHeight) + 1;
  const down = Math.round(0.2 * charHeight) + 1;
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    const left = Math.max(0, x0 - box.x - dx);
    const right = Math.min(box.width, x1 - box.x + dx);
    const top = Math.max(0, y0 - box.y - up);
    const bottom = Math.min(box.height, y1 - box.y + down);
    for (let y = top; y < bottom; y++) keep.fill(1, y * box.width + left, y * box.width + right);
  };
  const parts = [...line.parts].sort((a, b) => a.x - b.x);
  parts.forEach((p, i) => {
    fill(p.x, p.y, p.x + p.width, p.y + p.height);
    const next = parts[i + 1];
    if (next && next.x - (p.x + p.width) <= 1.5 * charHeight) {
      fill(p.x + p.width, Math.max(p.y, next.y), next.x, Math.min(p.y + p.height, next.y + next.height));
    }
  });
  return keep;
}

/**
 * The colour of a line's letters, for telling coloured type from background of the same grey (yellow
 * type over pale stone, red type over a brown wall), which grey alone cannot. Grey type (white, black,
 * grey) gets no colour: there it tells nothing that grey does not, and JPEG's colour noise would only
 * make letters ragged.
 */
import type { GrayImage } from './gray-image';
import type { Region } from './line-layer';
import type { LineCandidate } from './text-detection';
import type { ColourAt } from './working-colour';
import { median } from '../median';

/** The colour of a line's letters, and how far from it (RGB distance) most of their pixels lie. */
export interface TextColour {
  colourAt: ColourAt;
  r: number;
  g: number;
  b: number;
  /** Pixels further from the colour than this are not the letters'. */
  reach: number;
}

/** Letters this far from grey (largest minus smallest channel) are coloured type. */
const COLOURED = 40;
/** The colour test allows at least this distance: JPEG smears colour over pairs of pixels. */
const MIN_REACH = 60;

/**
 * The colour of `line`'s letters: the median of the pixels inside its detected characters that pass
 * its grey threshold, and a reach of two and a half times their median distance from it (the boxes
 * also hold some background that passes the grey threshold, so a high percentile would reach it).
 * Characters wider than a letter are left out: they are often a letter merged with background of its
 * grey, the very thing colour is to tell apart. Undefined for grey type.
 */
export function textColour(gray: GrayImage, region: Region, line: LineCandidate, colourAt: ColourAt): TextColour | undefined {
  const light = line.polarity === 'light';
  const t = line.inkThreshold;
  const samples: number[] = [];
  const letterSized = line.parts.filter((p) => p.width <= 1.5 * line.charHeight && p.height <= 1.6 * line.charHeight);
  for (const p of letterSized.length >= 2 ? letterSized : line.parts) {
    const x0 = Math.max(region.x0, p.x), x1 = Math.min(region.x1, p.x + p.width);
    const y0 = Math.max(region.y0, p.y), y1 = Math.min(region.y1, p.y + p.height);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const v = gray.data[y * gray.width + x];
        if (light ? v >= t : v <= t) samples.push(colourAt(x, y));
      }
    }
  }
  if (samples.length < 20) return undefined;
  const r = median(samples.map((c) => c >> 16));
  const g = median(samples.map((c) => (c >> 8) & 255));
  const b = median(samples.map((c) => c & 255));
  if (Math.max(r, g, b) - Math.min(r, g, b) < COLOURED) return undefined;
  const distances = samples.map((c) => Math.hypot((c >> 16) - r, ((c >> 8) & 255) - g, (c & 255) - b));
  const reach = Math.max(MIN_REACH, 2.5 * median(distances));
  return { colourAt, r, g, b, reach };
}

/** Whether the pixel at (x, y) is within reach of the letters' colour. */
export function nearColour(colour: TextColour, x: number, y: number): boolean {
  const c = colour.colourAt(x, y);
  return Math.hypot((c >> 16) - colour.r, ((c >> 8) & 255) - colour.g, (c & 255) - colour.b) <= colour.reach;
}


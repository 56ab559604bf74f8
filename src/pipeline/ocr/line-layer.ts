/**
 * A line's neighbourhood thresholded at one grey level (and, for coloured type, near one colour): the
 * runs of pixels on the ink side, their connected components as pieces with their boxes and mean grey,
 * and the mask painted from the pieces line refinement chooses. The rules that choose them are in
 * line-refinement.ts.
 */
import type { Box } from '../types';
import { labelRuns, RunList } from './connected-components';
import type { GrayImage } from './gray-image';
import { nearColour, type TextColour } from './letter-colour';

/** A rectangle of the working copy, by its edges (x1 and y1 exclusive). */
export type Region = { x0: number; y0: number; x1: number; y1: number };

/** The pixels of a region on the ink side of a grey level, as runs, their components and those as pieces. */
export interface Layer {
  runs: RunList;
  runComponent: Int32Array;
  pieces: Piece[];
}

/** A connected component of a layer: its box, its area in pixels and the mean grey of its pixels. */
export interface Piece {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  area: number;
  /** Mean grey of the piece's pixels. */
  level: number;
}


/**
 * The pixels of `region` of `gray` on the ink side of `level` (at or above it for light type, at or
 * below it for dark), and near `colour` when given, as a layer.
 */
export function threshold(gray: GrayImage, region: Region, level: number, light: boolean, colour?: TextColour): Layer {
  const runs = new RunList();
  for (let y = region.y0; y < region.y1; y++) {
    const row = y * gray.width;
    let start = -1;
    for (let x = region.x0; x < region.x1; x++) {
      const v = gray.data[row + x];
      const ink = (light ? v >= level : v <= level) && (!colour || nearColour(colour, x, y));
      if (ink && start < 0) start = x;
      else if (!ink && start >= 0) {
        runs.push(y, start, x);
        start = -1;
      }
    }
    if (start >= 0) runs.push(y, start, region.x1);
  }
  const cc = labelRuns(runs);
  const sums = new Float64Array(cc.count);
  for (let k = 0; k < runs.count; k++) {
    const row = runs.row[k] * gray.width;
    let sum = 0;
    for (let x = runs.start[k]; x < runs.end[k]; x++) sum += gray.data[row + x];
    sums[cc.runComponent[k]] += sum;
  }
  const pieces: Piece[] = [];
  for (let c = 0; c < cc.count; c++) {
    pieces.push({ x0: cc.minX[c], y0: cc.minY[c], x1: cc.maxX[c], y1: cc.maxY[c], area: cc.area[c], level: sums[c] / cc.area[c] });
  }
  return { runs, runComponent: cc.runComponent, pieces };
}


/**
 * Sets the pixels of `box` (in `mask`) covered by the pieces of `layer` that `chosen` marks, or by any
 * of its pixels inside `within`.
 */
export function paint(mask: Uint8Array, box: Box, layer: Layer, chosen: Uint8Array | undefined, within?: Box): void {
  const { runs } = layer;
  const clip = within ?? box;
  for (let k = 0; k < runs.count; k++) {
    if (chosen && !chosen[layer.runComponent[k]]) continue;
    const row = runs.row[k];
    if (row < clip.y || row >= clip.y + clip.height) continue;
    const y = row - box.y;
    if (y < 0 || y >= box.height) continue;
    const a = Math.max(0, Math.max(runs.start[k], clip.x) - box.x);
    const b = Math.min(box.width, Math.min(runs.end[k], clip.x + clip.width) - box.x);
    if (b > a) mask.fill(1, y * box.width + a, y * box.width + b);
  }
}

/** How many pixels of `layer` lie inside `box`. */
export function inkWithin(layer: Layer, box: Box): number {
  const { runs } = layer;
  let n = 0;
  for (let k = 0; k < runs.count; k++) {
    const row = runs.row[k];
    if (row < box.y || row >= box.y + box.height) continue;
    n += Math.max(0, Math.min(runs.end[k], box.x + box.width) - Math.max(runs.start[k], box.x));
  }
  return n;
}


/** The box of a piece. */
export function pieceBox(p: Piece): Box {
  return { x: p.x0, y: p.y0, width: p.x1 - p.x0, height: p.y1 - p.y0 };
}


/**
 * Grows a mask by `radius` pixels (a square structuring element, as two separable passes), shared by
 * line refinement (a line's letters joined into its mask) and text removal (a letter's anti-aliased
 * fringe removed with it).
 */
export function dilate(mask: Uint8Array<ArrayBuffer>, width: number, height: number, radius: number): Uint8Array<ArrayBuffer> {
  if (radius <= 0) return mask;
  const horizontal = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let lastOn = -Infinity;
    for (let x = 0; x < width; x++) {
      if (mask[row + x]) lastOn = x;
      if (x - lastOn <= radius) horizontal[row + x] = 1;
    }
    lastOn = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (mask[row + x]) lastOn = x;
      if (lastOn - x <= radius) horizontal[row + x] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) {
    let lastOn = -Infinity;
    for (let y = 0; y < height; y++) {
      if (horizontal[y * width + x]) lastOn = y;
      if (y - lastOn <= radius) out[y * width + x] = 1;
    }
    lastOn = Infinity;
    for (let y = height - 1; y >= 0; y--) {
      if (horizontal[y * width + x]) lastOn = y;
      if (lastOn - y <= radius) out[y * width + x] = 1;
    }
  }
  return out;
}

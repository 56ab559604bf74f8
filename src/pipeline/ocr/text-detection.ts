/**
 * Finds text lines in a photo, screenshot or scan before any recognition, so that Tesseract is shown
 * only text, dark on light, at a readable size. Tesseract's own page layout assumes a scanned page: on
 * photos it binarises the whole image with one threshold, loses light-on-dark signs and spends most of
 * its time reading bricks and leaves. Here:
 *
 * 1. Each pixel is classed as darker or lighter than its neighbourhood (Sauvola's rule on the mean and
 *    deviation of a window around it, applied to the image and to its negative), giving two binary images.
 * 2. Their connected components that look like characters (size, shape, ink density) are chained with
 *    neighbours of similar height on the same baseline. Chains are text-line candidates; lone blobs are
 *    dropped unless shaped like a whole word (letters run together). Frames and pictograms beside words
 *    are left out, and cheap tests (size, contrast, alignment) drop most texture before Tesseract sees
 *    it. Chains of both polarities competing for the same place are resolved by their ink.
 * 3. The same chaining done vertically tells whether the page is turned 90° (see `verticalRatio`).
 */
import type { Box } from '../types';
import { labelRuns, RunList, type Components } from './connected-components';
import type { GrayImage } from './gray-image';

export type Polarity = 'dark' | 'light';

export interface LineCandidate {
  box: Box;
  polarity: Polarity;
  /** Median height of the line's characters, in pixels. */
  charHeight: number;
  /** Mean grey of the characters and of the rest of the (padded) box. */
  inkLevel: number;
  paperLevel: number;
  /**
   * The grey that most (85%) of the characters' own pixels are darker than (dark text) or lighter than
   * (light text). Letters are drawn in one colour; the background around them, even where it is about
   * as light or dark, rarely matches it, so this level tells a line's letters from what touches them.
   */
  inkThreshold: number;
  characters: number;
  /** Boxes of the line's characters: everything else inside `box` belongs to something else. */
  parts: Box[];
  /**
   * Which pixels of `box` (row-major, 1 = shown) are the line's letters and marks, once refined
   * (line-refinement.ts); without it, the areas around `parts` are shown.
   */
  mask?: Uint8Array;
}

export interface TextDetection {
  lines: LineCandidate[];
  /** Character pairs chained top-to-bottom per pair chained left-to-right: above ~1 the text runs vertically. */
  verticalRatio: number;
}

const TILE = 8;
const SAUVOLA_K = 0.3;
const SAUVOLA_R = 128;
/** Neighbourhoods flatter than this (grey-level deviation) hold no text. */
const MIN_DEVIATION = 6;

/** Finds text-line candidates of both polarities in `gray`. */
export function detectTextLines(gray: GrayImage): TextDetection {
  const thresholds = localThresholds(gray);
  const dark = new RunList();
  const light = new RunList();
  classify(gray, thresholds, dark, light);

  const darkResult = chainCharacters(gray, thresholds, dark, 'dark');
  const lightResult = chainCharacters(gray, thresholds, light, 'light');
  const lines = resolveOverlaps([...darkResult.lines, ...lightResult.lines]);
  const horizontal = darkResult.horizontalPairs + lightResult.horizontalPairs;
  const vertical = darkResult.verticalPairs + lightResult.verticalPairs;
  return { lines, verticalRatio: vertical / Math.max(1, horizontal) };
}

interface Thresholds {
  tilesX: number;
  /** Per 8×8 tile: pixels below `darkBelow` are dark text candidates, above `lightAbove` light ones. */
  darkBelow: Float32Array;
  lightAbove: Float32Array;
  /** Integral image of the tiles' grey sums ((tilesX + 1) per row), for the mean grey of a box. */
  integral: Float64Array;
}

/**
 * Sauvola thresholds per 8×8 tile from the mean and deviation of a window around it (about 1/12 of the
 * shorter side). Tiles whose window is flat get thresholds no pixel can pass.
 */
function localThresholds(gray: GrayImage): Thresholds {
  const { width, height, data } = gray;
  const tilesX = Math.ceil(width / TILE);
  const tilesY = Math.ceil(height / TILE);
  const stride = tilesX + 1;
  const sum = new Float64Array(stride * (tilesY + 1));
  const sumSq = new Float64Array(stride * (tilesY + 1));
  const rowSum = new Uint32Array(tilesX);
  const rowSumSq = new Uint32Array(tilesX);
  for (let ty = 0; ty < tilesY; ty++) {
    rowSum.fill(0);
    rowSumSq.fill(0);
    for (let y = ty * TILE; y < Math.min(height, (ty + 1) * TILE); y++) {
      let i = y * width;
      for (let tx = 0; tx < tilesX; tx++) {
        const end = Math.min(width, (tx + 1) * TILE) + y * width;
        let s = 0;
        let sq = 0;
        for (; i < end; i++) {
          const v = data[i];
          s += v;
          sq += v * v;
        }
        rowSum[tx] += s;
        rowSumSq[tx] += sq;
      }
    }
    const row = (ty + 1) * stride;
    for (let tx = 0; tx < tilesX; tx++) {
      sum[row + tx + 1] = rowSum[tx] + sum[row + tx] + sum[row - stride + tx + 1] - sum[row - stride + tx];
      sumSq[row + tx + 1] = rowSumSq[tx] + sumSq[row + tx] + sumSq[row - stride + tx + 1] - sumSq[row - stride + tx];
    }
  }
  const radius = Math.max(2, Math.round(Math.min(width, height) / 12 / TILE / 2));
  const darkBelow = new Float32Array(tilesX * tilesY);
  const lightAbove = new Float32Array(tilesX * tilesY);
  for (let ty = 0; ty < tilesY; ty++) {
    const y0 = Math.max(0, ty - radius);
    const y1 = Math.min(tilesY, ty + radius + 1);
    const rows = Math.min(height, y1 * TILE) - y0 * TILE;
    for (let tx = 0; tx < tilesX; tx++) {
      const x0 = Math.max(0, tx - radius);
      const x1 = Math.min(tilesX, tx + radius + 1);
      const n = rows * (Math.min(width, x1 * TILE) - x0 * TILE);
      const at = (a: Float64Array) => a[y1 * stride + x1] - a[y0 * stride + x1] - a[y1 * stride + x0] + a[y0 * stride + x0];
      const m = at(sum) / n;
      const deviation = Math.sqrt(Math.max(0, at(sumSq) / n - m * m));
      const t = ty * tilesX + tx;
      if (deviation < MIN_DEVIATION) {
        darkBelow[t] = -1;
        lightAbove[t] = 256;
        continue;
      }
      const factor = 1 + SAUVOLA_K * (deviation / SAUVOLA_R - 1);
      darkBelow[t] = m * factor;
      lightAbove[t] = 255 - (255 - m) * factor;
    }
  }
  return { tilesX, darkBelow, lightAbove, integral: sum };
}

/** Splits pixels into runs darker (`dark`) and lighter (`light`) than their tile's thresholds. */
function classify(gray: GrayImage, t: Thresholds, dark: RunList, light: RunList): void {
  const { width, height, data } = gray;
  for (let y = 0; y < height; y++) {
    const tileRow = ((y / TILE) | 0) * t.tilesX;
    const base = y * width;
    let darkStart = -1;
    let lightStart = -1;
    for (let x0 = 0, tile = tileRow; x0 < width; x0 += TILE, tile++) {
      const below = t.darkBelow[tile];
      const above = t.lightAbove[tile];
      const x1 = Math.min(width, x0 + TILE);
      for (let x = x0; x < x1; x++) {
        const v = data[base + x];
        if (v < below) {
          if (darkStart < 0) darkStart = x;
        } else if (darkStart >= 0) {
          dark.push(y, darkStart, x);
          darkStart = -1;
        }
        if (v > above) {
          if (lightStart < 0) lightStart = x;
        } else if (lightStart >= 0) {
          light.push(y, lightStart, x);
          lightStart = -1;
        }
      }
    }
    if (darkStart >= 0) dark.push(y, darkStart, width);
    if (lightStart >= 0) light.push(y, lightStart, width);
  }
}

interface ChainResult {
  lines: LineCandidate[];
  horizontalPairs: number;
  verticalPairs: number;
}

/** Does component `c` look like a character (or a few touching ones)? */
function characterLike(cc: Components, c: number, imageHeight: number): boolean {
  const w = cc.maxX[c] - cc.minX[c];
  const h = cc.maxY[c] - cc.minY[c];
  if (h < 5 || h > imageHeight * 0.4 || cc.area[c] < 5) return false;
  const fill = cc.area[c] / (w * h);
  if (w <= 0.4 * h) return fill > 0.3; // l, I, 1 and friends are nearly solid bars
  if (w > 8 * h) return false;
  if (w > 2.5 * h && fill > 0.6) return false; // bars and rules
  return fill >= 0.1 && fill <= 0.92;
}

/**
 * Drops frames: components whose box holds another sizeable component of the same polarity (the border
 * of a pictogram around its figure, a box around a label). A letter's counters are never filled with
 * ink of its own colour, so letters pass. A frame about as wide as it is tall around one to three
 * components is a pictogram (a walking figure in its square on a direction sign, an icon on a button):
 * what it holds goes too, or the figure is read as a letter ("I", "À") of the word beside it.
 */
function withoutFrames(cc: Components, candidates: number[]): number[] {
  const cell = 32;
  const grid = new Map<number, number[]>();
  const key = (x: number, y: number) => Math.floor(y / cell) * 100003 + Math.floor(x / cell);
  for (let c = 0; c < cc.count; c++) {
    if (cc.area[c] < 4) continue;
    const k = key(cc.minX[c], cc.minY[c]);
    const list = grid.get(k);
    if (list) list.push(c);
    else grid.set(k, [c]);
  }
  const pictogram = new Set<number>();
  const frames = new Set<number>();
  for (const c of candidates) {
    const x0 = cc.minX[c], y0 = cc.minY[c], x1 = cc.maxX[c], y1 = cc.maxY[c];
    const minArea = 0.02 * (x1 - x0) * (y1 - y0);
    const inside: number[] = [];
    for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) {
      for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++) {
        for (const d of grid.get(gy * 100003 + gx) ?? []) {
          if (d === c || cc.area[d] < minArea) continue;
          if (cc.minX[d] > x0 && cc.maxX[d] < x1 && cc.minY[d] > y0 && cc.maxY[d] < y1) inside.push(d);
        }
      }
    }
    if (inside.length === 0) continue;
    frames.add(c);
    const aspect = (x1 - x0) / (y1 - y0);
    if (aspect >= 0.6 && aspect <= 1.7 && inside.length <= 3) for (const d of inside) pictogram.add(d);
  }
  return candidates.filter((c) => !frames.has(c) && !pictogram.has(c));
}

function chainCharacters(gray: GrayImage, thresholds: Thresholds, runs: RunList, polarity: Polarity): ChainResult {
  const cc = labelRuns(runs);
  const candidates: number[] = [];
  for (let c = 0; c < cc.count; c++) if (characterLike(cc, c, gray.height)) candidates.push(c);
  const chars = withoutFrames(cc, candidates);

  // Spatial hash of characters by the grid cell of their top-left corner.
  const cell = 32;
  const gridW = Math.ceil(gray.width / cell) + 1;
  const grid = new Map<number, number[]>();
  for (const c of chars) {
    const key = Math.floor(cc.minY[c] / cell) * gridW + Math.floor(cc.minX[c] / cell);
    const list = grid.get(key);
    if (list) list.push(c);
    else grid.set(key, [c]);
  }

  const parent = new Map<number, number>();
  for (const c of chars) parent.set(c, c);
  const find = (c: number): number => {
    let p = parent.get(c)!;
    while (p !== c) {
      const gp = parent.get(p)!;
      parent.set(c, gp);
      c = p;
      p = gp;
    }
    return c;
  };
  let horizontalPairs = 0;
  let verticalPairs = 0;

  const union = (a: number, b: number) => {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  const leftOf = new Map<number, { left: number; gap: number }>();
  for (const a of chars) {
    const ax0 = cc.minX[a], ax1 = cc.maxX[a], ay0 = cc.minY[a], ay1 = cc.maxY[a];
    const ah = ay1 - ay0;
    const aw = ax1 - ax0;
    // Cells that can hold a right-hand neighbour (gap ≤ 0.9 × a height up to twice ours, overlapping
    // our rows) or one below (the same with the axes swapped); grid cells are keyed by top-left corner.
    const gx0 = Math.floor((ax0 - 2 * aw) / cell), gx1 = Math.floor((ax1 + 1.8 * ah) / cell);
    const gy0 = Math.floor((ay0 - 2 * ah) / cell), gy1 = Math.floor((ay1 + 1.8 * aw) / cell);
    // Each character links to its nearest right-hand neighbour, and each to its nearest left-hand one,
    // so chains stay lines rather than spreading through textures (bricks, leaves) where every blob
    // has many similar neighbours.
    let best = -1;
    let bestGap = Infinity;
    let below = -1;
    let belowGap = Infinity;
    for (let gy = Math.max(0, gy0); gy <= gy1; gy++) {
      for (let gx = Math.max(0, gx0); gx <= gx1; gx++) {
        const list = grid.get(gy * gridW + gx);
        if (!list) continue;
        for (const b of list) {
          if (b === a) continue;
          const bx0 = cc.minX[b], bx1 = cc.maxX[b], by0 = cc.minY[b], by1 = cc.maxY[b];
          const bh = by1 - by0;
          const bw = bx1 - bx0;
          if (bx0 > ax0 + 0.3 * aw) {
            // Right-hand neighbour: similar height, sharing most of its height, a small gap apart.
            const hRatio = Math.max(ah, bh) / Math.min(ah, bh);
            const vOverlap = Math.min(ay1, by1) - Math.max(ay0, by0);
            const hGap = bx0 - ax1;
            if (
              hRatio <= 2 &&
              vOverlap >= 0.6 * Math.min(ah, bh) &&
              hGap <= 0.9 * Math.max(ah, bh) &&
              hGap >= -0.5 * Math.min(aw, bw) && // italic and script letters overlap
              hGap < bestGap
            ) {
              best = b;
              bestGap = hGap;
            }
          }
          if (by0 > ay0 + 0.3 * ah) {
            // The same test with the axes swapped, counted only to tell vertical text.
            const wRatio = Math.max(aw, bw) / Math.max(1, Math.min(aw, bw));
            const hOverlap = Math.min(ax1, bx1) - Math.max(ax0, bx0);
            const vGap = by0 - ay1;
            if (wRatio <= 2 && hOverlap >= 0.6 * Math.min(aw, bw) && vGap <= 0.9 * Math.max(aw, bw) && vGap < belowGap) {
              below = b;
              belowGap = vGap;
            }
          }
        }
      }
    }
    if (best >= 0) {
      // Several blobs may pick the same right neighbour; only the closest becomes its left neighbour.
      const previous = leftOf.get(best);
      if (previous === undefined || bestGap < previous.gap) leftOf.set(best, { left: a, gap: bestGap });
      if (bestGap <= 0.4 * ah) horizontalPairs++;
    }
    if (below >= 0 && belowGap >= 0 && belowGap <= 0.4 * aw && aw >= 6) verticalPairs++;
  }

  for (const [right, { left }] of leftOf) union(left, right);

  const groups = new Map<number, number[]>();
  for (const c of chars) {
    const root = find(c);
    const list = groups.get(root);
    if (list) list.push(c);
    else groups.set(root, [c]);
  }

  // Grey sums of each component's pixels, for the ink level of its line.
  const inkSum = new Float64Array(cc.count);
  for (let k = 0; k < runs.count; k++) {
    const c = cc.runComponent[k];
    const row = runs.row[k] * gray.width;
    let s = 0;
    for (let x = runs.start[k]; x < runs.end[k]; x++) s += gray.data[row + x];
    inkSum[c] += s;
  }

  // Runs grouped by component (counting sort), for the grey histogram of a line's characters.
  const runStart = new Int32Array(cc.count + 1);
  for (let k = 0; k < runs.count; k++) runStart[cc.runComponent[k] + 1]++;
  for (let c = 0; c < cc.count; c++) runStart[c + 1] += runStart[c];
  const runOrder = new Int32Array(runs.count);
  const fill = runStart.slice(0, cc.count);
  for (let k = 0; k < runs.count; k++) runOrder[fill[cc.runComponent[k]]++] = k;
  const histogram = new Uint32Array(256);
  const inkThresholdOf = (members: number[]) => {
    histogram.fill(0);
    let n = 0;
    for (const c of members) {
      for (let r = runStart[c]; r < runStart[c + 1]; r++) {
        const k = runOrder[r];
        const row = runs.row[k] * gray.width;
        for (let x = runs.start[k]; x < runs.end[k]; x++) histogram[gray.data[row + x]]++;
        n += runs.end[k] - runs.start[k];
      }
    }
    // Walk from the paper side until 15% of the pixels are behind.
    let seen = 0;
    if (polarity === 'light') {
      for (let v = 0; v < 256; v++) if ((seen += histogram[v]) > 0.15 * n) return v;
      return 255;
    }
    for (let v = 255; v >= 0; v--) if ((seen += histogram[v]) > 0.15 * n) return v;
    return 0;
  };

  const lines: LineCandidate[] = [];
  for (const chain of groups.values()) {
    if (chain.length < 2 && !wordBlob(cc, chain[0])) continue;
    // Drop members far from the chain's typical height (a pictogram or arrow next to the words).
    const sortedHeights = chain.map((c) => cc.maxY[c] - cc.minY[c]).sort((p, q) => p - q);
    const typical = sortedHeights[sortedHeights.length >> 1];
    const members = chain
      .filter((c) => {
        const h = cc.maxY[c] - cc.minY[c];
        return h >= 0.5 * typical && h <= 1.7 * typical;
      })
      .sort((p, q) => cc.minX[p] - cc.minX[q]);
    // A tall blob set apart at either end is a pictogram or arrow beside the words, not a capital.
    const detached = (c: number, neighbour: number | undefined) =>
      neighbour !== undefined &&
      cc.maxY[c] - cc.minY[c] > 1.45 * typical &&
      cc.maxX[c] - cc.minX[c] > 0.35 * (cc.maxY[c] - cc.minY[c]) &&
      Math.max(cc.minX[neighbour] - cc.maxX[c], cc.minX[c] - cc.maxX[neighbour]) > 0.45 * typical;
    if (members.length > 2 && detached(members[members.length - 1], members[members.length - 2])) members.pop();
    if (members.length > 2 && detached(members[0], members[1])) members.shift();
    if (members.length < 2 && !(members.length === 1 && wordBlob(cc, members[0]))) continue;
    let x0 = Infinity, y0 = Infinity, x1 = 0, y1 = 0, ink = 0, inkArea = 0;
    for (const c of members) {
      x0 = Math.min(x0, cc.minX[c]);
      y0 = Math.min(y0, cc.minY[c]);
      x1 = Math.max(x1, cc.maxX[c]);
      y1 = Math.max(y1, cc.maxY[c]);
      ink += inkSum[c];
      inkArea += cc.area[c];
    }
    const charHeight = typical;
    // A line is about one character high (some tilt allowed); taller chains wandered through texture.
    if (y1 - y0 > 2.5 * charHeight) continue;
    if (!alignedOnALine(cc, members, charHeight)) continue;
    const box = padBox({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, charHeight, gray);
    const inkLevel = ink / inkArea;
    const boxSum = sumBox(thresholds, gray, box);
    const paperArea = box.width * box.height - inkArea;
    const paperLevel = paperArea > 0 ? (boxSum - ink) / paperArea : 255 - inkLevel;
    if (!plausibleLine(members.length, charHeight, Math.abs(paperLevel - inkLevel), x1 - x0)) continue;
    const parts = members.map((c) => ({
      x: cc.minX[c],
      y: cc.minY[c],
      width: cc.maxX[c] - cc.minX[c],
      height: cc.maxY[c] - cc.minY[c],
    }));
    const inkThreshold = inkThresholdOf(members);
    lines.push({ box, polarity, charHeight, inkLevel, paperLevel, inkThreshold, characters: members.length, parts });
  }
  return { lines: joinLineFragments(lines), horizontalPairs, verticalPairs };
}

/**
 * Chains break where a letter was too small or thin to pass as a character (an l or r in small print, a
 * quotation mark) or at a wide word space; fragments of one line (same size, same baseline, a gap of at
 * most about a word space) are joined so the line is read, and its words split, as a whole.
 */
function joinLineFragments(lines: LineCandidate[]): LineCandidate[] {
  const out = [...lines].sort((a, b) => a.box.x - b.box.x);
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i];
        const b = out[j];
        const ratio = Math.max(a.charHeight, b.charHeight) / Math.min(a.charHeight, b.charHeight);
        const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
        const gap = b.box.x - (a.box.x + a.box.width);
        // Up to 1.5: a fragment of tall letters (capitals, ascenders) beside one of x-height letters.
        if (ratio > 1.5 || overlap < 0.6 * Math.min(a.box.height, b.box.height)) continue;
        if (gap > 1.2 * Math.max(a.charHeight, b.charHeight)) continue;
        out[i] = joinCandidates(a, b);
        out.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return out;
}

/**
 * Characters of a line sit on a straight (possibly tilted) line: fit the centres of the members and
 * require most of them close to it. Texture (leaves, gravel, brickwork) chains wander.
 */
function alignedOnALine(cc: Components, members: number[], charHeight: number): boolean {
  if (members.length < 3) return true;
  const xs = members.map((c) => (cc.minX[c] + cc.maxX[c]) / 2);
  const ys = members.map((c) => (cc.minY[c] + cc.maxY[c]) / 2);
  const n = members.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  if (Math.abs(slope) > 0.35) return false; // steeper than ~20°: not a line we read
  const close = ys.filter((y, i) => Math.abs(y - (my + slope * (xs[i] - mx))) <= 0.3 * charHeight).length;
  return close >= 0.75 * n;
}

/**
 * Cheap tests that spare Tesseract most of the noise a photo yields. Measured on the fixtures, two-blob
 * chains were almost all texture (and cost as much time to read as the real text), so a pair must be
 * large and contrasty to be read (a button label such as "OK" is), and a lone word-shaped blob more so;
 * faint chains are shadows and reflections.
 */
export function plausibleLine(characters: number, charHeight: number, contrast: number, width: number): boolean {
  if (contrast < 25) return false;
  if (characters === 1) return contrast >= 80 && charHeight >= 12 && width >= 1.8 * charHeight;
  if (characters === 2) return contrast >= 80 && charHeight >= 10;
  return true;
}

/**
 * A lone component shaped like a whole word: letters run together by blur, heavy type or script.
 * Solid bars and boxes are too full, outlines too empty.
 */
function wordBlob(cc: Components, c: number): boolean {
  const w = cc.maxX[c] - cc.minX[c];
  const h = cc.maxY[c] - cc.minY[c];
  const fill = cc.area[c] / (w * h);
  return h >= 12 && w >= 1.8 * h && w <= 8 * h && fill >= 0.25 && fill <= 0.7;
}

/** `box` with room for accents, descenders and the letters' edges around it, clipped to `gray`. */
export function padBox(box: Box, charHeight: number, gray: GrayImage): Box {
  const padX = Math.round(0.5 * charHeight) + 2;
  const padY = Math.round(0.3 * charHeight) + 2;
  const x = Math.max(0, box.x - padX);
  const y = Math.max(0, box.y - padY);
  return {
    x,
    y,
    width: Math.min(gray.width, box.x + box.width + padX) - x,
    height: Math.min(gray.height, box.y + box.height + padY) - y,
  };
}

/** Grey sum over `box`, from the tile integral (the box widened to whole tiles, then scaled to its area). */
function sumBox(t: Thresholds, gray: GrayImage, box: Box): number {
  const stride = t.tilesX + 1;
  const x0 = Math.floor(box.x / TILE);
  const y0 = Math.floor(box.y / TILE);
  const x1 = Math.ceil((box.x + box.width) / TILE);
  const y1 = Math.ceil((box.y + box.height) / TILE);
  const s = t.integral[y1 * stride + x1] - t.integral[y0 * stride + x1] - t.integral[y1 * stride + x0] + t.integral[y0 * stride + x0];
  const tiledArea = (Math.min(gray.width, x1 * TILE) - x0 * TILE) * (Math.min(gray.height, y1 * TILE) - y0 * TILE);
  return (s / tiledArea) * box.width * box.height;
}

/**
 * Where a dark-text and a light-text line claim the same place (one is usually the gaps or counters of
 * the other's letters), keep the one with more characters of greater height.
 */
function resolveOverlaps(lines: LineCandidate[]): LineCandidate[] {
  const weight = (l: LineCandidate) => l.characters * l.charHeight;
  const sorted = [...lines].sort((a, b) => weight(b) - weight(a));
  const kept: LineCandidate[] = [];
  for (const line of sorted) {
    const clash = kept.some((k) => {
      if (k.polarity === line.polarity) return false;
      const shared = intersection(k.box, line.box);
      return shared > 0.5 * Math.min(area(k.box), area(line.box)) && shared > 0.3 * Math.max(area(k.box), area(line.box));
    });
    if (!clash) kept.push(line);
  }
  return kept;
}

function area(b: Box): number {
  return b.width * b.height;
}

function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** One candidate covering both, its measures weighted by their characters. */
export function joinCandidates(a: LineCandidate, b: LineCandidate): LineCandidate {
  const n = a.characters + b.characters;
  const x0 = Math.min(a.box.x, b.box.x);
  const y0 = Math.min(a.box.y, b.box.y);
  const weighted = (key: 'charHeight' | 'inkLevel' | 'paperLevel' | 'inkThreshold') => (a[key] * a.characters + b[key] * b.characters) / n;
  return {
    box: {
      x: x0,
      y: y0,
      width: Math.max(a.box.x + a.box.width, b.box.x + b.box.width) - x0,
      height: Math.max(a.box.y + a.box.height, b.box.y + b.box.height) - y0,
    },
    polarity: a.polarity,
    charHeight: weighted('charHeight'),
    inkLevel: weighted('inkLevel'),
    paperLevel: weighted('paperLevel'),
    inkThreshold: weighted('inkThreshold'),
    characters: n,
    parts: [...a.parts, ...b.parts],
  };
}

/**
 * Which pixels of a line are letters. The background is the median colour of a ring just outside the
 * line's box; every pixel gets its colour distance to it, and Otsu's threshold on those distances splits
 * ink from background. That handles dark-on-light, light-on-dark and coloured text alike, and on photos
 * it separates letters from the (more similar) texture behind them. Only pixels near the OCR's word
 * boxes count, and only whole letter-sized shapes: a pictogram beside the words, the border of a sign
 * crossing the line's box or a thin underline is left alone — but a full stop the OCR left out of its
 * word is taken. A coloured band behind the words (a sign's header strip) is recognised, and the
 * letters are then found against the band's colour instead.
 */
import type { Box, OcrLine, RgbaImage, Rgb } from '../types';
import { labelRuns, RunList } from '../ocr/connected-components';
import { borderMedian, clipBox, colourDistance, growBox, medianOf, otsuThreshold, unionBox } from './colour';

/** Below this distance a pixel never counts as ink: sensor noise and JPEG ringing stay background. */
const MIN_INK_DISTANCE = 14;

export interface LineInk {
  /** The padded line box (clipped to the image) that `ink` and `distance` cover. */
  area: Box;
  /** 1 where the pixel is a letter's (not grown). */
  ink: Uint8Array;
  /** Colour distance of each pixel to `background`, clamped to 0..255. */
  distance: Uint8Array;
  background: Rgb;
  threshold: number;
  /** Mean distance of the border ring to its median: how busy the background is. */
  backgroundNoise: number;
}

/**
 * Above this share of the thin ring just outside the words' boxes, what was found as ink is not the
 * letters (a tight word box has its letters inside, background around) but a band behind them.
 */
const MAX_RING_INK = 0.5;

/**
 * Finds the ink of one line. Excluded words' pixels are never ink (they must stay as they are).
 *
 * A coloured band behind the words that ends inside the padded box (a sign's header strip, a label)
 * can differ from the ring around the box as much as the letters do, and then reads as ink — visible
 * as ink all around the words, where letters never are. The band's own colour (the median of that
 * "ink") is then the background the letters stand on, and they are found again against it.
 */
export function lineInk(image: RgbaImage, line: OcrLine): LineInk {
  const h = line.box.height;
  const pad = Math.max(2, Math.round(0.2 * h));
  const area = clipBox(growBox(line.box, pad, pad), image.width, image.height);
  const ring = Math.max(1, Math.round(pad / 2));
  const found = inkAgainst(image, line, area, borderMedian(image, area, ring));
  const words = line.words.filter((w) => !w.excluded);
  const aroundWords = ringAroundWords(area, words);
  if (inkShare(found.ink, aroundWords) <= MAX_RING_INK) return { ...found, backgroundNoise: ringNoise(found.distance, area, ring) };

  // The threshold comes from the words' boxes alone: the surround (as far from the band as the letters,
  // or farther) would otherwise take the letters' side of it.
  const onBand = inkAgainst(image, line, area, inkMedian(image, found.ink, area), words);
  if (inkShare(onBand.ink, aroundWords) > MAX_RING_INK) return { ...found, backgroundNoise: ringNoise(found.distance, area, ring) };
  return { ...onBand, backgroundNoise: bandNoise(onBand, words) };
}

/**
 * Ink of the line against a given background colour (see lineInk); Otsu's threshold is taken over the
 * whole area, or over the boxes of `histogramWords` when given.
 */
function inkAgainst(image: RgbaImage, line: OcrLine, area: Box, background: Rgb, histogramWords?: OcrLine['words']): Omit<LineInk, 'backgroundNoise'> {
  const distance = new Uint8Array(area.width * area.height);
  const hist = new Uint32Array(256);
  for (let y = 0; y < area.height; y++) {
    let i = ((area.y + y) * image.width + area.x) * 4;
    for (let x = 0; x < area.width; x++, i += 4) {
      const d = Math.min(255, Math.round(colourDistance(image.data[i], image.data[i + 1], image.data[i + 2], background)));
      distance[y * area.width + x] = d;
      if (!histogramWords) hist[d]++;
    }
  }
  if (histogramWords) forEachInWords(area, histogramWords, (k) => hist[distance[k]]++);
  const threshold = Math.max(MIN_INK_DISTANCE, otsuThreshold(hist));
  // On a band, only what lies within the words' boxes can be letters: around them is the band's edge,
  // its border and whatever is fixed to it (a screw touching a letter would otherwise take it along).
  const ink = keepLetterComponents(distance, threshold, area, line, histogramWords !== undefined);
  return { area, ink, distance, background, threshold };
}

/**
 * Area indices of a ring 2 px wide, 1 px outside the words' boxes (outside all of them): where the
 * background around the letters is.
 */
function ringAroundWords(area: Box, words: OcrLine['words']): Int32Array {
  const outer = new Uint8Array(area.width * area.height);
  for (const word of words) paintBox(outer, area, growBox(word.box, 3, 3), 1);
  for (const word of words) paintBox(outer, area, growBox(word.box, 1, 1), 0);
  const indices: number[] = [];
  for (let k = 0; k < outer.length; k++) if (outer[k]) indices.push(k);
  return Int32Array.from(indices);
}

function inkShare(ink: Uint8Array, at: Int32Array): number {
  let on = 0;
  for (const k of at) on += ink[k];
  return at.length ? on / at.length : 0;
}

/** Per-channel median colour of the ink pixels. */
function inkMedian(image: RgbaImage, ink: Uint8Array, area: Box): Rgb {
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let count = 0;
  for (let k = 0; k < ink.length; k++) {
    if (!ink[k]) continue;
    const i = ((area.y + Math.floor(k / area.width)) * image.width + area.x + (k % area.width)) * 4;
    for (let c = 0; c < 3; c++) hist[c][image.data[i + c]]++;
    count++;
  }
  return [medianOf(hist[0], count), medianOf(hist[1], count), medianOf(hist[2], count)];
}

/** How busy a band is: mean distance to its colour of the non-ink pixels inside the words' boxes. */
function bandNoise(found: Omit<LineInk, 'backgroundNoise'>, words: OcrLine['words']): number {
  let sum = 0;
  let count = 0;
  forEachInWords(found.area, words, (k) => {
    if (found.ink[k] || found.distance[k] > found.threshold) return;
    sum += found.distance[k];
    count++;
  });
  return count ? sum / count : 0;
}

/** Calls `visit` with the area index of every pixel inside one of the words' boxes (once each). */
function forEachInWords(area: Box, words: OcrLine['words'], visit: (k: number) => void): void {
  const inside = new Uint8Array(area.width * area.height);
  for (const word of words) paintBox(inside, area, word.box, 1);
  for (let k = 0; k < inside.length; k++) if (inside[k]) visit(k);
}

/**
 * Keeps the connected shapes above the threshold that are letters of the line's (non-excluded) words:
 * mostly inside a word box, and not much taller or wider than the words. Borders, rules and the edges of
 * plates that cross the padded box are long shapes, mostly outside the words, and are dropped. Thin
 * horizontal rules (an underline) are taken out first, so that a descender touching one is still a
 * letter of its own. With `withinWords`, only pixels within a pixel of the words' boxes are considered.
 */
function keepLetterComponents(distance: Uint8Array, threshold: number, area: Box, line: OcrLine, withinWords = false): Uint8Array {
  const h = line.box.height;
  const words = line.words.filter((w) => !w.excluded);
  const near = new Uint8Array(area.width * area.height);
  for (const word of words) paintBox(near, area, growBox(word.box, Math.max(1, 0.1 * h), Math.max(1, 0.15 * h)), 1);
  const candidate = new Uint8Array(area.width * area.height).fill(withinWords ? 0 : 1);
  if (withinWords) for (const word of words) paintBox(candidate, area, growBox(word.box, 1, 1), 1);
  for (let k = 0; k < candidate.length; k++) if (distance[k] <= threshold) candidate[k] = 0;
  dropThinRules(candidate, area, h);

  const runs = new RunList();
  for (let y = 0; y < area.height; y++) {
    let start = -1;
    for (let x = 0; x <= area.width; x++) {
      const on = x < area.width && candidate[y * area.width + x] === 1;
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        runs.push(y, start, x);
        start = -1;
      }
    }
  }
  const components = labelRuns(runs);
  const inside = new Int32Array(components.count);
  for (let k = 0; k < runs.count; k++) {
    const row = runs.row[k] * area.width;
    for (let x = runs.start[k]; x < runs.end[k]; x++) inside[components.runComponent[k]] += near[row + x];
  }
  // The words' extent in area coordinates, grown by what letters may overshoot (accents, descenders).
  const span = words.length ? growBox(unionBox(words.map((w) => w.box)), 0.5 * h, 0.45 * h) : { x: 0, y: 0, width: 0, height: 0 };
  const keep = new Uint8Array(components.count);
  for (let c = 0; c < components.count; c++) {
    const withinSpan =
      components.minX[c] + area.x >= span.x && components.maxX[c] + area.x <= span.x + span.width &&
      components.minY[c] + area.y >= span.y && components.maxY[c] + area.y <= span.y + span.height;
    const letter = inside[c] > 0 && withinSpan && inside[c] >= 0.6 * components.area[c];
    keep[c] = letter || (withinSpan && isPunctuation(components, c, area, line)) ? 1 : 0;
  }
  const ink = new Uint8Array(area.width * area.height);
  for (let k = 0; k < runs.count; k++) {
    if (!keep[components.runComponent[k]]) continue;
    const row = runs.row[k] * area.width;
    ink.fill(1, row + runs.start[k], row + runs.end[k]);
  }
  // Excluded words keep their pixels even where a letter shape touches them.
  for (const word of line.words) if (word.excluded) paintBox(ink, area, growBox(word.box, 1, 1), 0);
  return ink;
}

/**
 * Clears the pixels of thin horizontal rules: runs longer than the line is tall whose ink is at most
 * max(2, 0.08 × line height) thick. Letters' bars are short or thick; a rule under a link, or the edge
 * of a frame, is long and thin.
 */
function dropThinRules(on: Uint8Array, area: Box, h: number): void {
  const thin = Math.max(2, Math.round(0.08 * h));
  const rule = new Uint8Array(on.length);
  for (let y = 0; y < area.height; y++) {
    const row = y * area.width;
    for (let x = 0; x < area.width; ) {
      if (!on[row + x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < area.width && on[row + end]) end++;
      if (end - x > h) {
        for (let i = x; i < end; i++) {
          // The vertical extent of the ink through this pixel.
          let top = y;
          while (top > 0 && on[(top - 1) * area.width + i] && y - top < thin) top--;
          let bottom = y;
          while (bottom + 1 < area.height && on[(bottom + 1) * area.width + i] && bottom - top + 1 <= thin) bottom++;
          if (bottom - top + 1 <= thin) rule[row + i] = 1;
        }
      }
      x = end;
    }
  }
  for (let k = 0; k < on.length; k++) if (rule[k]) on[k] = 0;
}

/**
 * A full stop, comma or colon the OCR left out of its word: a small shape on the line (within its box
 * vertically), beside a word — one that is not excluded, whose punctuation stays with it.
 */
function isPunctuation(components: ReturnType<typeof labelRuns>, c: number, area: Box, line: OcrLine): boolean {
  const h = line.box.height;
  const x0 = components.minX[c] + area.x;
  const x1 = components.maxX[c] + area.x;
  const y0 = components.minY[c] + area.y;
  const y1 = components.maxY[c] + area.y;
  if (x1 - x0 > 0.3 * h || y1 - y0 > 0.3 * h || y0 < line.box.y || y1 > line.box.y + line.box.height) return false;
  let nearest: OcrLine['words'][number] | undefined;
  let gap = Infinity;
  for (const word of line.words) {
    const g = Math.max(word.box.x - x1, x0 - (word.box.x + word.box.width), 0);
    if (g < gap) (gap = g), (nearest = word);
  }
  return nearest !== undefined && !nearest.excluded && gap <= 0.3 * h;
}

/**
 * The line's ink grown into the soft edge around it (hysteresis): neighbours still clearly off the
 * background colour — above a third of the ink threshold, and twice the background's own noise — join,
 * step by step, up to `radius` pixels out. Blurred or glowing letters fade over several pixels, more than
 * the fixed margin the region mask adds, and their faded rim would otherwise stay as a ghost.
 */
export function softInk(found: LineInk, radius: number): Uint8Array {
  const { area, distance } = found;
  const low = Math.max(MIN_INK_DISTANCE, Math.round(found.threshold / 3), Math.round(2 * found.backgroundNoise));
  let grown = found.ink.slice();
  for (let step = 0; step < radius; step++) {
    const next = grown.slice();
    let added = 0;
    for (let y = 0; y < area.height; y++) {
      for (let x = 0; x < area.width; x++) {
        const k = y * area.width + x;
        if (grown[k] || distance[k] <= low) continue;
        let touches = false;
        for (let dy = -1; dy <= 1 && !touches; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < area.width && ny < area.height && grown[ny * area.width + nx]) touches = true;
          }
        }
        if (touches) (next[k] = 1), added++;
      }
    }
    grown = next;
    if (added === 0) break;
  }
  return grown;
}

/** Sets `value` on the pixels of `box` that fall inside `area` (a mask covering `area`). */
export function paintBox(mask: Uint8Array, area: Box, box: Box, value: number): void {
  const x0 = Math.max(0, Math.floor(box.x - area.x));
  const y0 = Math.max(0, Math.floor(box.y - area.y));
  const x1 = Math.min(area.width, Math.ceil(box.x + box.width - area.x));
  const y1 = Math.min(area.height, Math.ceil(box.y + box.height - area.y));
  for (let y = y0; y < y1; y++) mask.fill(value, y * area.width + x0, y * area.width + Math.max(x0, x1));
}

/**
 * Closes the narrow gaps between masked runs along each row (a horizontal morphological closing by
 * `radius`): between letters set close together such a gap holds nothing but the fringes of both
 * letters (anti-aliasing, outlines, JPEG ringing) and, left out of the mask, would stay behind as a
 * thin line where each gap was. Only rows are closed: the space between lines of text is kept, since
 * closing it too would swallow whole signs and leave nothing of their background to fill from.
 */
export function closeGaps(mask: Uint8Array<ArrayBuffer>, width: number, height: number, radius: number): Uint8Array<ArrayBuffer> {
  if (radius <= 0) return mask;
  const out = mask.slice();
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let lastOn = -1;
    for (let x = 0; x < width; x++) {
      if (!mask[row + x]) continue;
      // A gap of at most 2 × radius since the previous masked pixel of the row is filled.
      if (lastOn >= 0 && x - lastOn - 1 <= 2 * radius) out.fill(1, row + lastOn + 1, row + x);
      lastOn = x;
    }
  }
  return out;
}

function ringNoise(distance: Uint8Array, area: Box, ring: number): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < area.height; y++) {
    for (let x = 0; x < area.width; x++) {
      const onRing = y < ring || y >= area.height - ring || x < ring || x >= area.width - ring;
      if (!onRing) continue;
      sum += distance[y * area.width + x];
      count++;
    }
  }
  return count ? sum / count : 0;
}

/**
 * Reads how a region's text looks — colour, size, weight, alignment — from its pixels and line boxes,
 * so the translation can be drawn to match. Measured on the original pixels, before anything is removed.
 */
import type { Box, OcrLine, RegionStyle, RgbaImage, Rgb, TextRegion } from '../types';
import { clipBox, contrastRatio, growBox } from './colour';
import type { LineInk } from './text-mask';

/** Below this contrast (WCAG ratio) between letters and background, the translation gets an outline. */
const MIN_CONTRAST = 3;
/** Above this mean ring distance the background is busy (a photo), and an outline keeps text legible. */
const BUSY_BACKGROUND = 28;
/** Stroke width / font size that separates bold from regular (Noto Sans: ~0.09 regular, ~0.15 bold). */
const BOLD_STROKE_RATIO = 0.125;

export function estimateStyle(image: RgbaImage, region: TextRegion, inks: LineInk[]): RegionStyle {
  const textColor = inkColour(image, inks);
  const backgroundColor = averageColour(inks.map((ink) => ink.background));
  const fontSize = median(region.lines.map(fontSizeOfLine));
  const lineHeight = estimateLineHeight(region.lines, fontSize);
  const strokeWidth = median(inks.map(medianRunLength).filter((w) => w > 0));
  const noise = Math.max(...inks.map((ink) => ink.backgroundNoise));
  const poorContrast = contrastRatio(textColor, backgroundColor) < MIN_CONTRAST;
  const outline = poorContrast || noise > BUSY_BACKGROUND ? { color: outlineColour(textColor), width: Math.max(1, Math.round(fontSize * 0.07)) } : null;
  const margin = Math.round(fontSize * 0.1);
  return {
    textColor,
    backgroundColor,
    fontSize,
    lineHeight,
    bold: strokeWidth / fontSize > BOLD_STROKE_RATIO,
    align: estimateAlign(region, image.width),
    outline,
    box: clipBox(growBox(region.box, margin, margin), image.width, image.height),
  };
}

/**
 * Font size from a line's ink height. The box spans from the tallest letter's top to the lowest
 * descender, so the em it implies depends on which letters the line has (Noto Sans proportions:
 * cap height 0.714 em, ascender ~0.76, x-height 0.536, descender ~0.24).
 */
export function fontSizeOfLine(line: OcrLine): number {
  const text = line.text;
  const tall = /[\p{Lu}\p{N}bdfhklt]/u.test(text);
  const accentedCap = /[ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝ]/u.test(text);
  const descender = /[gjpqyÇç,;]/u.test(text);
  const top = accentedCap ? 0.9 : tall ? 0.74 : 0.536;
  const bottom = descender ? 0.24 : 0;
  return line.box.height / (top + bottom);
}

function estimateLineHeight(lines: OcrLine[], fontSize: number): number {
  if (lines.length < 2) return fontSize * 1.2;
  const sorted = [...lines].sort((a, b) => a.box.y - b.box.y);
  const gaps = sorted.slice(1).map((line, i) => line.box.y + line.box.height - (sorted[i].box.y + sorted[i].box.height));
  return Math.min(fontSize * 2, Math.max(fontSize * 1.05, median(gaps)));
}

/** Left, centre or right: whichever edge the lines share best; one line keeps its left edge unless centred in the picture. */
function estimateAlign(region: TextRegion, imageWidth: number): RegionStyle['align'] {
  const boxes = region.lines.map((l) => l.box);
  if (boxes.length < 2) {
    const centre = region.box.x + region.box.width / 2;
    return Math.abs(centre - imageWidth / 2) < imageWidth * 0.08 ? 'center' : 'left';
  }
  const spread = (f: (b: Box) => number) => Math.max(...boxes.map(f)) - Math.min(...boxes.map(f));
  const left = spread((b) => b.x);
  const centre = spread((b) => b.x + b.width / 2);
  const right = spread((b) => b.x + b.width);
  if (left <= centre && left <= right) return 'left';
  return centre <= right ? 'center' : 'right';
}

/** The letters' colour: the mean of the pixels farthest from the background (the cores of the strokes, free of anti-aliasing). */
function inkColour(image: RgbaImage, inks: LineInk[]): Rgb {
  const sum = [0, 0, 0];
  let count = 0;
  for (const ink of inks) {
    let max = 0;
    for (let k = 0; k < ink.ink.length; k++) if (ink.ink[k] && ink.distance[k] > max) max = ink.distance[k];
    const core = (ink.threshold + max) / 2;
    for (let k = 0; k < ink.ink.length; k++) {
      if (!ink.ink[k] || ink.distance[k] < core) continue;
      const x = ink.area.x + (k % ink.area.width);
      const y = ink.area.y + Math.floor(k / ink.area.width);
      const i = (y * image.width + x) * 4;
      sum[0] += image.data[i];
      sum[1] += image.data[i + 1];
      sum[2] += image.data[i + 2];
      count++;
    }
  }
  if (count === 0) {
    // No ink found: pick whichever of black and white stands out from the background.
    return outlineColour(averageColour(inks.map((ink) => ink.background)));
  }
  return [Math.round(sum[0] / count), Math.round(sum[1] / count), Math.round(sum[2] / count)];
}

/** Black or white, whichever contrasts more with `colour`. */
function outlineColour(colour: Rgb): Rgb {
  return contrastRatio(colour, [0, 0, 0]) >= contrastRatio(colour, [255, 255, 255]) ? [0, 0, 0] : [255, 255, 255];
}

/** Median horizontal run of ink: about the width of a vertical stroke. */
function medianRunLength(ink: LineInk): number {
  const runs: number[] = [];
  for (let y = 0; y < ink.area.height; y++) {
    let run = 0;
    for (let x = 0; x <= ink.area.width; x++) {
      const on = x < ink.area.width && ink.ink[y * ink.area.width + x] === 1;
      if (on) run++;
      else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
  }
  return median(runs);
}

function averageColour(colours: Rgb[]): Rgb {
  const n = Math.max(1, colours.length);
  return [0, 1, 2].map((c) => Math.round(colours.reduce((s, col) => s + col[c], 0) / n)) as Rgb;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

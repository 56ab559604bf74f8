/**
 * Reads how a region's text looks — colour, size, weight, alignment — from its pixels and line boxes,
 * so the translation can be drawn to match. Measured on the original pixels, before anything is removed.
 */
import type { Box, OcrLine, OcrWord, RegionStyle, RgbaImage, Rgb, TextRegion } from '../types';
import { clipBox, colourDistance, contrastRatio, growBox } from './colour';
import type { FontFile } from './font-file';
import { fontFor } from './fonts';
import { drawableText, measureText } from './measure-text';
import { fromUpright, textRotation, uprightView, type Rotation, type UprightView } from './text-direction';
import { lineInk, type LineInk } from './text-mask';
import { median } from '../median';

/**
 * Below this contrast (WCAG ratio) between letters and background, letters over a somewhat textured
 * background get an outline. Over a flat background low contrast is the design (grey on grey): an
 * outline would change the look, so it is reproduced as it is.
 */
const MIN_CONTRAST = 3;
/**
 * Above this contrast letters stand out of any background by themselves (white on a dark plate, on a
 * brown sign whose frame makes its surround look busy, on a dim photo): between WCAG's 4.5 for body text
 * and its 7, since these letters are large. At 7, white on the brown sign of fr_paris_direction_signs.jpg
 * (6.25) came out with a dark outline the sign does not have.
 */
const CLEAR_CONTRAST = 6;
/** Above this mean ring distance the background is busy (a photo), and an outline keeps text legible. */
const BUSY_BACKGROUND = 28;
/**
 * Stroke width (strokeWidthOf) / font size that separates bold from regular. Measured on text drawn at
 * 14–60 px: Noto Sans, DejaVu, Liberation and Nimbus Sans Narrow regular 0.064–0.081 (DejaVu 0.086 at
 * 14 px), their bolds 0.099–0.144; on the generated fixtures regular ≤ 0.080, bold ≥ 0.087 unless
 * outlined. Medium weights (an Android UI's Roboto Medium, 0.088–0.094) come out bold, the nearer of our
 * two faces to how they stand out from the regular text beside them.
 */
const BOLD_STROKE_RATIO = 0.085;

/** The width of the outline drawn around letters of `fontSize`. */
export const outlineWidth = (fontSize: number) => Math.max(1, Math.round(fontSize * 0.07));

/** Whether letters whose stroke width is `strokeRatio` × their font size are bold. */
export const isBold = (strokeRatio: number) => strokeRatio > BOLD_STROKE_RATIO;
/**
 * What a line of our font occupies around its baseline, in em: up to the top of an accented capital
 * (Noto Sans "É" reaches 0.944) and down to the descenders (0.24). See drawableBox.
 */
const LINE_TOP_EM = 0.95;
const LINE_BOTTOM_EM = 0.25;
/** Space kept between a widened box and the content it stops at. */
const LINE_CLEARANCE_EM = 0.3;
/** A line this close (as a share of the picture's width) to the picture's edge is set from a page margin. */
const PAGE_MARGIN = 0.15;

export function estimateStyle(image: RgbaImage, region: TextRegion, inks: LineInk[]): RegionStyle {
  const rotation = textRotation(region);
  return rotation === 0 ? estimateUpright(image, region, inks) : estimateTurned(image, region, rotation);
}

/** Turned text is measured upright, in its upright view (see uprightView), and its box turned back. */
function estimateTurned(image: RgbaImage, region: TextRegion, rotation: Rotation): RegionStyle {
  const view = uprightView(image, region, rotation);
  return turnedStyle(estimateUpright(view.image, view.region, view.region.lines.map((line) => lineInk(view.image, line))), view, image);
}

/** A style measured in `view` as the style of the turned text in `image`. */
export function turnedStyle(style: RegionStyle, view: UprightView, image: RgbaImage): RegionStyle {
  return { ...style, box: clipBox(fromUpright(style.box, view.frame, view.rotation), image.width, image.height), rotation: view.rotation };
}

function estimateUpright(image: RgbaImage, region: TextRegion, inks: LineInk[]): RegionStyle {
  const textColor = inkColour(image, inks);
  const backgroundColor = averageColour(inks.map((ink) => ink.background));
  const font = fontFor(false).metrics;
  const geometry = region.lines.map((line, i) => lineGeometry(line, inks[i], font));
  const fontSize = medianOr0(geometry.map((g) => g.em));
  const lineHeight = estimateLineHeight(geometry, fontSize);
  const contour = originalContour(image, inks, textColor, backgroundColor);
  // The weight is the letters' own: an outline around them is not part of their strokes.
  const strokeWidth = medianOr0((contour?.fill ?? inks).map(strokeWidthOf).filter((w) => w > 0));
  const noise = Math.max(...inks.map((ink) => ink.backgroundNoise));
  const contrast = contrastRatio(textColor, backgroundColor);
  const poorContrast = contrast < MIN_CONTRAST;
  const needsOutline = (noise > BUSY_BACKGROUND && contrast < CLEAR_CONTRAST) || (poorContrast && noise > BUSY_BACKGROUND / 2);
  const outlineColor = contour?.color ?? (needsOutline ? outlineColour(textColor) : null);
  const outline = outlineColor ? { color: outlineColor, width: outlineWidth(fontSize) } : null;
  const margin = Math.round(fontSize * 0.1);
  const align = estimateAlign(region, image.width);
  return {
    textColor,
    backgroundColor,
    fontSize,
    lineHeight,
    bold: isBold(strokeWidth / fontSize),
    strokeRatio: strokeWidth / fontSize,
    align,
    outline,
    box: drawableBox(image, region, inks, geometry, fontSize, margin, align),
  };
}

/**
 * Where the translation may be drawn: the region's box plus a small margin, and above the first line
 * and below the last as far as a line of our font reaches (LINE_TOP_EM, LINE_BOTTOM_EM), but only over
 * rows that are plain background; a single line also along its length (see widened). Without that room a translation with a "g" or an "É" where the
 * original had none would be shrunk to squeeze into the original letters' height; with it unchecked it
 * could reach a sign's edge or the next region's letters.
 */
function drawableBox(
  image: RgbaImage,
  region: TextRegion,
  inks: LineInk[],
  geometry: LineGeometry[],
  fontSize: number,
  margin: number,
  align: RegionStyle['align'],
): Box {
  const box = clipBox(growBox(region.box, margin, margin), image.width, image.height);
  if (!region.lines.length || !inks.length) return box;
  const order = region.lines.map((line, i) => i).sort((a, b) => region.lines[a].box.y - region.lines[b].box.y);
  const first = order[0];
  const last = order[order.length - 1];
  const wantTop = Math.floor(geometry[first].baseline - LINE_TOP_EM * fontSize);
  const wantBottom = Math.ceil(geometry[last].baseline + LINE_BOTTOM_EM * fontSize);
  let top = box.y;
  while (top > Math.max(0, wantTop) && rowIsBackground(image, box, top - 1, inks[first])) top--;
  let bottom = box.y + box.height;
  while (bottom < Math.min(image.height, wantBottom) && rowIsBackground(image, box, bottom, inks[last])) bottom++;
  const tall = { x: box.x, y: top, width: box.width, height: bottom - top };
  return region.lines.length === 1 ? widened(image, tall, inks[0], fontSize, align) : tall;
}

/**
 * A single line (a label, a button, a title on a sign) may also run along its line into plain
 * background: rightwards when left-aligned, leftwards when right-aligned, both ways alike when centred,
 * by at most the line's own length (or 2 em), stopping LINE_CLEARANCE_EM short of whatever is there
 * (the button's edge, the next label) and, when set from a page margin, as far from the picture's
 * other edge as it is from that margin. A translation longer than the
 * original then keeps the original size where there is room for it, instead of shrinking to the
 * original's width. Paragraphs keep their column: their translation wraps.
 */
function widened(image: RgbaImage, box: Box, ink: LineInk, fontSize: number, align: RegionStyle['align']): Box {
  const reach = Math.max(box.width, 2 * fontSize);
  const clearance = Math.ceil(LINE_CLEARANCE_EM * fontSize);
  // Towards the picture's edge, a line set from a page margin keeps that margin on the other side too (a
  // title 60 px from the left edge does not run closer than 60 px to the right one).
  const marginLeft = box.x;
  const marginRight = image.width - (box.x + box.width);
  const fromMargin = (margin: number) => margin < PAGE_MARGIN * image.width;
  const edgeLeft = align === 'right' && fromMargin(marginRight) ? Math.max(clearance, marginRight) : clearance;
  const edgeRight = align === 'left' && fromMargin(marginLeft) ? Math.max(clearance, marginLeft) : clearance;
  const free = (from: number, step: number) => {
    let n = 0;
    for (let x = from; n < reach + clearance && x >= 0 && x < image.width && columnIsBackground(image, box, x, ink); x += step) n++;
    const edge = step < 0 ? edgeLeft : edgeRight;
    const room = step < 0 ? from + 1 - edge : image.width - from - edge;
    return Math.max(0, Math.min(reach, n - clearance, room));
  };
  let left = align === 'left' ? 0 : free(box.x - 1, -1);
  let right = align === 'right' ? 0 : free(box.x + box.width, 1);
  if (align === 'center') left = right = Math.min(left, right);
  return { x: box.x - left, y: box.y, width: box.width + left + right, height: box.height };
}

/** True when no pixel of column `x` across `box`'s rows stands out from the line's background. */
function columnIsBackground(image: RgbaImage, box: Box, x: number, ink: LineInk): boolean {
  for (let y = box.y; y < box.y + box.height; y++) {
    const i = (y * image.width + x) * 4;
    if (colourDistance(image.data[i], image.data[i + 1], image.data[i + 2], ink.background) > ink.threshold) return false;
  }
  return true;
}

/** True when no pixel of row `y` across `box` stands out from the line's background (its own letters aside). */
function rowIsBackground(image: RgbaImage, box: Box, y: number, ink: LineInk): boolean {
  const { area } = ink;
  const inArea = y >= area.y && y < area.y + area.height;
  for (let x = box.x; x < box.x + box.width; x++) {
    if (inArea && x >= area.x && x < area.x + area.width && ink.ink[(y - area.y) * area.width + x - area.x]) continue;
    const i = (y * image.width + x) * 4;
    if (colourDistance(image.data[i], image.data[i + 1], image.data[i + 2], ink.background) > ink.threshold) return false;
  }
  return true;
}

interface LineGeometry {
  /** Font size (em) that reproduces the line's letters. */
  em: number;
  baseline: number;
}

/**
 * Size and baseline of a line, from its words: each word's ink height (rows of the line's ink within
 * the word's box, measured square to the line's slant so a tilted sign does not read as tall letters)
 * against the height its own letters have in Noto Sans (from "x" to "Éy"). The (lower) median over
 * words resists a misread word. Lines without words fall back to the box and the letter classes of
 * fontSizeOfLine.
 */
function lineGeometry(line: OcrLine, ink: LineInk | undefined, font: FontFile): LineGeometry {
  const words: LineGeometry[] = [];
  const slope = ink ? inkSlope(ink) : 0;
  for (const word of line.words) {
    const extent = measureText(drawableText(word.text, font), font);
    if (extent.inkless || extent.top <= extent.bottom) continue;
    const [top, bottom] = (ink && inkRows(ink, word, slope)) ?? [word.box.y, word.box.y + word.box.height];
    if (bottom <= top) continue;
    const em = ((bottom - top) * font.unitsPerEm) / (extent.top - extent.bottom);
    words.push({ em, baseline: top + (extent.top * em) / font.unitsPerEm });
  }
  if (words.length) {
    // The lower median: a word's ink can only be inflated (a neighbour's letters reaching into its
    // box), so of the two middle words the smaller is the safer.
    words.sort((a, b) => a.em - b.em);
    return words[(words.length - 1) >> 1];
  }
  const em = fontSizeOfLine(line);
  const descender = /[gjpqyÇç,;]/u.test(line.text) ? 0.24 : 0;
  return { em, baseline: line.box.y + line.box.height - descender * em };
}

/**
 * The slant of a line's ink (dy/dx), from where its letters stand: the bottom of the ink in slices
 * about a letter wide, and the median of the slopes between every two slices (Theil–Sen), which a
 * descender or a comma in a few slices does not move. A least-squares fit through all the ink was
 * swayed by the letters themselves: in "Winterschlussverkauf" the capital W at the start pulls the
 * ink's centre up there, a slant of 1.5% that made 45 px letters measure 54 px along it.
 */
function inkSlope(ink: LineInk): number {
  const { width, height } = ink.area;
  const slice = Math.max(2, Math.round(height / 3));
  const points: [number, number][] = [];
  for (let x0 = 0; x0 < width; x0 += slice) {
    let bottom = -1;
    for (let x = x0; x < Math.min(width, x0 + slice); x++) {
      for (let y = height - 1; y > bottom; y--) {
        if (ink.ink[y * width + x]) {
          bottom = y;
          break;
        }
      }
    }
    if (bottom >= 0) points.push([x0 + slice / 2, bottom]);
  }
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) slopes.push((points[j][1] - points[i][1]) / (points[j][0] - points[i][0]));
  }
  if (slopes.length === 0) return 0;
  slopes.sort((p, q) => p - q);
  return Math.max(-0.3, Math.min(0.3, slopes[slopes.length >> 1]));
}

/**
 * First and last row (image coordinates, end exclusive) of the ink inside a word's box, measured
 * along `slope` from the word's centre (rows are taken square to the text), or null without ink.
 */
function inkRows(ink: LineInk, word: OcrWord, slope: number): [number, number] | null {
  const { area } = ink;
  const x0 = Math.max(0, Math.floor(word.box.x) - area.x);
  const x1 = Math.min(area.width, Math.ceil(word.box.x + word.box.width) - area.x);
  // The OCR box may clip an overshoot by a pixel or two.
  const y0 = Math.max(0, Math.floor(word.box.y) - 2 - area.y);
  const y1 = Math.min(area.height, Math.ceil(word.box.y + word.box.height) + 2 - area.y);
  const centre = (x0 + x1) / 2;
  let first = Infinity;
  let last = -Infinity;
  for (let y = y0; y < y1; y++) {
    const row = y * area.width;
    for (let x = x0; x < x1; x++) {
      if (!ink.ink[row + x]) continue;
      const upright = y - slope * (x - centre);
      first = Math.min(first, upright);
      last = Math.max(last, upright + 1);
    }
  }
  return first === Infinity ? null : [area.y + first, area.y + last];
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

/** The median distance between consecutive baselines; for one line, 1.2 em. */
function estimateLineHeight(lines: LineGeometry[], fontSize: number): number {
  if (lines.length < 2) return fontSize * 1.2;
  const sorted = lines.map((l) => l.baseline).sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((baseline, i) => baseline - sorted[i]);
  return Math.min(fontSize * 2, Math.max(fontSize * 1.05, medianOr0(gaps)));
}

/**
 * Left, centre or right: whichever edge the lines share best. One line keeps its left edge unless it
 * is centred in the picture: the space left and right of it about equal (comparing the line's centre
 * with the picture's would call every wide line centred, however far off its margins are).
 */
function estimateAlign(region: TextRegion, imageWidth: number): RegionStyle['align'] {
  const boxes = region.lines.map((l) => l.box);
  if (boxes.length < 2) {
    const left = region.box.x;
    const right = imageWidth - (region.box.x + region.box.width);
    return Math.abs(left - right) <= Math.max(imageWidth * 0.02, 0.25 * Math.max(left, right)) ? 'center' : 'left';
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

/**
 * The share of a line's ink on the far side of the background from the letters (darker than the
 * background around light letters) above which the letters have an outline or a shadow of their own.
 * Anti-aliased edges lie between letter and background and count for nothing; measured on the fixtures:
 * plain letters 0–0.015, outlined 0.30–0.52, shadowed 0.19 (and 0.18 where a dark post crosses white
 * letters, which then get the outline that legibility asks for anyway).
 */
const CONTOUR_SHARE = 0.1;

/** sRGB-weighted grey of a colour: which side of the background a pixel is on. */
const grey = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/**
 * The outline or shadow the original letters have (see CONTOUR_SHARE): its colour (the mean of those
 * pixels) and the lines' ink without it (the letters' fill, for their weight); null without one.
 */
function originalContour(image: RgbaImage, inks: LineInk[], text: Rgb, background: Rgb): { color: Rgb; fill: LineInk[] } | null {
  const paper = grey(...background);
  const side = Math.sign(grey(...text) - paper);
  const margin = 0.25 * Math.abs(grey(...text) - paper);
  if (side === 0) return null;
  const sum = [0, 0, 0];
  let count = 0;
  let all = 0;
  const fill = inks.map((ink) => {
    const own = ink.ink.slice();
    for (let k = 0; k < own.length; k++) {
      if (!own[k]) continue;
      all++;
      const i = ((ink.area.y + Math.floor(k / ink.area.width)) * image.width + ink.area.x + (k % ink.area.width)) * 4;
      const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
      if (side * (paper - grey(r, g, b)) <= margin) continue;
      own[k] = 0;
      sum[0] += r;
      sum[1] += g;
      sum[2] += b;
      count++;
    }
    return { ...ink, ink: own };
  });
  if (all === 0 || count / all < CONTOUR_SHARE) return null;
  return { color: sum.map((c) => Math.round(c / count)) as Rgb, fill };
}

/** Black or white, whichever contrasts more with `colour`. */
function outlineColour(colour: Rgb): Rgb {
  return contrastRatio(colour, [0, 0, 0]) >= contrastRatio(colour, [255, 255, 255]) ? [0, 0, 0] : [255, 255, 255];
}

/**
 * Stroke width of a line's letters: twice the ink's area over the length of its outline (a stroke w
 * wide and L long covers wL pixels inside an outline about 2L long). Sub-pixel, and the same for
 * stems, bars and curves, where a run length measures bars along their length and rounds a 3.6 px
 * stem to 3 or 4.
 */
function strokeWidthOf(ink: LineInk): number {
  const { width, height } = ink.area;
  const on = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && ink.ink[y * width + x] === 1;
  let area = 0;
  let outline = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!on(x, y)) continue;
      area++;
      outline += (on(x - 1, y) ? 0 : 1) + (on(x + 1, y) ? 0 : 1) + (on(x, y - 1) ? 0 : 1) + (on(x, y + 1) ? 0 : 1);
    }
  }
  return outline ? (2 * area) / outline : 0;
}

function averageColour(colours: Rgb[]): Rgb {
  const n = Math.max(1, colours.length);
  return [0, 1, 2].map((c) => Math.round(colours.reduce((s, col) => s + col[c], 0) / n)) as Rgb;
}

/** The median, or 0 where there is nothing to measure. */
const medianOr0 = (values: number[]) => (values.length === 0 ? 0 : median(values));

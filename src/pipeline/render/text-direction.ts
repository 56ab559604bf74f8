/**
 * Which way a region's text runs, and the coordinates of its upright frame. OCR reads turned text
 * (a page photographed sideways, a label running up a post) and reports it in the picture's own
 * coordinates, words and lines in reading order; that order tells the direction without looking at a
 * pixel. Style estimation and drawing work on the text as if it were upright, in a frame turned with
 * it, and map the results back.
 */
import type { Box, OcrLine, RgbaImage, TextRegion } from '../types';
import { clipBox } from './colour';

export type Rotation = 0 | 90 | 180 | 270;

const centre = (b: Box) => [b.x + b.width / 2, b.y + b.height / 2];

/**
 * The clockwise turn of a region's text: from the direction its words follow one another within lines,
 * or, with one word per line, from the lines' shape (wide lines run across, tall ones up or down) and
 * the order they follow one another in (a quarter turn before the reading direction). Centres alone
 * would mislead there: "Sonderangebot" over "nur", left-aligned, has centres further apart across
 * than down. A lone word reads along its box's long side: upright unless it is more than twice as
 * tall as wide, then top to bottom (the usual way a label is turned).
 */
export function textRotation(region: TextRegion): Rotation {
  let dx = 0;
  let dy = 0;
  for (const line of region.lines) {
    if (line.words.length < 2) continue;
    const [x0, y0] = centre(line.words[0].box);
    const [x1, y1] = centre(line.words[line.words.length - 1].box);
    dx += x1 - x0;
    dy += y1 - y0;
  }
  if (dx === 0 && dy === 0 && region.lines.length > 1) {
    const wide = region.lines.filter((l) => l.box.width >= l.box.height).length * 2 >= region.lines.length;
    const [x0, y0] = centre(region.lines[0].box);
    const [x1, y1] = centre(region.lines[region.lines.length - 1].box);
    // Turned a quarter clockwise, lines follow one another leftwards.
    if (wide && y1 !== y0) return y1 > y0 ? 0 : 180;
    if (!wide && x1 !== x0) return x1 < x0 ? 90 : 270;
  }
  if (dx === 0 && dy === 0) {
    const box = region.lines[0]?.box ?? region.box;
    // Three letters or more: "Il" in a narrow font is taller than wide, upright.
    return box.height > 2 * box.width && [...(region.lines[0]?.text ?? '').replace(/\s/g, '')].length >= 3 ? 90 : 0;
  }
  if (Math.abs(dx) >= Math.abs(dy)) return dx > 0 ? 0 : 180;
  return dy > 0 ? 90 : 270;
}

/** The size of `frame` seen upright. */
export function uprightSize(frame: Box, rotation: Rotation): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: frame.height, height: frame.width } : { width: frame.width, height: frame.height };
}

/** A box of the picture in the upright frame of `frame` (origin at the frame's upright top-left). */
export function toUpright(box: Box, frame: Box, rotation: Rotation): Box {
  const right = frame.x + frame.width;
  const bottom = frame.y + frame.height;
  switch (rotation) {
    case 90:
      return { x: box.y - frame.y, y: right - (box.x + box.width), width: box.height, height: box.width };
    case 180:
      return { x: right - (box.x + box.width), y: bottom - (box.y + box.height), width: box.width, height: box.height };
    case 270:
      return { x: bottom - (box.y + box.height), y: box.x - frame.x, width: box.height, height: box.width };
    default:
      return { x: box.x - frame.x, y: box.y - frame.y, width: box.width, height: box.height };
  }
}

/** The inverse of toUpright: an upright-frame box in the picture's coordinates. */
export function fromUpright(box: Box, frame: Box, rotation: Rotation): Box {
  const right = frame.x + frame.width;
  const bottom = frame.y + frame.height;
  switch (rotation) {
    case 90:
      return { x: right - (box.y + box.height), y: frame.y + box.x, width: box.height, height: box.width };
    case 180:
      return { x: right - (box.x + box.width), y: bottom - (box.y + box.height), width: box.width, height: box.height };
    case 270:
      return { x: frame.x + box.y, y: bottom - (box.x + box.width), width: box.height, height: box.width };
    default:
      return { x: frame.x + box.x, y: frame.y + box.y, width: box.width, height: box.height };
  }
}

/** The region as it reads upright in `frame`'s upright coordinates. */
export function regionToUpright(region: TextRegion, frame: Box, rotation: Rotation): TextRegion {
  const line = (l: OcrLine): OcrLine => ({ ...l, box: toUpright(l.box, frame, rotation), words: l.words.map((w) => ({ ...w, box: toUpright(w.box, frame, rotation) })) });
  return { ...region, box: toUpright(region.box, frame, rotation), lines: region.lines.map(line) };
}

/**
 * The SVG transform that draws upright-frame coordinates into the picture: matrix(a b c d e f) maps
 * (u, v) to (a·u + c·v + e, b·u + d·v + f).
 */
export function uprightTransform(frame: Box, rotation: Rotation): string {
  const right = frame.x + frame.width;
  const bottom = frame.y + frame.height;
  switch (rotation) {
    case 90:
      return `matrix(0 1 -1 0 ${right} ${frame.y})`;
    case 180:
      return `matrix(-1 0 0 -1 ${right} ${bottom})`;
    case 270:
      return `matrix(0 -1 1 0 ${frame.x} ${bottom})`;
    default:
      return `translate(${frame.x} ${frame.y})`;
  }
}

/** Turned text seen upright: the pixels of `frame` turned upright, and the region in them. */
export interface UprightView {
  frame: Box;
  rotation: Rotation;
  image: RgbaImage;
  region: TextRegion;
}

/**
 * The upright view of turned text (a page photographed sideways, upside down): the strip of the picture
 * along the text's lines — the full length of the picture that way, for the alignment, and the region
 * with a line's pitch of margin across it — turned upright. Style and mask are both measured in it.
 */
export function uprightView(image: RgbaImage, region: TextRegion, rotation: Rotation): UprightView {
  const across = rotation === 180 ? region.box.height : region.box.width;
  const pad = Math.max(8, Math.round(across / Math.max(1, region.lines.length)));
  const frame =
    rotation === 180
      ? clipBox({ x: 0, y: region.box.y - pad, width: image.width, height: region.box.height + 2 * pad }, image.width, image.height)
      : clipBox({ x: region.box.x - pad, y: 0, width: region.box.width + 2 * pad, height: image.height }, image.width, image.height);
  return { frame, rotation, image: turnUpright(image, frame, rotation), region: regionToUpright(region, frame, rotation) };
}

/** The pixels of `frame` as they look with the text upright. */
function turnUpright(image: RgbaImage, frame: Box, rotation: Rotation): RgbaImage {
  const { width, height } = uprightSize(frame, rotation);
  const data = new Uint8Array(width * height * 4);
  const right = frame.x + frame.width - 1;
  const bottom = frame.y + frame.height - 1;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const x = rotation === 90 ? right - v : rotation === 180 ? right - u : frame.x + v;
      const y = rotation === 90 ? frame.y + u : rotation === 180 ? bottom - v : bottom - u;
      const from = (y * image.width + x) * 4;
      data.set(image.data.subarray(from, from + 4), (v * width + u) * 4);
    }
  }
  return { width, height, data };
}

/**
 * A mask made in the upright frame of `frame` (covering `box` there, box.width × box.height) as a mask
 * of the picture: the same pixels, turned back (the inverse of turnUpright's mapping).
 */
export function maskFromUpright(mask: Uint8Array, box: Box, frame: Box, rotation: Rotation): { box: Box; mask: Uint8Array } {
  const back = fromUpright(box, frame, rotation);
  const out = new Uint8Array(back.width * back.height);
  const right = frame.x + frame.width - 1;
  const bottom = frame.y + frame.height - 1;
  for (let y = back.y; y < back.y + back.height; y++) {
    for (let x = back.x; x < back.x + back.width; x++) {
      const u = rotation === 90 ? y - frame.y : rotation === 180 ? right - x : rotation === 270 ? bottom - y : x - frame.x;
      const v = rotation === 90 ? right - x : rotation === 180 ? bottom - y : rotation === 270 ? x - frame.x : y - frame.y;
      out[(y - back.y) * back.width + (x - back.x)] = mask[(v - box.y) * box.width + (u - box.x)];
    }
  }
  return { box: back, mask: out };
}

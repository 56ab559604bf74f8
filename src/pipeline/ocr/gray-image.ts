/**
 * The working copy OCR looks at: one byte of luminance per pixel, at a scale chosen for recognition.
 * Input images can be 16 MP (64 MB of RGBA); a grey copy of at most ~3 MP costs 3 MB, and every later
 * step (text detection, rotation, the pixels handed to Tesseract) works on it.
 */
import type { RgbaImage } from '../types';

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major luminance, 0 = black. */
  data: Uint8Array;
}

/**
 * Luminance of `image` scaled by `scale`: box-averaged when shrinking, bilinear when enlarging.
 * Transparent pixels are composited over white, so a transparent PNG reads like it looks.
 */
export function grayScaled(image: RgbaImage, scale: number): GrayImage {
  const full = scale === 1 ? fullGray(image) : undefined;
  if (full) return full;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  return scale < 1 ? shrink(image, width, height) : enlarge(fullGray(image), width, height);
}

function luminance(d: Uint8Array, i: number): number {
  const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
  const a = d[i + 3];
  return a === 255 ? y : (y * a + 255 * (255 - a)) / 255;
}

function fullGray(image: RgbaImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < out.length; p++, i += 4) out[p] = luminance(data, i);
  return { width, height, data: out };
}

/**
 * Area average: each output pixel is the mean of the input pixels it covers (fractional edges weighted).
 * Input rows are read once each, turned into luminance, reduced horizontally with precomputed column
 * weights, and added into the one or two output rows they overlap.
 */
function shrink(image: RgbaImage, width: number, height: number): GrayImage {
  const sx = image.width / width;
  const sy = image.height / height;
  // Per output column: the input columns it covers and how much of each.
  const first = new Int32Array(width);
  const count = new Int32Array(width);
  const span = Math.ceil(sx) + 1;
  const weights = new Float32Array(width * span);
  const columnWeight = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const x0 = x * sx;
    const x1 = Math.min(image.width, (x + 1) * sx);
    first[x] = Math.floor(x0);
    count[x] = Math.min(span, Math.max(1, Math.ceil(x1) - first[x]));
    for (let k = 0; k < count[x]; k++) {
      const ix = first[x] + k;
      const w = Math.max(0, Math.min(ix + 1, x1) - Math.max(ix, x0));
      weights[x * span + k] = w;
      columnWeight[x] += w;
    }
  }
  const out = new Uint8Array(width * height);
  const lum = new Float32Array(image.width);
  const reduced = new Float32Array(width);
  let current = new Float64Array(width);
  let next = new Float64Array(width);
  let currentWeight = 0;
  let nextWeight = 0;
  let outRow = 0;
  const flush = () => {
    const norm = currentWeight;
    for (let x = 0; x < width; x++) out[outRow * width + x] = current[x] / (norm * columnWeight[x]) + 0.5;
    [current, next] = [next, current];
    next.fill(0);
    currentWeight = nextWeight;
    nextWeight = 0;
    outRow++;
  };
  const data = image.data;
  for (let iy = 0; iy < image.height && outRow < height; iy++) {
    for (let ix = 0, i = iy * image.width * 4; ix < image.width; ix++, i += 4) {
      lum[ix] = data[i + 3] === 255 ? 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2] : luminance(data, i);
    }
    for (let x = 0; x < width; x++) {
      let s = 0;
      const base = x * span;
      const n = count[x];
      for (let k = 0, ix = first[x]; k < n; k++, ix++) s += weights[base + k] * lum[ix];
      reduced[x] = s;
    }
    // This input row covers [iy, iy + 1): split it between output rows at the boundary (outRow + 1) * sy.
    const boundary = (outRow + 1) * sy;
    const inCurrent = Math.max(0, Math.min(iy + 1, boundary) - iy);
    const inNext = 1 - inCurrent;
    if (inCurrent > 0) {
      for (let x = 0; x < width; x++) current[x] += inCurrent * reduced[x];
      currentWeight += inCurrent;
    }
    if (inNext > 0) {
      for (let x = 0; x < width; x++) next[x] += inNext * reduced[x];
      nextWeight += inNext;
    }
    if (iy + 1 >= boundary - 1e-9) flush();
  }
  while (outRow < height) {
    if (currentWeight === 0) {
      // Rounding left a last row without input: repeat the row above.
      out.copyWithin(outRow * width, (outRow - 1) * width, outRow * width);
      outRow++;
      currentWeight = nextWeight;
      continue;
    }
    flush();
  }
  return { width, height, data: out };
}

function enlarge(source: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = source.width / width;
  const sy = source.height / height;
  const src = source.data;
  const sw = source.width;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(source.height - 1, Math.floor(fy));
    const y1 = Math.min(source.height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(sw - 1, Math.floor(fx));
      const x1 = Math.min(sw - 1, x0 + 1);
      const dx = fx - x0;
      const top = src[y0 * sw + x0] * (1 - dx) + src[y0 * sw + x1] * dx;
      const bottom = src[y1 * sw + x0] * (1 - dx) + src[y1 * sw + x1] * dx;
      out[y * width + x] = top * (1 - dy) + bottom * dy + 0.5;
    }
  }
  return { width, height, data: out };
}

/** `image` turned clockwise by `quarterTurns` × 90°. */
export function rotateGray(image: GrayImage, quarterTurns: number): GrayImage {
  const turns = ((quarterTurns % 4) + 4) % 4;
  if (turns === 0) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  if (turns === 2) {
    for (let i = 0, j = w * h - 1; i < w * h; i++, j--) out[j] = data[i];
    return { width: w, height: h, data: out };
  }
  // Clockwise: source (x, y) goes to (h - 1 - y, x) in a h×w image; anticlockwise to (y, w - 1 - x).
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const target = turns === 1 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
      out[target] = data[y * w + x];
    }
  }
  return { width: h, height: w, data: out };
}

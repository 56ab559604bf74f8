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

/** Area average: each output pixel is the mean of the input pixels it covers (fractional edges included). */
function shrink(image: RgbaImage, width: number, height: number): GrayImage {
  const sx = image.width / width;
  const sy = image.height / height;
  const sums = new Float64Array(width);
  const weights = new Float64Array(width);
  const out = new Uint8Array(width * height);
  // Precompute, per output column, the input columns it covers and their weights.
  const colStart = new Int32Array(width);
  const colEnd = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    colStart[x] = Math.floor(x * sx);
    colEnd[x] = Math.min(image.width, Math.ceil((x + 1) * sx));
  }
  for (let y = 0; y < height; y++) {
    const y0 = y * sy;
    const y1 = (y + 1) * sy;
    sums.fill(0);
    weights.fill(0);
    for (let iy = Math.floor(y0); iy < Math.min(image.height, Math.ceil(y1)); iy++) {
      const wy = Math.min(iy + 1, y1) - Math.max(iy, y0);
      const row = iy * image.width * 4;
      for (let x = 0; x < width; x++) {
        const x0 = x * sx;
        const x1 = (x + 1) * sx;
        let s = 0;
        let w = 0;
        for (let ix = colStart[x]; ix < colEnd[x]; ix++) {
          const wx = Math.min(ix + 1, x1) - Math.max(ix, x0);
          s += wx * luminance(image.data, row + ix * 4);
          w += wx;
        }
        sums[x] += s * wy;
        weights[x] += w * wy;
      }
    }
    for (let x = 0; x < width; x++) out[y * width + x] = sums[x] / weights[x] + 0.5;
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

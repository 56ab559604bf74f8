/** Small colour helpers shared by the text mask and style estimation. */
import type { Box, RgbaImage, Rgb } from '../types';

/** Per-channel median of the pixels on a ring `thickness` wide just inside `box`. */
export function borderMedian(image: RgbaImage, box: Box, thickness: number): Rgb {
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let count = 0;
  const t = Math.max(1, Math.min(thickness, Math.floor(box.width / 2), Math.floor(box.height / 2)));
  for (let y = box.y; y < box.y + box.height; y++) {
    const edgeRow = y < box.y + t || y >= box.y + box.height - t;
    for (let x = box.x; x < box.x + box.width; x++) {
      if (!edgeRow && x >= box.x + t && x < box.x + box.width - t) {
        x = box.x + box.width - t - 1; // jump over the interior
        continue;
      }
      const i = (y * image.width + x) * 4;
      hist[0][image.data[i]]++;
      hist[1][image.data[i + 1]]++;
      hist[2][image.data[i + 2]]++;
      count++;
    }
  }
  return [medianOf(hist[0], count), medianOf(hist[1], count), medianOf(hist[2], count)];
}

/** The median value of a 256-bin histogram holding `count` values. */
export function medianOf(hist: Uint32Array, count: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen * 2 >= count) return v;
  }
  return 255;
}

/** Euclidean distance between two colours, 0..441. */
export function colourDistance(r: number, g: number, b: number, to: Rgb): number {
  const dr = r - to[0];
  const dg = g - to[1];
  const db = b - to[2];
  return Math.sqrt(dr * dr + dg * dg + db * db);
}

/** WCAG relative luminance, 0..1. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio, 1..21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Otsu's threshold over a histogram: the level that best separates its two classes. */
export function otsuThreshold(hist: Uint32Array | number[]): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < hist.length; v++) {
    total += hist[v];
    sum += v * hist[v];
  }
  let weightBelow = 0;
  let sumBelow = 0;
  let best = 0;
  let bestVariance = -1;
  for (let v = 0; v < hist.length; v++) {
    weightBelow += hist[v];
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += v * hist[v];
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sum - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = v;
    }
  }
  return best;
}

/** Clips a box to the image. */
export function clipBox(box: Box, width: number, height: number): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(width, Math.ceil(box.x + box.width));
  const bottom = Math.min(height, Math.ceil(box.y + box.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** Grows a box by `dx` left and right and `dy` above and below. */
export function growBox(box: Box, dx: number, dy: number): Box {
  return { x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy };
}

export function unionBox(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * What each pixel of a tile is (known, trusted as a source, settled) and the order masked pixels are
 * filled in, in plain TypeScript; wasm/inpaint/assembly/order.ts does the same.
 */
import { TILE_SIDE } from './inpaint-tiles';

/** Patch radius; grids of flags and residuals are padded by it so patch reads need no bounds checks. */
export const PATCH_RADIUS = 2;
const INF = 65535;

export const KNOWN = 1;
/** Known, or filled already. */
export const VALID = 2;
/** Known, and no masked pixel among its 8 neighbours (its colour holds no letter fringe). */
export const TRUSTED = 4;

/** Weight of a pixel's value in the base: trusted 4, known but touching the mask 1, masked 0. */
export function pixelWeight(flag: number): number {
  return flag & TRUSTED ? 4 : flag & KNOWN ? 1 : 0;
}

/** Flags of the tile's pixels on a grid padded by PATCH_RADIUS (padding: no flags). */
export function tileFlags(mask: Uint8Array, width: number, height: number): Uint8Array {
  const pw = width + 2 * PATCH_RADIUS;
  const flags = new Uint8Array(pw * (height + 2 * PATCH_RADIUS));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) continue;
      let touches = false;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < width && ny < height && mask[ny * width + nx]) touches = true;
        }
      }
      flags[(y + PATCH_RADIUS) * pw + x + PATCH_RADIUS] = KNOWN | VALID | (touches ? 0 : TRUSTED);
    }
  }
  return flags;
}

/**
 * The masked pixels of the tile (indices y × width + x) from the outside in: by chamfer (3-4) distance
 * to the nearest known pixel, ties in raster order; pixels no known pixel reaches come last.
 */
export function fillOrder(mask: Uint8Array, width: number, height: number): Int32Array {
  const n = width * height;
  const dist = new Uint16Array(n);
  for (let i = 0; i < n; i++) dist[i] = mask[i] ? INF : 0;
  const relax = (i: number, nx: number, ny: number, step: number) => {
    if (nx < 0 || ny < 0 || nx >= width || ny >= height) return;
    const d = Math.min(INF, dist[ny * width + nx] + step);
    if (d < dist[i]) dist[i] = d;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!mask[i]) continue;
      relax(i, x - 1, y, 3);
      relax(i, x - 1, y - 1, 4);
      relax(i, x, y - 1, 3);
      relax(i, x + 1, y - 1, 4);
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (!mask[i]) continue;
      relax(i, x + 1, y, 3);
      relax(i, x + 1, y + 1, 4);
      relax(i, x, y + 1, 3);
      relax(i, x - 1, y + 1, 4);
    }
  }
  // Counting sort; INF (unreachable) is the last bucket.
  const buckets = new Int32Array(4 * TILE_SIDE + 2);
  const bucketOf = (d: number) => (d === INF ? 4 * TILE_SIDE + 1 : d);
  let count = 0;
  for (let i = 0; i < n; i++) if (mask[i]) (buckets[bucketOf(dist[i])]++, count++);
  let start = 0;
  for (let b = 0; b < buckets.length; b++) {
    const c = buckets[b];
    buckets[b] = start;
    start += c;
  }
  const order = new Int32Array(count);
  for (let i = 0; i < n; i++) if (mask[i]) order[buckets[bucketOf(dist[i])]++] = i;
  return order;
}

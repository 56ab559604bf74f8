/**
 * The inpainting algorithm in plain TypeScript: the specification the WebAssembly kernel
 * (wasm/inpaint/assembly) follows step for step, used by tests to check it pixel for pixel. Production
 * code calls inpaintRegion (inpaint.ts); this is for tests and for reading.
 *
 * A fill is a smooth base plus copied texture:
 * 1. Base. Known pixels are summed into cells of 2^smoothLevel pixels (4 to 16, about a stroke wide) and
 *    a pyramid of coarser cells (push-pull): each cell keeps the mean of its known pixels, trusted in
 *    proportion to how many it has, and takes the rest from the level above (a 9-3-3-1 upsample),
 *    relaxed by Jacobi steps where it knows little. Bilinear interpolation of the cells gives the base L
 *    of every pixel: the local mean colour at known pixels, a smooth membrane over masked ones (flat and
 *    gradient backgrounds come out exact, without blocks). Pixels touching the mask count a quarter:
 *    they hold the letters' fringe.
 * 2. Texture. Every known pixel has a residual R = pixel − L (grain, noise, fine structure). Masked
 *    pixels are visited from the outside in (chamfer distance to the known pixels) and each copies the
 *    residual of one known pixel, chosen by comparing the 5 × 5 residual neighbourhoods (known and
 *    already filled pixels only) and the base colours: candidates are the sources of filled neighbours
 *    shifted by one (so texture is copied in coherent runs), random pixels within SEARCH_RADIUS and a
 *    shrinking search around the best (PatchMatch's random search). Sources touching the mask are used
 *    only when nothing else is found, so letter fringes are not copied in. A copied residual is
 *    corrected by the mean step to the pixel's settled neighbours, so seams fade out.
 * 3. The fill is L + R, clamped. Because the residual has no low frequencies, copying it from elsewhere
 *    leaves no colour seam, and because it is copied whole the fill keeps the grain of the background.
 *
 * Arithmetic is chosen to come out identical in JavaScript and WebAssembly: integers, and float64 only
 * for +, −, ×, ÷ and floor in a fixed order; random choices come from xorshift32 seeded per tile.
 */
import type { Box, RgbaImage } from '../types';
import { inpaintWith, type InpaintKernel } from './inpaint-driver';
import { GRID_MAX_CELLS, MAX_SMOOTH_LEVEL, MIN_SMOOTH_LEVEL, TILE_SIDE } from './inpaint-tiles';

const PATCH_RADIUS = 2;
const SEARCH_RADIUS = 48;
const RANDOM_CANDIDATES = 8;
const RELAX_ITERATIONS = 16;
/**
 * Weight of the base-colour difference between a pixel and a candidate source, against one pixel of
 * residual mismatch: residuals copied from where the base differs much (beside an edge, on another
 * surface) bring that place's structure with them.
 */
const BASE_MATCH_WEIGHT = 16;
/** A candidate that does not continue a neighbour's copy must score this many times better. */
const COHERENCE_BIAS = 2;
const FRONT_CANDIDATES = 32;
/** Weights (of 8) of the step to a known and to a filled neighbour in the seam correction. */
const SEAM_KNOWN_WEIGHT = 8;
const SEAM_FILLED_WEIGHT = 7;
/** Base colour of a box without one known pixel. */
const FALLBACK = [128, 128, 128, 255];
const INF = 65535;

const KNOWN = 1;
const VALID = 2; // known, or filled already
const TRUSTED = 4; // known, and no masked pixel among its 8 neighbours

/** A level of a push-pull pyramid: cells of 2^level pixels. */
interface Level {
  level: number;
  width: number;
  height: number;
  /** Per cell and channel: sum of weight × value, then (once pushed) the mean. */
  sum: Float64Array;
  /** Per cell: sum of weights, then (once pushed) the confidence 0..1. */
  weight: Float64Array;
  /** Per cell and channel: the smooth field. */
  final: Float64Array;
}

/** A rectangle of a level's smooth field, read with clamping at its edges. */
interface FieldView {
  data: Float64Array;
  stride: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** Fills like inpaintRegion, with the TypeScript kernel. */
export function inpaintRegionReference(image: RgbaImage, mask: Uint8Array, box: Box): void {
  inpaintWith(new ReferenceKernel(), image, mask, box);
}

/** The kernel's steps in TypeScript (see InpaintKernel). */
export class ReferenceKernel implements InpaintKernel {
  private readonly tileRgba = new Uint8Array(TILE_SIDE * TILE_SIDE * 4);
  private readonly tileMask = new Uint8Array(TILE_SIDE * TILE_SIDE);
  private gridLevel = MIN_SMOOTH_LEVEL;
  private smoothLevel = MIN_SMOOTH_LEVEL;
  private grid: Level[] = [];

  rgba(): Uint8Array {
    return this.tileRgba;
  }

  mask(): Uint8Array {
    return this.tileMask;
  }

  beginBox(width: number, height: number, gridLevel: number, smoothLevel: number): void {
    const cell = 2 ** gridLevel;
    const w = Math.ceil(width / cell);
    const h = Math.ceil(height / cell);
    if (smoothLevel < MIN_SMOOTH_LEVEL || smoothLevel > MAX_SMOOTH_LEVEL || gridLevel < smoothLevel || w * h > GRID_MAX_CELLS) {
      throw new RangeError('inpaint: grid over budget');
    }
    this.gridLevel = gridLevel;
    this.smoothLevel = smoothLevel;
    this.grid = pyramid(gridLevel, w, h);
  }

  addTile(x: number, y: number, width: number, height: number): void {
    const flags = tileFlags(this.tileMask, width, height);
    const base = this.grid[0];
    const pw = width + 2 * PATCH_RADIUS;
    for (let ty = 0; ty < height; ty++) {
      for (let tx = 0; tx < width; tx++) {
        const w = pixelWeight(flags[(ty + PATCH_RADIUS) * pw + tx + PATCH_RADIUS]);
        if (w === 0) continue;
        const cell = ((y + ty) >> this.gridLevel) * base.width + ((x + tx) >> this.gridLevel);
        const i = (ty * width + tx) * 4;
        for (let c = 0; c < 4; c++) base.sum[cell * 4 + c] += w * this.tileRgba[i + c];
        base.weight[cell] += w;
      }
    }
  }

  finishBox(): void {
    pushPull(this.grid, null);
  }

  fillTile(x: number, y: number, width: number, height: number): void {
    const pw = width + 2 * PATCH_RADIUS;
    const flags = tileFlags(this.tileMask, width, height);

    // The base colour of every pixel, and the residual of the known ones (padded like the flags).
    const L = new Uint8Array(width * height * 4);
    const R = new Int16Array(pw * (height + 2 * PATCH_RADIUS) * 4);
    upsampleBase(this.smoothBase(x, y, width, height, flags), this.smoothLevel, width, height, L);
    for (let ty = 0; ty < height; ty++) {
      for (let tx = 0; tx < width; tx++) {
        const p = (ty + PATCH_RADIUS) * pw + tx + PATCH_RADIUS;
        if (!(flags[p] & KNOWN)) continue;
        const i = (ty * width + tx) * 4;
        for (let c = 0; c < 4; c++) R[p * 4 + c] = this.tileRgba[i + c] - L[i + c];
      }
    }

    const order = fillOrder(this.tileMask, width, height);
    synthesize(order, flags, L, R, width, height, tileSeed(x, y));

    for (const t of order) {
      const p = ((t / width) | 0) * pw + (t % width) + PATCH_RADIUS * pw + PATCH_RADIUS;
      for (let c = 0; c < 4; c++) this.tileRgba[t * 4 + c] = clampByte(L[t * 4 + c] + R[p * 4 + c]);
    }
  }

  /** The smooth field of the tile at the base level, from the tile's own cells and the box's grid. */
  private smoothBase(x: number, y: number, width: number, height: number, flags: Uint8Array): FieldView {
    const grid = this.grid[0];
    const gridCell = 2 ** this.gridLevel;
    const gridView: FieldView = {
      data: grid.final,
      stride: grid.width,
      x0: x / gridCell,
      y0: y / gridCell,
      width: Math.ceil(width / gridCell),
      height: Math.ceil(height / gridCell),
    };
    const s = this.smoothLevel;
    if (this.gridLevel === s) return gridView;

    const cell = 2 ** s;
    const own = pyramid(s, Math.ceil(width / cell), Math.ceil(height / cell), this.gridLevel);
    const first = own[0];
    const pw = width + 2 * PATCH_RADIUS;
    for (let ty = 0; ty < height; ty++) {
      for (let tx = 0; tx < width; tx++) {
        const w = pixelWeight(flags[(ty + PATCH_RADIUS) * pw + tx + PATCH_RADIUS]);
        if (w === 0) continue;
        const c = (ty >> s) * first.width + (tx >> s);
        const i = (ty * width + tx) * 4;
        for (let k = 0; k < 4; k++) first.sum[c * 4 + k] += w * this.tileRgba[i + k];
        first.weight[c] += w;
      }
    }
    pushPull(own, gridView);
    return { data: first.final, stride: first.width, x0: 0, y0: 0, width: first.width, height: first.height };
  }
}

/**
 * Empty levels from `level` (width × height cells) upwards: up to level `below` (exclusive) when given,
 * else up to a single cell.
 */
function pyramid(level: number, width: number, height: number, below?: number): Level[] {
  const levels: Level[] = [];
  for (let k = level; below === undefined || k < below; k++) {
    const n = width * height;
    levels.push({ level: k, width, height, sum: new Float64Array(n * 4), weight: new Float64Array(n), final: new Float64Array(n * 4) });
    if (below === undefined && width === 1 && height === 1) break;
    width = Math.ceil(width / 2);
    height = Math.ceil(height / 2);
  }
  return levels;
}

/** Weight of a pixel's value in the base: trusted 4, known but touching the mask 1, masked 0. */
function pixelWeight(flag: number): number {
  return flag & TRUSTED ? 4 : flag & KNOWN ? 1 : 0;
}

/**
 * Pull (sums of each level into the next) then push (coarse to fine): each cell blends its own mean,
 * by its confidence, with the upsampled coarser field, then relaxes towards its neighbours. The top
 * level takes `above` as its coarser field, or its own mean when there is none.
 */
function pushPull(levels: Level[], above: FieldView | null): void {
  for (let k = 0; k + 1 < levels.length; k++) {
    const fine = levels[k];
    const coarse = levels[k + 1];
    for (let y = 0; y < fine.height; y++) {
      for (let x = 0; x < fine.width; x++) {
        const f = y * fine.width + x;
        const c = (y >> 1) * coarse.width + (x >> 1);
        for (let ch = 0; ch < 4; ch++) coarse.sum[c * 4 + ch] += fine.sum[f * 4 + ch];
        coarse.weight[c] += fine.weight[f];
      }
    }
  }
  let coarser = above;
  for (let k = levels.length - 1; k >= 0; k--) {
    pushLevel(levels[k], coarser);
    const l = levels[k];
    coarser = { data: l.final, stride: l.width, x0: 0, y0: 0, width: l.width, height: l.height };
  }
}

function pushLevel(l: Level, coarser: FieldView | null): void {
  const n = l.width * l.height;
  const full = 2 * 4 ** l.level;
  for (let i = 0; i < n; i++) {
    const w = l.weight[i];
    for (let ch = 0; ch < 4; ch++) l.sum[i * 4 + ch] = w > 0 ? l.sum[i * 4 + ch] / w : 0;
    l.weight[i] = w >= full ? 1 : w / full;
  }
  for (let y = 0; y < l.height; y++) {
    for (let x = 0; x < l.width; x++) {
      const i = y * l.width + x;
      const conf = l.weight[i];
      for (let ch = 0; ch < 4; ch++) {
        const mean = l.sum[i * 4 + ch];
        if (coarser === null) l.final[i * 4 + ch] = conf > 0 ? mean : FALLBACK[ch];
        else l.final[i * 4 + ch] = conf * mean + (1 - conf) * upsampleCell(coarser, x, y, ch);
      }
    }
  }
  if (coarser === null) return;
  const next = new Float64Array(n * 4);
  for (let it = 0; it < RELAX_ITERATIONS; it++) {
    for (let y = 0; y < l.height; y++) {
      for (let x = 0; x < l.width; x++) {
        const i = y * l.width + x;
        const conf = l.weight[i];
        for (let ch = 0; ch < 4; ch++) {
          if (conf >= 1) {
            next[i * 4 + ch] = l.final[i * 4 + ch];
            continue;
          }
          let sum = 0;
          let count = 0;
          if (x > 0) (sum += l.final[(i - 1) * 4 + ch]), count++;
          if (x + 1 < l.width) (sum += l.final[(i + 1) * 4 + ch]), count++;
          if (y > 0) (sum += l.final[(i - l.width) * 4 + ch]), count++;
          if (y + 1 < l.height) (sum += l.final[(i + l.width) * 4 + ch]), count++;
          const mean = l.sum[i * 4 + ch];
          next[i * 4 + ch] = count > 0 ? conf * mean + (1 - conf) * (sum / count) : l.final[i * 4 + ch];
        }
      }
    }
    l.final.set(next);
  }
}

/** The coarser field at fine cell (x, y): weights 9, 3, 3, 1 of the four nearest coarse cells. */
function upsampleCell(v: FieldView, x: number, y: number, ch: number): number {
  const cx = x >> 1;
  const cy = y >> 1;
  const nx = x & 1 ? Math.min(cx + 1, v.width - 1) : Math.max(cx - 1, 0);
  const ny = y & 1 ? Math.min(cy + 1, v.height - 1) : Math.max(cy - 1, 0);
  const a = fieldAt(v, cx, cy, ch);
  const b = fieldAt(v, nx, cy, ch);
  const c = fieldAt(v, cx, ny, ch);
  const d = fieldAt(v, nx, ny, ch);
  return (a * 9 + b * 3 + c * 3 + d) * 0.0625;
}

function fieldAt(v: FieldView, x: number, y: number, ch: number): number {
  return v.data[((v.y0 + y) * v.stride + v.x0 + x) * 4 + ch];
}

/** Bilinear interpolation of the base cells (cell centres) at every pixel, rounded to bytes. */
function upsampleBase(v: FieldView, level: number, width: number, height: number, out: Uint8Array): void {
  const cell = 2 ** level;
  const den = 2 * cell;
  for (let y = 0; y < height; y++) {
    const ny = 2 * y + 1 - cell;
    const y0 = ny >= 0 ? (ny / den) | 0 : -1;
    const fy = (ny - y0 * den) / den;
    const ya = Math.max(0, Math.min(v.height - 1, y0));
    const yb = Math.max(0, Math.min(v.height - 1, y0 + 1));
    for (let x = 0; x < width; x++) {
      const nx = 2 * x + 1 - cell;
      const x0 = nx >= 0 ? (nx / den) | 0 : -1;
      const fx = (nx - x0 * den) / den;
      const xa = Math.max(0, Math.min(v.width - 1, x0));
      const xb = Math.max(0, Math.min(v.width - 1, x0 + 1));
      for (let ch = 0; ch < 4; ch++) {
        // Down each cell column first, then across: a row of pixels shares its columns.
        const a = fieldAt(v, xa, ya, ch);
        const b = fieldAt(v, xb, ya, ch);
        const c = fieldAt(v, xa, yb, ch);
        const d = fieldAt(v, xb, yb, ch);
        const left = a + (c - a) * fy;
        const right = b + (d - b) * fy;
        out[(y * width + x) * 4 + ch] = clampByte(Math.floor(left + (right - left) * fx + 0.5));
      }
    }
  }
}

/** Flags of the tile's pixels on a grid padded by PATCH_RADIUS (padding: no flags). */
function tileFlags(mask: Uint8Array, width: number, height: number): Uint8Array {
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
function fillOrder(mask: Uint8Array, width: number, height: number): Int32Array {
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

/** 32 random bits scaled to 0..n−1 (multiply and shift: exact in float64, no division). */
function below(bits: number, n: number): number {
  return Math.floor((bits * n) / 4294967296);
}

/** Seed of the tile's random choices: depends only on where the tile is, so reruns repeat. */
function tileSeed(x: number, y: number): number {
  const seed = (Math.imul(x + 1, 73856093) ^ Math.imul(y + 1, 19349663) ^ 0x9e3779b9) >>> 0;
  return seed === 0 ? 1 : seed;
}

/** Copies a residual into every masked pixel of `order`, in order (see the module header, step 2). */
function synthesize(order: Int32Array, flags: Uint8Array, L: Uint8Array, R: Int16Array, width: number, height: number, seed: number): void {
  const pw = width + 2 * PATCH_RADIUS;
  const pad = PATCH_RADIUS * pw + PATCH_RADIUS;
  const source = new Int32Array(width * height).fill(-1);
  let state = seed;
  const random = (): number => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    return state;
  };
  const offsets: number[] = [];
  for (let dy = -PATCH_RADIUS; dy <= PATCH_RADIUS; dy++) {
    for (let dx = -PATCH_RADIUS; dx <= PATCH_RADIUS; dx++) if (dx !== 0 || dy !== 0) offsets.push(dy * pw + dx);
  }
  const patch = new Int32Array(offsets.length);
  const tried = new Int32Array(8);

  for (const t of order) {
    const px = t % width;
    const py = (t / width) | 0;
    const p = t + py * 2 * PATCH_RADIUS + pad;
    let valid = 0;
    for (const o of offsets) if (flags[p + o] & VALID) patch[valid++] = o;

    let best = -1;
    let bestNum = 0;
    let bestDen = 1;
    let bestUntrusted = false;
    const consider = (qx: number, qy: number, coherent: boolean): void => {
      if (qx < 0 || qy < 0 || qx >= width || qy >= height) return;
      const q = qy * pw + qx + pad;
      const f = flags[q];
      if (!(f & KNOWN)) return;
      let ssd = 0;
      let n = 0;
      for (let k = 0; k < valid; k++) {
        const o = patch[k];
        if (!(flags[q + o] & VALID)) continue;
        n++;
        for (let c = 0; c < 4; c++) {
          const d = R[(p + o) * 4 + c] - R[(q + o) * 4 + c];
          ssd += d * d;
        }
      }
      const qt = qy * width + qx;
      let dl = 0;
      for (let c = 0; c < 4; c++) {
        const d = L[t * 4 + c] - L[qt * 4 + c];
        dl += d * d;
      }
      const den = n > 0 ? n : 1;
      const num = (ssd + den * dl * BASE_MATCH_WEIGHT) * (coherent ? 1 : COHERENCE_BIAS);
      const untrusted = !(f & TRUSTED);
      const better = best < 0 || (untrusted !== bestUntrusted ? !untrusted : num * bestDen < bestNum * den);
      if (better) {
        best = qt;
        bestNum = num;
        bestDen = den;
        bestUntrusted = untrusted;
      }
    };

    // Coherence: continue the copy of each filled neighbour, one pixel on.
    let triedCount = 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = px + dx;
        const ny = py + dy;
        if ((dx === 0 && dy === 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const s = source[ny * width + nx];
        if (s < 0) continue;
        const qx = (s % width) - dx;
        const qy = ((s / width) | 0) - dy;
        if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
        const q = qy * width + qx;
        let seen = false;
        for (let k = 0; k < triedCount; k++) if (tried[k] === q) seen = true;
        if (seen) continue;
        tried[triedCount++] = q;
        consider(qx, qy, true);
      }
    }
    const randoms = triedCount > 0 ? RANDOM_CANDIDATES : FRONT_CANDIDATES;
    for (let k = 0; k < randoms; k++) {
      const dx = below(random(), 2 * SEARCH_RADIUS + 1) - SEARCH_RADIUS;
      const dy = below(random(), 2 * SEARCH_RADIUS + 1) - SEARCH_RADIUS;
      consider(px + dx, py + dy, false);
    }
    for (let r = SEARCH_RADIUS >> 1; r >= 1; r >>= 1) {
      const dx = below(random(), 2 * r + 1) - r;
      const dy = below(random(), 2 * r + 1) - r;
      if (best >= 0) consider((best % width) + dx, ((best / width) | 0) + dy, false);
    }

    if (best >= 0) copyResidual(R, flags, p, best + ((best / width) | 0) * 2 * PATCH_RADIUS + pad, pw);
    source[t] = best;
    flags[p] |= VALID;
  }
}

/**
 * Sets the residual of masked pixel `p` (padded index) to that of source `q`, plus a correction that
 * removes the step between p and each of its settled 4-neighbours n: the copy predicts R[q + (n − p)]
 * at n, and n holds R[n]. The mean step is added, at full strength towards known pixels and decayed
 * towards filled ones, so seams along the mask's edge and between copies from different places fade
 * out over a few pixels instead of showing as an outline.
 */
function copyResidual(R: Int16Array, flags: Uint8Array, p: number, q: number, pw: number): void {
  const step = [0, 0, 0, 0];
  let den = 0;
  for (const o of [-pw, -1, 1, pw]) {
    if (!(flags[p + o] & VALID) || !(flags[q + o] & VALID)) continue;
    const w = flags[p + o] & KNOWN ? SEAM_KNOWN_WEIGHT : SEAM_FILLED_WEIGHT;
    for (let c = 0; c < 4; c++) step[c] += w * (R[(p + o) * 4 + c] - R[(q + o) * 4 + c]);
    den += SEAM_KNOWN_WEIGHT;
  }
  // A residual beyond ±255 only saturates the output; bounding it keeps patch sums within 32 bits.
  for (let c = 0; c < 4; c++) R[p * 4 + c] = Math.max(-255, Math.min(255, R[q * 4 + c] + (den > 0 ? (step[c] / den) | 0 : 0)));
}

function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * Push-pull over cells of known pixels, the smooth base of the fill (step 1 of the algorithm described
 * in inpaint-reference.ts), in plain TypeScript; wasm/inpaint/assembly/pyramid.ts and index.ts
 * (upsampleBase) do the same operations, float64 in the same order.
 */

const RELAX_ITERATIONS = 16;
/** Base colour of a box without one known pixel. */
const FALLBACK = [128, 128, 128, 255];

/** A level of a push-pull pyramid: cells of 2^level pixels. */
export interface Level {
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
export interface FieldView {
  data: Float64Array;
  stride: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/**
 * Empty levels from `level` (width × height cells) upwards: up to level `below` (exclusive) when given,
 * else up to a single cell.
 */
export function pyramid(level: number, width: number, height: number, below?: number): Level[] {
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

/**
 * Pull (sums of each level into the next) then push (coarse to fine): each cell blends its own mean,
 * by its confidence, with the upsampled coarser field, then relaxes towards its neighbours. The top
 * level takes `above` as its coarser field, or its own mean when there is none.
 */
export function pushPull(levels: Level[], above: FieldView | null): void {
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
export function upsampleBase(v: FieldView, level: number, width: number, height: number, out: Uint8Array): void {
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

/** Rounds into 0..255. */
export function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

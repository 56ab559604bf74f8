/**
 * Push-pull over cells of known pixels: the smooth base of the fill. Mirrors pyramid, pushPull,
 * pushLevel and upsampleCell in src/pipeline/render/inpaint-reference-pyramid.ts operation for operation (float64
 * in the same order), so both give the same bits.
 */
import { CELL_BYTES, FieldView, Level, MAX_LEVELS, SCRATCH } from './layout';

const RELAX_ITERATIONS: i32 = 16;

// Base colour of a box without one known pixel.
const FALLBACK_GREY: f64 = 128;
const FALLBACK_ALPHA: f64 = 255;

@inline export function levelAt(descs: usize, k: i32): Level {
  return changetype<Level>(descs + <usize>k * offsetof<Level>());
}

@inline export function f64At(ptr: usize, i: i32): f64 {
  return load<f64>(ptr + (<usize>i << 3));
}

@inline function setF64(ptr: usize, i: i32, v: f64): void {
  store<f64>(ptr + (<usize>i << 3), v);
}

/**
 * Lays out empty levels from `level` (width × height cells) upwards in `cells`: up to level `below`
 * (exclusive) when it is not -1, else up to a single cell. Returns the number of levels, or -1 when
 * they would not fit in `capacity` cells.
 */
export function buildPyramid(descs: usize, cells: usize, capacity: i32, level: i32, width: i32, height: i32, below: i32): i32 {
  let count = 0;
  let used = 0;
  let w = width;
  let h = height;
  for (let k = level; below < 0 || k < below; k++) {
    const n = w * h;
    if (used + n > capacity || count == MAX_LEVELS) return -1;
    const l = levelAt(descs, count);
    const at = cells + <usize>used * <usize>CELL_BYTES;
    l.level = k;
    l.width = w;
    l.height = h;
    l.sum = at;
    l.weight = at + <usize>n * 32;
    l.field = at + <usize>n * 40;
    memory.fill(at, 0, <usize>n * <usize>CELL_BYTES);
    used += n;
    count++;
    if (below < 0 && w == 1 && h == 1) break;
    w = (w + 1) >> 1;
    h = (h + 1) >> 1;
  }
  return count;
}

/** Adds weight × rgba to a level's cell. */
@inline export function addToCell(l: Level, cell: i32, weight: f64, rgba: usize): void {
  const s = l.sum + (<usize>cell << 5);
  store<f64>(s, load<f64>(s) + weight * <f64>load<u8>(rgba));
  store<f64>(s + 8, load<f64>(s + 8) + weight * <f64>load<u8>(rgba + 1));
  store<f64>(s + 16, load<f64>(s + 16) + weight * <f64>load<u8>(rgba + 2));
  store<f64>(s + 24, load<f64>(s + 24) + weight * <f64>load<u8>(rgba + 3));
  const w = l.weight + (<usize>cell << 3);
  store<f64>(w, load<f64>(w) + weight);
}

/** Points `view` at the whole of level `l`. */
export function viewLevel(view: FieldView, l: Level): void {
  view.data = l.field;
  view.stride = l.width;
  view.x0 = 0;
  view.y0 = 0;
  view.width = l.width;
  view.height = l.height;
}

@inline export function fieldAt(v: FieldView, x: i32, y: i32, ch: i32): f64 {
  return f64At(v.data, ((v.y0 + y) * v.stride + v.x0 + x) * 4 + ch);
}

/**
 * Pull (sums of each level into the next), then push coarse to fine. The top level takes `above` as its
 * coarser field (0: none, it keeps its own mean). `spare` is a FieldView the push may use.
 */
export function pushPull(descs: usize, count: i32, above: usize, spare: FieldView): void {
  for (let k = 0; k + 1 < count; k++) {
    const fine = levelAt(descs, k);
    const coarse = levelAt(descs, k + 1);
    for (let y = 0; y < fine.height; y++) {
      for (let x = 0; x < fine.width; x++) {
        const f = y * fine.width + x;
        const c = (y >> 1) * coarse.width + (x >> 1);
        for (let ch = 0; ch < 4; ch++) setF64(coarse.sum, c * 4 + ch, f64At(coarse.sum, c * 4 + ch) + f64At(fine.sum, f * 4 + ch));
        setF64(coarse.weight, c, f64At(coarse.weight, c) + f64At(fine.weight, f));
      }
    }
  }
  let coarser = above;
  for (let k = count - 1; k >= 0; k--) {
    const l = levelAt(descs, k);
    pushLevel(l, coarser);
    viewLevel(spare, l);
    coarser = changetype<usize>(spare);
  }
}

function pushLevel(l: Level, coarser: usize): void {
  const n = l.width * l.height;
  const full = 2.0 * <f64>(<i64>1 << (<i64>(2 * l.level)));
  for (let i = 0; i < n; i++) {
    const w = f64At(l.weight, i);
    for (let ch = 0; ch < 4; ch++) setF64(l.sum, i * 4 + ch, w > 0 ? f64At(l.sum, i * 4 + ch) / w : 0);
    setF64(l.weight, i, w >= full ? 1 : w / full);
  }
  const view = changetype<FieldView>(coarser);
  for (let y = 0; y < l.height; y++) {
    for (let x = 0; x < l.width; x++) {
      const i = y * l.width + x;
      const conf = f64At(l.weight, i);
      for (let ch = 0; ch < 4; ch++) {
        const mean = f64At(l.sum, i * 4 + ch);
        if (coarser == 0) setF64(l.field, i * 4 + ch, conf > 0 ? mean : ch == 3 ? FALLBACK_ALPHA : FALLBACK_GREY);
        else setF64(l.field, i * 4 + ch, conf * mean + (1 - conf) * upsampleCell(view, x, y, ch));
      }
    }
  }
  if (coarser == 0) return;
  for (let it = 0; it < RELAX_ITERATIONS; it++) {
    for (let y = 0; y < l.height; y++) {
      for (let x = 0; x < l.width; x++) {
        const i = y * l.width + x;
        const conf = f64At(l.weight, i);
        for (let ch = 0; ch < 4; ch++) {
          const j = i * 4 + ch;
          if (conf >= 1) {
            setF64(SCRATCH, j, f64At(l.field, j));
            continue;
          }
          let sum: f64 = 0;
          let count = 0;
          if (x > 0) {
            sum += f64At(l.field, j - 4);
            count++;
          }
          if (x + 1 < l.width) {
            sum += f64At(l.field, j + 4);
            count++;
          }
          if (y > 0) {
            sum += f64At(l.field, j - l.width * 4);
            count++;
          }
          if (y + 1 < l.height) {
            sum += f64At(l.field, j + l.width * 4);
            count++;
          }
          const mean = f64At(l.sum, j);
          setF64(SCRATCH, j, count > 0 ? conf * mean + (1 - conf) * (sum / <f64>count) : f64At(l.field, j));
        }
      }
    }
    memory.copy(l.field, SCRATCH, <usize>n * 32);
  }
}

/** The coarser field at fine cell (x, y): weights 9, 3, 3, 1 of the four nearest coarse cells. */
function upsampleCell(v: FieldView, x: i32, y: i32, ch: i32): f64 {
  const cx = x >> 1;
  const cy = y >> 1;
  const nx = x & 1 ? min(cx + 1, v.width - 1) : max(cx - 1, 0);
  const ny = y & 1 ? min(cy + 1, v.height - 1) : max(cy - 1, 0);
  const a = fieldAt(v, cx, cy, ch);
  const b = fieldAt(v, nx, cy, ch);
  const c = fieldAt(v, cx, ny, ch);
  const d = fieldAt(v, nx, ny, ch);
  return (a * 9 + b * 3 + c * 3 + d) * 0.0625;
}

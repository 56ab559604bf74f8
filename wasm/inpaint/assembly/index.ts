/**
 * The inpainting kernel: the steps of InpaintKernel (src/pipeline/render/inpaint-driver.ts) on buffers
 * at fixed places in this module's memory (layout.ts). The algorithm is specified, and explained, by its
 * TypeScript reference, src/pipeline/render/inpaint-reference.ts; every function here mirrors one there
 * so that both give the same bits. Calls return 0, or a negative code for arguments out of range.
 */
import {
  BASE_COLUMNS, BASE_RGBA, BASE_VIEW, FieldView, FLAGS, GRID_CELL_CAPACITY,
  GRID_CELLS, GRID_LEVELS, GRID_MAX_CELLS, GRID_MAX_SIDE, GRID_VIEW, MASK, MAX_SMOOTH_LEVEL,
  MIN_SMOOTH_LEVEL, ORDER, PAD, RESIDUAL, RGBA, reserveMemory, TILE_CELL_CAPACITY, TILE_CELLS,
  TILE_LEVELS, TILE_SIDE,
} from './layout';
import { fillOrder, computeFlags, KNOWN, TRUSTED } from './order';
import { addToCell, buildPyramid, levelAt, pushPull } from './pyramid';
import { seedForTile } from './random';
import { synthesize } from './synthesis';

const BAD_ARGUMENT: i32 = -1;
const NO_MEMORY: i32 = -2;

let boxWidth: i32 = 0;
let boxHeight: i32 = 0;
let gridLevel: i32 = MIN_SMOOTH_LEVEL;
let smoothLevel: i32 = MIN_SMOOTH_LEVEL;
let gridCount: i32 = 0;

/** Reserves the kernel's memory; call once before anything else. */
export function init(): i32 {
  return reserveMemory() ? 0 : NO_MEMORY;
}

/** Where the caller writes a tile's RGBA (TILE_SIDE² × 4 bytes) and reads the fill back. */
export function rgbaPointer(): usize {
  return RGBA;
}

/** Where the caller writes a tile's mask (TILE_SIDE² bytes, 1 = fill). */
export function maskPointer(): usize {
  return MASK;
}

export function tileSide(): i32 {
  return TILE_SIDE;
}

/** Starts a box of width × height pixels: an empty grid of 2^level cells, a base of 2^smooth cells. */
export function beginBox(width: i32, height: i32, level: i32, smooth: i32): i32 {
  if (width <= 0 || height <= 0 || smooth < MIN_SMOOTH_LEVEL || smooth > MAX_SMOOTH_LEVEL || level < smooth || level > 24) return BAD_ARGUMENT;
  const cell = 1 << level;
  const gw = (width + cell - 1) >> level;
  const gh = (height + cell - 1) >> level;
  if (gw > GRID_MAX_SIDE || gh > GRID_MAX_SIDE || gw * gh > GRID_MAX_CELLS) return BAD_ARGUMENT;
  gridCount = buildPyramid(GRID_LEVELS, GRID_CELLS, GRID_CELL_CAPACITY, level, gw, gh, -1);
  if (gridCount < 0) return NO_MEMORY;
  boxWidth = width;
  boxHeight = height;
  gridLevel = level;
  smoothLevel = smooth;
  return 0;
}

function tileFits(x: i32, y: i32, width: i32, height: i32): bool {
  return width > 0 && height > 0 && width <= TILE_SIDE && height <= TILE_SIDE && x >= 0 && y >= 0 &&
    x + width <= boxWidth && y + height <= boxHeight;
}

/** Weight of a pixel in the base: trusted 4, known but touching the mask 1, masked 0. */
@inline function pixelWeight(flag: u8): f64 {
  return flag & TRUSTED ? 4 : flag & KNOWN ? 1 : 0;
}

/** Adds the known pixels of the tile at (x, y) to the box's grid. */
export function addTile(x: i32, y: i32, width: i32, height: i32): i32 {
  if (!tileFits(x, y, width, height)) return BAD_ARGUMENT;
  computeFlags(width, height);
  const base = levelAt(GRID_LEVELS, 0);
  const pw = width + 2 * PAD;
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      const w = pixelWeight(load<u8>(FLAGS + <usize>((ty + PAD) * pw + tx + PAD)));
      if (w == 0) continue;
      const cell = ((y + ty) >> gridLevel) * base.width + ((x + tx) >> gridLevel);
      addToCell(base, cell, w, RGBA + (<usize>(ty * width + tx) << 2));
    }
  }
  return 0;
}

/** Turns the grid into a smooth field over the whole box. */
export function finishBox(): i32 {
  pushPull(GRID_LEVELS, gridCount, 0, changetype<FieldView>(BASE_VIEW));
  return 0;
}

/** Fills the masked pixels of the tile at (x, y) of the box (x, y multiples of the grid's cell). */
export function fillTile(x: i32, y: i32, width: i32, height: i32): i32 {
  const cell = 1 << gridLevel;
  if (!tileFits(x, y, width, height) || x & (cell - 1) || y & (cell - 1)) return BAD_ARGUMENT;
  const pw = width + 2 * PAD;
  computeFlags(width, height);
  const base = smoothBase(x, y, width, height);
  if (base == null) return NO_MEMORY;
  upsampleBase(base, width, height);
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      const p = (ty + PAD) * pw + tx + PAD;
      const at = RESIDUAL + (<usize>p << 3);
      if (!(load<u8>(FLAGS + <usize>p) & KNOWN)) {
        store<u64>(at, 0);
        continue;
      }
      const i = <usize>(ty * width + tx) << 2;
      for (let c: usize = 0; c < 4; c++) {
        store<i16>(at + (c << 1), <i16>(<i32>load<u8>(RGBA + i + c) - <i32>load<u8>(BASE_RGBA + i + c)));
      }
    }
  }
  const count = fillOrder(width, height);
  seedForTile(x, y);
  synthesize(width, height, count);
  for (let k = 0; k < count; k++) {
    const t = load<i32>(ORDER + (<usize>k << 2));
    const p = (t / width) * pw + (t % width) + PAD * pw + PAD;
    for (let c: usize = 0; c < 4; c++) {
      const v = <i32>load<u8>(BASE_RGBA + (<usize>t << 2) + c) + <i32>load<i16>(RESIDUAL + (<usize>p << 3) + (c << 1));
      store<u8>(RGBA + (<usize>t << 2) + c, <u8>(v < 0 ? 0 : v > 255 ? 255 : v));
    }
  }
  return 0;
}

/** The tile's smooth field at the base level: the box grid itself, or the tile's own levels below it. */
function smoothBase(x: i32, y: i32, width: i32, height: i32): FieldView | null {
  const grid = levelAt(GRID_LEVELS, 0);
  const gridCell = 1 << gridLevel;
  const view = changetype<FieldView>(GRID_VIEW);
  view.data = grid.field;
  view.stride = grid.width;
  view.x0 = x >> gridLevel;
  view.y0 = y >> gridLevel;
  view.width = (width + gridCell - 1) >> gridLevel;
  view.height = (height + gridCell - 1) >> gridLevel;
  const s = smoothLevel;
  if (gridLevel == s) return view;

  const cell = 1 << s;
  const count = buildPyramid(TILE_LEVELS, TILE_CELLS, TILE_CELL_CAPACITY, s, (width + cell - 1) >> s, (height + cell - 1) >> s, gridLevel);
  if (count < 0) return null;
  const first = levelAt(TILE_LEVELS, 0);
  const pw = width + 2 * PAD;
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      const w = pixelWeight(load<u8>(FLAGS + <usize>((ty + PAD) * pw + tx + PAD)));
      if (w == 0) continue;
      addToCell(first, (ty >> s) * first.width + (tx >> s), w, RGBA + (<usize>(ty * width + tx) << 2));
    }
  }
  const spare = changetype<FieldView>(BASE_VIEW);
  pushPull(TILE_LEVELS, count, GRID_VIEW, spare);
  return spare;
}

/**
 * Bilinear interpolation of the base cells at every pixel of the tile, rounded to bytes, into
 * BASE_RGBA. Like the reference, down each cell column first (once per row, into BASE_COLUMNS), then
 * across; two channels at a time in f64x2, the same IEEE operations in the same order as the
 * reference's scalar ones.
 */
function upsampleBase(v: FieldView, width: i32, height: i32): void {
  const out = BASE_RGBA;
  const level = smoothLevel;
  const cell = 1 << level;
  const den = 2 * cell;
  const half = f64x2.splat(0.5);
  for (let y = 0; y < height; y++) {
    const ny = 2 * y + 1 - cell;
    const y0 = ny >= 0 ? ny >> (level + 1) : -1;
    const fy = f64x2.splat(<f64>(ny - y0 * den) / <f64>den);
    const ya = max(0, min(v.height - 1, y0));
    const yb = max(0, min(v.height - 1, y0 + 1));
    const rowA = v.data + (<usize>((v.y0 + ya) * v.stride + v.x0) << 5);
    const rowB = v.data + (<usize>((v.y0 + yb) * v.stride + v.x0) << 5);
    for (let i: usize = 0; i < <usize>v.width << 5; i += 16) {
      const a = v128.load(rowA + i);
      store<v128>(BASE_COLUMNS + i, f64x2.add(a, f64x2.mul(f64x2.sub(v128.load(rowB + i), a), fy)));
    }
    for (let x = 0; x < width; x++) {
      const nx = 2 * x + 1 - cell;
      const x0 = nx >= 0 ? nx >> (level + 1) : -1;
      const fx = f64x2.splat(<f64>(nx - x0 * den) / <f64>den);
      const left = BASE_COLUMNS + (<usize>max(0, min(v.width - 1, x0)) << 5);
      const right = BASE_COLUMNS + (<usize>max(0, min(v.width - 1, x0 + 1)) << 5);
      const at = out + (<usize>(y * width + x) << 2);
      for (let c: usize = 0; c < 32; c += 16) {
        const l = v128.load(left + c);
        const value = f64x2.floor(f64x2.add(f64x2.add(l, f64x2.mul(f64x2.sub(v128.load(right + c), l), fx)), half));
        store<u8>(at + (c >> 3), toByte(f64x2.extract_lane(value, 0)));
        store<u8>(at + (c >> 3) + 1, toByte(f64x2.extract_lane(value, 1)));
      }
    }
  }
}

@inline function toByte(value: f64): u8 {
  return <u8>(value < 0 ? 0 : value > 255 ? 255 : <i32>value);
}

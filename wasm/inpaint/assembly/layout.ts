/**
 * The kernel's memory map. Every buffer has a fixed place, sized for the largest tile
 * (TILE_SIDE × TILE_SIDE, see src/pipeline/render/inpaint-tiles.ts) and the largest coarse grid, so the
 * kernel allocates nothing at run time: `init` grows the memory once to LAYOUT_END and the module's
 * declared maximum (asconfig.json, 256 pages = 16 MiB) makes any further growth impossible.
 */

/** Must match TILE_SIDE in inpaint-tiles.ts. */
export const TILE_SIDE: i32 = 512;
/** Patch radius; grids of flags and residuals are padded by it so patch reads need no bounds checks. */
export const PAD: i32 = 2;
export const PADDED_SIDE: i32 = TILE_SIDE + 2 * PAD;

export const MIN_SMOOTH_LEVEL: i32 = 2;
export const MAX_SMOOTH_LEVEL: i32 = 4;
/** Must match GRID_MAX_CELLS / GRID_MAX_SIDE in inpaint-tiles.ts. */
export const GRID_MAX_CELLS: i32 = 16384;
export const GRID_MAX_SIDE: i32 = 256;
/** Cells of a whole coarse-grid pyramid at most (worst case 65 × 252 cells at its finest level). */
const GRID_CAPACITY: i32 = 22016;
/** Cells of a tile's own pyramid at most: 128 × 128 cells of 4 × 4 pixels and the levels above. */
const TILE_PYRAMID_CAPACITY: i32 = 21845;
/** Largest level of either pyramid, in cells (for the relaxation's scratch field). */
const LARGEST_LEVEL: i32 = 16384;
export const MAX_LEVELS: i32 = 32;
/** Chamfer distances in a tile stay below 4 × TILE_SIDE; one more bucket for unreachable pixels. */
export const DISTANCE_BUCKETS: i32 = 4 * TILE_SIDE + 2;

/** Bytes per pyramid cell: 4 channel sums (later means), a weight (later a confidence), 4 channels of field. */
export const CELL_BYTES: i32 = 4 * 8 + 8 + 4 * 8;

/** Static data of the module (no strings or arrays are used) ends well below this. */
const BASE: usize = 65536;

function align(at: usize): usize {
  return (at + 15) & ~(<usize>15);
}

const TILE_PIXELS: usize = <usize>(TILE_SIDE * TILE_SIDE);
const PADDED_PIXELS: usize = <usize>(PADDED_SIDE * PADDED_SIDE);

/** Tile RGBA written by the caller, and read back with the fill. */
export const RGBA: usize = BASE;
/** Tile mask written by the caller (1 = fill). */
export const MASK: usize = align(RGBA + TILE_PIXELS * 4);
/** Per padded pixel: KNOWN | VALID | TRUSTED bits. */
export const FLAGS: usize = align(MASK + TILE_PIXELS);
/** Per pixel: base colour, 4 bytes. */
export const BASE_RGBA: usize = align(FLAGS + PADDED_PIXELS);
/** Per padded pixel: residual, 4 × i16. */
export const RESIDUAL: usize = align(BASE_RGBA + TILE_PIXELS * 4);
/** Per pixel: the source a masked pixel copied, as (y << 16 | x), or -1. */
export const SOURCE: usize = align(RESIDUAL + PADDED_PIXELS * 8);
/** Per pixel: chamfer distance to the nearest known pixel (u16). */
export const DISTANCE: usize = align(SOURCE + TILE_PIXELS * 4);
/** Masked pixels in fill order (i32 tile indices). */
export const ORDER: usize = align(DISTANCE + TILE_PIXELS * 2);
export const BUCKETS: usize = align(ORDER + TILE_PIXELS * 4);
/** Padded-grid offsets of the 24 patch neighbours, and the valid ones for the current pixel. */
export const PATCH_OFFSETS: usize = align(BUCKETS + <usize>DISTANCE_BUCKETS * 4);
export const PATCH_VALID: usize = PATCH_OFFSETS + 24 * 4;
/** Sources already tried for the current pixel through its neighbours (at most 8). */
export const TRIED: usize = PATCH_VALID + 24 * 4;
/** Residuals (4 × i16) of the current pixel's valid patch neighbours, gathered for SIMD. */
export const PATCH_RESIDUAL: usize = align(TRIED + 8 * 4);
/** One row of a base level's cells, interpolated down to the current pixel row (4 × f64 per cell). */
export const BASE_COLUMNS: usize = align(PATCH_RESIDUAL + 24 * 8);
/** Level descriptors of the box's grid pyramid and of the current tile's pyramid. */
export const GRID_LEVELS: usize = align(BASE_COLUMNS + <usize>(TILE_SIDE / 4 + 2) * 32);
export const TILE_LEVELS: usize = GRID_LEVELS + <usize>MAX_LEVELS * offsetof<Level>();
/** Two field views: the box grid's part under the current tile, and the tile's base level. */
export const GRID_VIEW: usize = align(TILE_LEVELS + <usize>MAX_LEVELS * offsetof<Level>());
export const BASE_VIEW: usize = GRID_VIEW + 32;
export const GRID_CELLS: usize = align(BASE_VIEW + 32);
export const TILE_CELLS: usize = align(GRID_CELLS + <usize>GRID_CAPACITY * <usize>CELL_BYTES);
export const SCRATCH: usize = align(TILE_CELLS + <usize>TILE_PYRAMID_CAPACITY * <usize>CELL_BYTES);
export const LAYOUT_END: usize = align(SCRATCH + <usize>LARGEST_LEVEL * 32);

export const GRID_CELL_CAPACITY: i32 = GRID_CAPACITY;
export const TILE_CELL_CAPACITY: i32 = TILE_PYRAMID_CAPACITY;

/** One level of a push-pull pyramid, stored in the level descriptor areas. */
@unmanaged
export class Level {
  /** log2 of the cell size in pixels. */
  level: i32;
  width: i32;
  height: i32;
  /** Per cell, 4 × f64: sums of weight × value, then means. */
  sum: usize;
  /** Per cell, f64: sum of weights, then confidence 0..1. */
  weight: usize;
  /** Per cell, 4 × f64: the smooth field. */
  field: usize;
}

/** A rectangle of a level's field, read with clamping at its edges. */
@unmanaged
export class FieldView {
  data: usize;
  stride: i32;
  x0: i32;
  y0: i32;
  width: i32;
  height: i32;
}

/** Grows the memory to the layout once. Returns false if the static data overlaps the buffers. */
export function reserveMemory(): bool {
  if (__heap_base > BASE) return false;
  const pages = <i32>((LAYOUT_END + 65535) >> 16);
  const have = memory.size();
  if (have < pages && memory.grow(pages - have) < 0) return false;
  return true;
}

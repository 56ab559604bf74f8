/**
 * How a box is cut into tiles for the inpainting kernel, so that the kernel's memory is fixed whatever
 * the box size. The WebAssembly kernel and its TypeScript reference hold buffers for one tile of at
 * most TILE_SIDE × TILE_SIDE pixels plus one coarse grid of the whole box, and nothing else.
 *
 * The smooth part of the fill needs the whole box (a masked area may be far from known pixels), the
 * texture part only a neighbourhood. So the box is read twice: first in plain tiles that add the known
 * pixels into a coarse grid (cells of 2^gridLevel pixels, at most GRID_MAX_CELLS of them), then in
 * overlapping tiles that are filled: each tile carries a margin of context around the core it writes,
 * so that fills in neighbouring tiles agree where they meet. Tile origins are multiples of the grid's
 * cell size, which lets a tile take its coarse levels straight from the grid.
 */
import type { Box } from '../types';

/** Largest tile side the kernel holds, margin included. */
export const TILE_SIDE = 512;

/**
 * Levels (log2 of the cell size) the smooth base may use: cells of 4 × 4 to 16 × 16 pixels. Detail finer
 * than the cells is copied as texture; coarser shading is interpolated.
 */
export const MIN_SMOOTH_LEVEL = 2;
export const MAX_SMOOTH_LEVEL = 4;

/** The coarse grid of a box has at most this many cells, and at most GRID_MAX_SIDE along either side. */
export const GRID_MAX_CELLS = 16384;
export const GRID_MAX_SIDE = 256;

/** Context kept around a tile's core when a box needs several tiles. */
export const MIN_TILE_MARGIN = 64;

/** One tile: `area` is what the kernel sees, `core` the part of it whose pixels are written back. */
export interface Tile {
  area: Box;
  core: Box;
}

export interface TilePlan {
  /** Cell size of the smooth base is 2^smoothLevel pixels. */
  smoothLevel: number;
  /** Cell size of the coarse grid is 2^gridLevel pixels (never finer than the smooth base). */
  gridLevel: number;
  /** Plain tiles covering the box once, read to build the coarse grid. */
  gridTiles: Box[];
  /** Overlapping tiles that are filled; their cores cover the box once. */
  fillTiles: Tile[];
}

/**
 * Level of the smooth base for a mask: cells about as wide as its strokes, so that a stroke's inside is
 * spanned by copied texture rather than by a smooth membrane (which reads as a blurred letter on a
 * textured background) — but no wider: large cells next to text also take in what lies beside it (a
 * sign's border a few pixels away). Stroke width is estimated as 2 × area / perimeter, which is exact
 * for long strokes and needs no memory beyond the mask.
 */
export function smoothLevelFor(mask: Uint8Array, width: number, height: number): number {
  let area = 0;
  let edges = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!mask[i]) continue;
      area++;
      if (x > 0 && !mask[i - 1]) edges++;
      if (x + 1 < width && !mask[i + 1]) edges++;
      if (y > 0 && !mask[i - width]) edges++;
      if (y + 1 < height && !mask[i + width]) edges++;
    }
  }
  const halfStroke = edges > 0 ? area / edges : Infinity;
  let level = MIN_SMOOTH_LEVEL;
  while (level < MAX_SMOOTH_LEVEL && 2 ** (level + 1) < halfStroke) level++;
  return level;
}

/** Level of the coarse grid for a box: the finest that keeps the grid within its cell budget. */
export function gridLevelFor(width: number, height: number, smoothLevel: number): number {
  let level = smoothLevel;
  for (;;) {
    const w = Math.ceil(width / 2 ** level);
    const h = Math.ceil(height / 2 ** level);
    if (w <= GRID_MAX_SIDE && h <= GRID_MAX_SIDE && w * h <= GRID_MAX_CELLS) return level;
    level++;
  }
}

/** Tiles for a box of `width` × `height` (box coordinates, origin 0,0). */
export function planTiles(width: number, height: number, smoothLevel: number): TilePlan {
  const gridLevel = gridLevelFor(width, height, smoothLevel);
  const cell = 2 ** gridLevel;
  const margin = Math.max(MIN_TILE_MARGIN, cell);
  const core = Math.floor((TILE_SIDE - 2 * margin) / cell) * cell;
  if (core < cell) throw new RangeError(`inpaint: box ${width}×${height} is too large to tile`);

  const gridTiles: Box[] = [];
  for (let y = 0; y < height; y += TILE_SIDE) {
    for (let x = 0; x < width; x += TILE_SIDE) {
      gridTiles.push({ x, y, width: Math.min(TILE_SIDE, width - x), height: Math.min(TILE_SIDE, height - y) });
    }
  }
  const fillTiles: Tile[] = [];
  for (const [ay, cy] of spans(height, core, margin)) {
    for (const [ax, cx] of spans(width, core, margin)) {
      fillTiles.push({
        area: { x: ax[0], y: ay[0], width: ax[1] - ax[0], height: ay[1] - ay[0] },
        core: { x: cx[0], y: cy[0], width: cx[1] - cx[0], height: cy[1] - cy[0] },
      });
    }
  }
  return { smoothLevel, gridLevel, gridTiles, fillTiles };
}

/** Along one axis: [area, core] intervals. A side that fits in one tile is one tile without margin. */
function spans(size: number, core: number, margin: number): [[number, number], [number, number]][] {
  if (size <= TILE_SIDE) return [[[0, size], [0, size]]];
  const out: [[number, number], [number, number]][] = [];
  for (let start = 0; start < size; start += core) {
    const end = Math.min(size, start + core);
    out.push([[Math.max(0, start - margin), Math.min(size, end + margin)], [start, end]]);
  }
  return out;
}

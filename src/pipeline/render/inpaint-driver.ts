/**
 * Feeds a box of an image through an inpainting kernel, tile by tile (see inpaint-tiles.ts), and writes
 * the filled pixels back. The WebAssembly kernel (inpaint.ts) and the TypeScript reference
 * (inpaint-reference.ts) implement the same InpaintKernel steps and share this driver, so the tests
 * that compare them compare the kernels alone.
 */
import type { Box, RgbaImage } from '../types';
import { planTiles, smoothLevelFor, type Tile } from './inpaint-tiles';

/**
 * The steps of the fill, on buffers the kernel owns. Between calls the caller writes one tile (row-major,
 * `width` × `height`, no padding) into `rgba()` and `mask()`; after `fillTile` the masked pixels of
 * `rgba()` hold the fill.
 */
export interface InpaintKernel {
  /** RGBA of the current tile: TILE_SIDE² × 4 bytes. */
  rgba(): Uint8Array;
  /** Mask of the current tile, 1 = fill: TILE_SIDE² bytes. */
  mask(): Uint8Array;
  /**
   * Starts a box: clears the coarse grid, whose cells are 2^gridLevel pixels; the smooth base will have
   * cells of 2^smoothLevel pixels.
   */
  beginBox(width: number, height: number, gridLevel: number, smoothLevel: number): void;
  /** Adds the known pixels of the tile at (x, y) of the box to the coarse grid. */
  addTile(x: number, y: number, width: number, height: number): void;
  /** Turns the coarse grid into a smooth field over the whole box. */
  finishBox(): void;
  /** Fills the masked pixels of the tile at (x, y) of the box. */
  fillTile(x: number, y: number, width: number, height: number): void;
}

/**
 * Fills, in place, the pixels of `image` inside `box` whose `mask` entry (box.width × box.height) is
 * set, from the unmasked pixels around them. Unmasked pixels are never written. A box without a single
 * unmasked pixel takes the ring of pixels just outside it as context (or, for a fully masked image,
 * ends up grey).
 */
export function inpaintWith(kernel: InpaintKernel, image: RgbaImage, mask: Uint8Array, box: Box): void {
  if (box.width <= 0 || box.height <= 0) return;
  const area = box.width * box.height;
  let masked = 0;
  for (let i = 0; i < area; i++) if (mask[i]) masked++;
  if (masked === 0) return;
  if (masked === area) {
    const ring = withContextRing(image, mask, box);
    if (ring) return inpaintWith(kernel, image, ring.mask, ring.box);
  }

  const plan = planTiles(box.width, box.height, smoothLevelFor(mask, box.width, box.height));
  kernel.beginBox(box.width, box.height, plan.gridLevel, plan.smoothLevel);
  const single = plan.gridTiles.length === 1;
  for (const tile of plan.gridTiles) {
    copyIn(kernel, image, mask, box, tile);
    kernel.addTile(tile.x, tile.y, tile.width, tile.height);
  }
  kernel.finishBox();
  for (const tile of plan.fillTiles) {
    if (!hasMasked(mask, box.width, tile.core)) continue;
    // A box that is one tile is still in the kernel's buffers from the first pass.
    if (!single) copyIn(kernel, image, mask, box, tile.area);
    kernel.fillTile(tile.area.x, tile.area.y, tile.area.width, tile.area.height);
    copyOut(kernel, image, mask, box, tile);
  }
}

/** The box grown by one pixel (within the image), with the new ring left unmasked; null at full size. */
function withContextRing(image: RgbaImage, mask: Uint8Array, box: Box): { box: Box; mask: Uint8Array } | null {
  const x0 = Math.max(0, box.x - 1);
  const y0 = Math.max(0, box.y - 1);
  const x1 = Math.min(image.width, box.x + box.width + 1);
  const y1 = Math.min(image.height, box.y + box.height + 1);
  const grown = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  if (grown.width === box.width && grown.height === box.height) return null;
  const grownMask = new Uint8Array(grown.width * grown.height);
  for (let y = 0; y < box.height; y++) {
    const row = (box.y - y0 + y) * grown.width + (box.x - x0);
    grownMask.set(mask.subarray(y * box.width, (y + 1) * box.width), row);
  }
  return { box: grown, mask: grownMask };
}

function hasMasked(mask: Uint8Array, stride: number, core: Box): boolean {
  for (let y = core.y; y < core.y + core.height; y++) {
    for (let x = core.x; x < core.x + core.width; x++) if (mask[y * stride + x]) return true;
  }
  return false;
}

/** Copies the tile `t` (box coordinates) of the image and mask into the kernel's buffers. */
function copyIn(kernel: InpaintKernel, image: RgbaImage, mask: Uint8Array, box: Box, t: Box): void {
  const rgba = kernel.rgba();
  const tileMask = kernel.mask();
  for (let y = 0; y < t.height; y++) {
    const from = ((box.y + t.y + y) * image.width + box.x + t.x) * 4;
    rgba.set(image.data.subarray(from, from + t.width * 4), y * t.width * 4);
    const m = (t.y + y) * box.width + t.x;
    for (let x = 0; x < t.width; x++) tileMask[y * t.width + x] = mask[m + x] ? 1 : 0;
  }
}

/** Writes the filled pixels of the tile's core back into the image; every other pixel is left alone. */
function copyOut(kernel: InpaintKernel, image: RgbaImage, mask: Uint8Array, box: Box, tile: Tile): void {
  const rgba = kernel.rgba();
  const { area, core } = tile;
  for (let y = core.y; y < core.y + core.height; y++) {
    for (let x = core.x; x < core.x + core.width; x++) {
      if (!mask[y * box.width + x]) continue;
      const from = ((y - area.y) * area.width + (x - area.x)) * 4;
      const to = ((box.y + y) * image.width + box.x + x) * 4;
      image.data[to] = rgba[from];
      image.data[to + 1] = rgba[from + 1];
      image.data[to + 2] = rgba[from + 2];
      image.data[to + 3] = rgba[from + 3];
    }
  }
}

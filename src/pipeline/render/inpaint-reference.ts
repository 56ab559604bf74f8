/**
 * The inpainting algorithm in plain TypeScript: the specification the WebAssembly kernel
 * (wasm/inpaint/assembly) follows step for step, used by tests to check it pixel for pixel. Production
 * code calls inpaintRegion (inpaint.ts); this is for tests and for reading. The kernel's steps are here;
 * the base is in inpaint-reference-pyramid.ts, pixel flags and fill order in inpaint-reference-order.ts,
 * the texture in inpaint-reference-synthesis.ts (as in wasm/inpaint/assembly).
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
import { fillOrder, KNOWN, PATCH_RADIUS, pixelWeight, tileFlags } from './inpaint-reference-order';
import { clampByte, pushPull, pyramid, upsampleBase, type FieldView, type Level } from './inpaint-reference-pyramid';
import { synthesize, tileSeed } from './inpaint-reference-synthesis';
import { GRID_MAX_CELLS, MAX_SMOOTH_LEVEL, MIN_SMOOTH_LEVEL, TILE_SIDE } from './inpaint-tiles';

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

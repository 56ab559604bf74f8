/**
 * Text removal's fill: the AssemblyScript kernel (wasm/inpaint, built into wasm/build/inpaint.wasm)
 * behind inpaintRegion. The algorithm — a push-pull smooth base plus texture copied from matching
 * known pixels, seams faded out — is specified and explained by its TypeScript reference,
 * inpaint-reference.ts, which tests hold the kernel to bit for bit.
 *
 * Memory bound: the kernel's memory is fixed at about 10.6 MiB, whatever the box. It holds one tile
 * (at most 512 × 512 pixels, inpaint-tiles.ts) with its working buffers, and one coarse grid of the
 * whole box (at most 16384 cells, whatever the box); the driver (inpaint-driver.ts) streams a larger
 * box through it in overlapping tiles. The kernel grows its memory once, when instantiated, to its fixed layout
 * (wasm/inpaint/assembly/layout.ts), and the module declares a maximum of 256 pages, so the engine
 * itself refuses to let it pass 16 MiB. The JS side adds only the box's mask, which the caller owns.
 *
 * Workers refuse to compile WebAssembly from bytes, so the .wasm is imported by path (wrangler hands
 * us a compiled WebAssembly.Module); it is instantiated lazily, once per isolate, and reused.
 */
import inpaintModule from '../../../wasm/build/inpaint.wasm';
import type { Box, RgbaImage } from '../types';
import { inpaintWith, type InpaintKernel } from './inpaint-driver';
import { TILE_SIDE } from './inpaint-tiles';

interface KernelExports {
  memory: WebAssembly.Memory;
  init(): number;
  rgbaPointer(): number;
  maskPointer(): number;
  tileSide(): number;
  beginBox(width: number, height: number, gridLevel: number, smoothLevel: number): number;
  addTile(x: number, y: number, width: number, height: number): number;
  finishBox(): number;
  fillTile(x: number, y: number, width: number, height: number): number;
}

/** The WebAssembly kernel's steps; a failing step (a bad argument, no memory) throws. */
class WasmKernel implements InpaintKernel {
  private readonly tileRgba: Uint8Array;
  private readonly tileMask: Uint8Array;

  constructor(private readonly exports: KernelExports) {
    check(exports.init(), 'init');
    if (exports.tileSide() !== TILE_SIDE) throw new Error('inpaint.wasm is out of date: run npm run build:wasm');
    // The memory never grows after init, so views made now stay valid.
    this.tileRgba = new Uint8Array(exports.memory.buffer, exports.rgbaPointer(), TILE_SIDE * TILE_SIDE * 4);
    this.tileMask = new Uint8Array(exports.memory.buffer, exports.maskPointer(), TILE_SIDE * TILE_SIDE);
  }

  rgba(): Uint8Array {
    return this.tileRgba;
  }

  mask(): Uint8Array {
    return this.tileMask;
  }

  beginBox(width: number, height: number, gridLevel: number, smoothLevel: number): void {
    check(this.exports.beginBox(width, height, gridLevel, smoothLevel), 'beginBox');
  }

  addTile(x: number, y: number, width: number, height: number): void {
    check(this.exports.addTile(x, y, width, height), 'addTile');
  }

  finishBox(): void {
    check(this.exports.finishBox(), 'finishBox');
  }

  fillTile(x: number, y: number, width: number, height: number): void {
    check(this.exports.fillTile(x, y, width, height), 'fillTile');
  }

  memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }
}

function check(status: number, step: string): void {
  if (status !== 0) throw new Error(`inpaint kernel: ${step} failed (${status === -2 ? 'out of memory' : 'bad argument'})`);
}

let kernel: WasmKernel | undefined;

function isolateKernel(): WasmKernel {
  kernel ??= new WasmKernel(new WebAssembly.Instance(inpaintModule, {}).exports as unknown as KernelExports);
  return kernel;
}

/**
 * Fills, in place, the pixels of `image` inside `box` whose `mask` entry (box.width × box.height, 1 =
 * fill) is set, from the unmasked pixels around them. Every unmasked pixel is left untouched.
 */
export function inpaintRegion(image: RgbaImage, mask: Uint8Array, box: Box): void {
  inpaintWith(isolateKernel(), image, mask, box);
}

/** Size of the kernel's memory in bytes (0 before the first fill in this isolate). */
export function inpaintMemoryBytes(): number {
  return kernel ? kernel.memoryBytes() : 0;
}

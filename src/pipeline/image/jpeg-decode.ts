/**
 * Small JPEGs decoded in the isolate by mozjpeg (libjpeg-turbo in WebAssembly, from @jsquash/jpeg),
 * in a WebAssembly instance made for this one picture and dropped with it.
 *
 * Why a throwaway instance: WebAssembly memory never shrinks, so a decoder kept for the isolate's life
 * would hold its largest picture forever (photon's heap reaches 159 MB after one 12 MP photo). A fresh
 * instance costs ~1 ms to make from the precompiled module and is garbage once the pixels are copied
 * out; its memory (~17 MB for a 0.7 MP photo, ~2 × 4 bytes per pixel above that) is held only during the
 * decode. Larger JPEGs go through the Images binding instead (decode-image.ts), which is several times
 * slower for small pictures (a PNG round trip outside the isolate) but holds nothing here.
 */
import factory from '@jsquash/jpeg/codec/dec/mozjpeg_dec.js';
import mozjpegModule from '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm';
import type { RgbaImage } from '../types';
import type { Orientation } from './exif-orientation';
import { uprightPlacement } from './upright-placement';

/** JPEGs up to this many pixels are decoded here; the heap they need is transient but must fit beside everything else. */
export const IN_ISOLATE_JPEG_PIXELS = 3_000_000;

export class JpegDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JpegDecodeError';
  }
}

/** Decodes `bytes` and turns it upright by `orientation` (mozjpeg, like libjpeg, never applies EXIF itself). */
export async function decodeJpeg(bytes: Uint8Array, orientation: Orientation): Promise<RgbaImage> {
  const decoder = await factory({
    noInitialRun: true,
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) {
      const instance = new WebAssembly.Instance(mozjpegModule, imports);
      done(instance);
      return instance.exports;
    },
  });
  let decoded: { data: Uint8ClampedArray; width: number; height: number } | null;
  try {
    decoded = decoder.decode(bytes, false);
  } catch (error) {
    throw new JpegDecodeError(`The JPEG could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!decoded || decoded.width === 0) throw new JpegDecodeError('The JPEG could not be decoded.');
  const stored = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
  if (orientation === 1) return { width: decoded.width, height: decoded.height, data: stored };
  return turnUpright({ width: decoded.width, height: decoded.height, data: stored }, orientation);
}

function turnUpright(image: RgbaImage, orientation: Orientation): RgbaImage {
  const placement = uprightPlacement(image.width, image.height, orientation);
  const src = new Uint32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
  const data = new Uint8Array(image.data.length);
  const dst = new Uint32Array(data.buffer);
  for (let y = 0; y < image.height; y++) {
    let at = placement.rowStart(y);
    for (let x = 0, i = y * image.width; x < image.width; x++, i++, at += placement.step) dst[at] = src[i];
  }
  return { width: placement.width, height: placement.height, data };
}

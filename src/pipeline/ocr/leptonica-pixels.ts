/**
 * Pixels in the layout tesseract-wasm hands to Leptonica. The library copies the RGBA buffer as 32-bit
 * words, and Leptonica reads a word as 0xRRGGBBAA: on a little-endian machine the bytes of one pixel must
 * therefore be stored A, B, G, R. Plain RGBA would be read with alpha as red (a colour photo with
 * opaque pixels reads as solid red and gives no text).
 */
import type { RgbaImage } from '../types';
import type { GrayImage } from './gray-image';

/** What tesseract-wasm's `loadImage` accepts (an ImageData-shaped object). */
export interface LeptonicaPixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Reorders straight RGBA to the byte order Leptonica expects. */
export function rgbaToLeptonica(image: RgbaImage): LeptonicaPixels {
  const src = image.data;
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < out.length; i += 4) {
    out[i] = src[i + 3];
    out[i + 1] = src[i + 2];
    out[i + 2] = src[i + 1];
    out[i + 3] = src[i];
  }
  return { width: image.width, height: image.height, data: out };
}

/** A grey image as Leptonica pixels: every byte of a pixel holds its grey, so the order cannot matter. */
export function grayToLeptonica(image: GrayImage): LeptonicaPixels {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  const words = new Uint32Array(out.buffer);
  const src = image.data;
  for (let p = 0; p < src.length; p++) words[p] = src[p] * 0x01010101;
  return { width: image.width, height: image.height, data: out };
}

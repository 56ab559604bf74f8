import { describe, expect, it } from 'vitest';
import { grayToLeptonica, rgbaToLeptonica } from '../../../src/pipeline/ocr/leptonica-pixels';

// Leptonica reads each pixel as one 32-bit word 0xRRGGBBAA; the words are read in the machine's
// (little-endian) order, so we check the words, not just the bytes.
const words = (data: Uint8ClampedArray) => [...new Uint32Array(data.buffer)];

describe('rgbaToLeptonica', () => {
  it('stores each RGBA pixel as the word 0xRRGGBBAA', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0x12, 0x34, 0x56, 0x78]);
    const pixels = rgbaToLeptonica({ width: 2, height: 1, data: rgba });
    expect(words(pixels.data)).toEqual([0xff0000ff, 0x12345678]);
    expect([pixels.width, pixels.height]).toEqual([2, 1]);
  });
});

describe('grayToLeptonica', () => {
  it('puts the grey value in red, green and blue', () => {
    const pixels = grayToLeptonica({ width: 3, height: 1, data: new Uint8Array([0, 128, 255]) });
    expect(words(pixels.data).map((w) => [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255])).toEqual([
      [0, 0, 0],
      [128, 128, 128],
      [255, 255, 255],
    ]);
  });
});

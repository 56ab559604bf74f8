import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Orientation } from '../../../src/pipeline/image/exif-orientation';
import { decodePng, PngDecodeError } from '../../../src/pipeline/image/png-decode';
import { encodePng, encodePngBytes } from '../../../src/pipeline/image/png-encode';
import type { RgbaImage } from '../../../src/pipeline/types';
import expected from '../../fixtures/png-variants/expected-rgba.json';

// PNGs in every colour type, bit depth and interlacing, made with ImageMagick, each beside the RGBA
// ImageMagick itself decodes it to (`convert x.png -depth 8 rgba:-`, base64 in expected-rgba.json).

const files = import.meta.glob<string>('../../fixtures/png-variants/*.png', { query: '?inline', eager: true, import: 'default' });

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const variants = Object.keys(files).map((path) => {
  const name = path.split('/').pop()!.replace('.png', '');
  return { name, png: bytesOf(files[path]), rgba: bytesOf(`,${(expected as Record<string, string>)[name]}`) };
});

/** A deterministic picture with gradients, noise and (optionally) varying alpha. */
function picture(width: number, height: number, alpha: boolean): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  let seed = 12345;
  for (let i = 0; i < width * height; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const x = i % width;
    const y = Math.floor(i / width);
    data.set([(x * 3) & 255, (y * 5) & 255, (seed >> 8) & 255, alpha ? (x + y) & 255 : 255], i * 4);
  }
  return { width, height, data };
}

/** Splits bytes into a stream of small pieces, as a network body arrives. */
function trickle(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** The upright picture for an EXIF orientation, computed pixel by pixel from the definition. */
function orientReference(image: RgbaImage, orientation: Orientation): RgbaImage {
  const { width: w, height: h } = image;
  const swaps = orientation >= 5;
  const outW = swaps ? h : w;
  const outH = swaps ? w : h;
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      // The stored pixel shown at upright (x, y), per EXIF 2.3.
      const [sx, sy] = {
        1: [x, y], 2: [w - 1 - x, y], 3: [w - 1 - x, h - 1 - y], 4: [x, h - 1 - y],
        5: [y, x], 6: [y, h - 1 - x], 7: [w - 1 - y, h - 1 - x], 8: [w - 1 - y, x],
      }[orientation];
      data.set(image.data.subarray((sy * w + sx) * 4, (sy * w + sx) * 4 + 4), (y * outW + x) * 4);
    }
  }
  return { width: outW, height: outH, data };
}

/** Index of the first byte where two buffers differ (-1 when equal): vitest's toEqual is slow on megabytes. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('PNG decoder', () => {
  it('has the variants to test', () => {
    expect(variants.map((v) => v.name)).toEqual(
      expect.arrayContaining(['gray1', 'gray2', 'gray4', 'gray8', 'gray16', 'gray8trns', 'graya8', 'graya16', 'pal1', 'pal2', 'pal4', 'pal8trns', 'rgb8', 'rgb16', 'rgb16trns', 'rgba8', 'rgba16', 'rgb8-interlaced', 'rgba8-interlaced', 'pal4-interlaced']),
    );
  });

  it.each(variants.map((v) => [v.name, v] as const))('decodes %s as ImageMagick does', async (name, variant) => {
    const image = await decodePng(variant.png);
    expect([image.width, image.height]).toEqual([37, 23]);
    // 16-bit samples keep their high byte where ImageMagick rounds: at most 1 apart.
    expect(maxDifference(image.data, variant.rgba)).toBeLessThanOrEqual(name.includes('16') ? 1 : 0);
  });

  it('reads a PNG arriving in small pieces exactly as from one buffer', async () => {
    const variant = variants.find((v) => v.name === 'rgba8-interlaced')!;
    const whole = await decodePng(variant.png);
    const streamed = await decodePng(trickle(variant.png, 7));
    expect(streamed.data).toEqual(whole.data);
  });

  it.each([2, 3, 4, 5, 6, 7, 8] as Orientation[])('writes rows upright for EXIF orientation %i', async (orientation) => {
    const stored = picture(13, 7, true);
    const png = await encodePngBytes(stored);
    const upright = await decodePng(png, { orientation });
    const expected = orientReference(stored, orientation);
    expect([upright.width, upright.height]).toEqual([expected.width, expected.height]);
    expect(upright.data).toEqual(expected.data);
  });

  it('refuses a picture over the pixel limit before allocating it', async () => {
    const png = await encodePngBytes(picture(40, 30, false));
    await expect(decodePng(png, { maxPixels: 1000 })).rejects.toThrow(/more than 1000/);
  });

  it('fails clearly on truncated, corrupt and foreign data', async () => {
    const png = await encodePngBytes(picture(64, 48, false));
    await expect(decodePng(png.subarray(0, png.length - 40))).rejects.toBeInstanceOf(PngDecodeError);
    await expect(decodePng(png.subarray(0, 50))).rejects.toBeInstanceOf(PngDecodeError);
    const corrupt = png.slice();
    for (let i = 60; i < 90; i++) corrupt[i] ^= 0x5a;
    await expect(decodePng(corrupt)).rejects.toBeInstanceOf(PngDecodeError);
    await expect(decodePng(new TextEncoder().encode('GIF89a not a png at all'))).rejects.toThrow(/Not a PNG/);
  });
});

describe('PNG encoder', () => {
  it('round-trips opaque and transparent pictures losslessly', async () => {
    for (const alpha of [false, true]) {
      const image = picture(301, 203, alpha);
      const png = await encodePngBytes(image);
      expect(png[25]).toBe(alpha ? 6 : 2); // colour type: RGBA, or RGB when every pixel is opaque
      const decoded = await decodePng(png);
      expect(firstDifference(decoded.data, image.data)).toBe(-1);
    }
  });

  it.each(['deflate', 'stored'] as const)('streams a %s picture larger than one batch', async (kind) => {
    for (const alpha of [false, true]) {
      const image = picture(1500, 700, alpha);
      const decoded = await decodePng(encodePng(image, kind));
      expect(firstDifference(decoded.data, image.data)).toBe(-1);
    }
  });

  it('writes stored PNGs that other decoders read: the Images binding turns one into a JPEG', async () => {
    const image = picture(64, 48, false);
    const result = await env.IMAGES.input(encodePng(image, 'stored')).output({ format: 'image/jpeg' });
    const jpeg = new Uint8Array(await result.response().arrayBuffer());
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
  });

  it('compresses flat screenshots far below their raw size', async () => {
    const image = { width: 800, height: 600, data: new Uint8Array(800 * 600 * 4).fill(255) };
    for (let y = 100; y < 140; y++) image.data.fill(0, (y * 800 + 100) * 4, (y * 800 + 500) * 4);
    const png = await encodePngBytes(image);
    expect(png.length).toBeLessThan(800 * 600 * 3 / 100);
  });
});

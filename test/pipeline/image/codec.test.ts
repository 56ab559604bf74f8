import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { decodeImage, FULL_RESOLUTION_LIMIT } from '../../../src/pipeline/image/decode-image';
import { encodeImage } from '../../../src/pipeline/image/encode-image';
import { readExifOrientation, withoutOrientation } from '../../../src/pipeline/image/exif-orientation';
import { probeImage } from '../../../src/pipeline/image/probe';
import type { RgbaImage } from '../../../src/pipeline/types';

/** Left half red, right half blue. */
function halves(width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(x < width / 2 ? [220, 20, 20, 255] : [20, 20, 220, 255], (y * width + x) * 4);
  }
  return { width, height, data };
}

/** The JPEG with an APP1 Exif segment carrying `orientation` inserted after SOI (big-endian TIFF). */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const segment = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return new Uint8Array([...jpeg.subarray(0, 2), ...segment, ...jpeg.subarray(2)]);
}

function pixel(image: RgbaImage, x: number, y: number): number[] {
  return [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
}

describe('image codec', () => {
  it('round-trips PNG losslessly', async () => {
    const image = halves(33, 17);
    const png = await encodeImage(image, 'png', env.IMAGES);
    const decoded = await decodeImage(png, { format: 'png', images: env.IMAGES });
    expect(decoded.scale).toBe(1);
    expect(decoded.image.width).toBe(33);
    expect(decoded.image.data).toEqual(image.data);
  });

  it('encodes JPEG and lossy WebP that decode to the same picture', async () => {
    const image = halves(64, 40);
    for (const format of ['jpeg', 'webp'] as const) {
      const bytes = await encodeImage(image, format, env.IMAGES);
      const probe = probeImage(bytes);
      expect(probe.ok && probe.image.format).toBe(format);
      const { image: decoded } = await decodeImage(bytes, { format, images: env.IMAGES });
      expect(pixel(decoded, 5, 5)[0]).toBeGreaterThan(180);
      expect(pixel(decoded, 60, 5)[2]).toBeGreaterThan(180);
    }
  });

  it('writes lossy WebP: a photo-like picture is far smaller than lossless', async () => {
    const width = 256;
    const height = 256;
    const data = new Uint8Array(width * height * 4);
    let seed = 1;
    for (let i = 0; i < width * height; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      data.set([(i % width) + (seed % 16), (i / width) % 256, 128 + (seed % 32), 255], i * 4);
    }
    const webp = await encodeImage({ width, height, data }, 'webp', env.IMAGES);
    const png = await encodeImage({ width, height, data }, 'png', env.IMAGES);
    expect(webp.length).toBeLessThan(png.length / 3);
  });

  it('turns a sideways phone photo upright from its EXIF orientation', async () => {
    const jpeg = withOrientation(await encodeImage(halves(40, 20), 'jpeg', env.IMAGES), 6);
    expect(readExifOrientation(jpeg, 'jpeg')).toBe(6);
    const { image } = await decodeImage(jpeg, { format: 'jpeg', images: env.IMAGES });
    expect([image.width, image.height]).toEqual([20, 40]);
    // Rotated a quarter turn clockwise: the left (red) half is now on top.
    expect(pixel(image, 10, 5)[0]).toBeGreaterThan(180);
    expect(pixel(image, 10, 35)[2]).toBeGreaterThan(180);
  });

  it('keeps pictures without EXIF as stored', async () => {
    const jpeg = await encodeImage(halves(40, 20), 'jpeg', env.IMAGES);
    expect(readExifOrientation(jpeg, 'jpeg')).toBe(1);
    expect(readExifOrientation(withOrientation(jpeg, 99), 'jpeg')).toBe(1);
  });

  it('strips metadata: encoded outputs carry no EXIF', async () => {
    const jpeg = await encodeImage(halves(40, 20), 'jpeg', env.IMAGES);
    expect(new TextDecoder('latin1').decode(jpeg).includes('Exif')).toBe(false);
  });

  it('rejects bytes that are not a decodable image', async () => {
    const png = await encodeImage(halves(40, 20), 'png', env.IMAGES);
    await expect(decodeImage(png.subarray(0, 60), { format: 'png', images: env.IMAGES })).rejects.toThrow();
  });

  it('tells the Images binding nothing about orientation, so a picture is turned exactly once', async () => {
    const jpeg = withOrientation(await encodeImage(halves(40, 20), 'jpeg', env.IMAGES), 8);
    const neutral = withoutOrientation(jpeg, 'jpeg');
    expect(readExifOrientation(neutral, 'jpeg')).toBe(1);
    expect(neutral.length).toBe(jpeg.length);
    expect(readExifOrientation(jpeg, 'jpeg')).toBe(8); // the upload itself is left as it came
    const { image } = await decodeImage(jpeg, { format: 'jpeg', images: env.IMAGES });
    expect([image.width, image.height]).toEqual([20, 40]);
    // A quarter turn anticlockwise: the left (red) half is now at the bottom.
    expect(pixel(image, 10, 35)[0]).toBeGreaterThan(180);
    expect(pixel(image, 10, 5)[2]).toBeGreaterThan(180);
  });

  it('works on pictures over the full-resolution limit at a working size', async () => {
    // 4800 × 3600 = 17.3 MP, over the 16.8 MP limit: made as a flat PNG, which compresses to almost nothing.
    const big = halves(4800, 3600);
    const png = await encodeImage(big, 'png', env.IMAGES);
    const { image, scale } = await decodeImage(png, { format: 'png', images: env.IMAGES });
    expect(image.width * image.height).toBeLessThanOrEqual(FULL_RESOLUTION_LIMIT);
    expect(scale).toBeCloseTo(image.width / 4800, 6);
    expect(scale).toBeGreaterThan(0.9);
    expect(pixel(image, 5, 5)[0]).toBeGreaterThan(180);
    expect(pixel(image, image.width - 5, 5)[2]).toBeGreaterThan(180);
  });

  it('rejects a JPEG whose image data is garbage', async () => {
    const jpeg = await encodeImage(halves(64, 64), 'jpeg', env.IMAGES);
    const broken = jpeg.slice();
    for (let i = broken.length - 200; i < broken.length - 2; i++) broken[i] = 0xff;
    broken.fill(0, 200, broken.length - 2);
    await expect(decodeImage(broken, { format: 'jpeg', images: env.IMAGES })).rejects.toThrow();
  });

  it('turns a large JPEG (decoded through the Images binding) upright too', async () => {
    // 2100 × 1500 = 3.15 MP: over what mozjpeg decodes in the isolate.
    const jpeg = withOrientation(await encodeImage(halves(2100, 1500), 'jpeg', env.IMAGES), 6);
    const { image, scale } = await decodeImage(jpeg, { format: 'jpeg', images: env.IMAGES });
    expect(scale).toBe(1);
    expect([image.width, image.height]).toEqual([1500, 2100]);
    expect(pixel(image, 750, 100)[0]).toBeGreaterThan(180); // red on top
    expect(pixel(image, 750, 2000)[2]).toBeGreaterThan(180); // blue at the bottom
  });
});

import { describe, expect, it } from 'vitest';
import { inpaintMemoryBytes, inpaintRegion } from '../../../src/pipeline/render/inpaint';
import { inpaintRegionReference } from '../../../src/pipeline/render/inpaint-reference';
import { planTiles, smoothLevelFor } from '../../../src/pipeline/render/inpaint-tiles';
import { dilate } from '../../../src/pipeline/ocr/line-layer';
import type { Box, RgbaImage } from '../../../src/pipeline/types';

type Rgba = [number, number, number, number];
type Background = (x: number, y: number) => Rgba;

/** A seeded generator for the scenes (not the kernel's). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const flat = (c: Rgba): Background => () => c;
const gradient: Background = (x, y) => [40 + x * 0.5, 90 + y * 0.8, 220 - x * 0.3, 255];
const stripes: Background = (x, y) => (Math.floor((x + 2 * y) / 6) % 2 ? [200, 180, 150, 255] : [90, 70, 60, 255]);

/** Smooth value noise (a wood- or stone-like grain) of period `cell` pixels around a colour. */
function grain(seed: number, cell: number, base: Rgba, amplitude: number, w = 1024, h = 1024): Background {
  const random = lcg(seed);
  const gw = Math.ceil(w / cell) + 2;
  const gh = Math.ceil(h / cell) + 2;
  const lattice = Float64Array.from({ length: gw * gh }, () => random() * 2 - 1);
  const fine = lcg(seed + 1);
  const speckle = Float64Array.from({ length: w * h }, () => fine() * 2 - 1);
  return (x, y) => {
    const fx = x / cell;
    const fy = y / cell;
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    const tx = fx - ix;
    const ty = fy - iy;
    const sx = tx * tx * (3 - 2 * tx);
    const sy = ty * ty * (3 - 2 * ty);
    const at = (i: number, j: number) => lattice[j * gw + i];
    const top = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * sx;
    const bottom = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * sx;
    const v = (top + (bottom - top) * sy) * amplitude + speckle[(y % h) * w + (x % w)] * amplitude * 0.25;
    return [base[0] + v, base[1] + v * 0.8, base[2] + v * 0.6, 255];
  };
}

interface Scene {
  /** The picture with text painted in. */
  image: RgbaImage;
  /** The same picture without text. */
  truth: RgbaImage;
  box: Box;
  /** box.width × box.height, 1 = fill. */
  mask: Uint8Array;
}

/**
 * A width × height picture of `background`; `strokes` (image coordinates) are painted in `ink` and,
 * grown by 2 px like the real text mask, form the mask of `box` (default: the whole image).
 */
function scene(options: { width: number; height: number; background: Background; strokes: Box[]; ink?: Rgba; box?: Box; grow?: number }): Scene {
  const { width, height } = options;
  const box = options.box ?? { x: 0, y: 0, width, height };
  const truth = new Uint8Array(width * height * 4);
  const data = new Uint8Array(width * height * 4);
  const ink = options.ink ?? [250, 250, 250, 255];
  const letters = new Uint8Array(width * height);
  for (const s of options.strokes) {
    for (let y = Math.max(0, s.y); y < Math.min(height, s.y + s.height); y++) {
      for (let x = Math.max(0, s.x); x < Math.min(width, s.x + s.width); x++) letters[y * width + x] = 1;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bg = options.background(x, y);
      const i = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        truth[i + c] = Math.max(0, Math.min(255, Math.round(bg[c])));
        data[i + c] = letters[y * width + x] ? ink[c] : truth[i + c];
      }
    }
  }
  const grown = dilate(letters, width, height, options.grow ?? 2);
  const mask = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) mask[y * box.width + x] = grown[(box.y + y) * width + box.x + x];
  }
  return { image: { width, height, data }, truth: { width, height, data: truth }, box, mask };
}

/** Letter-like strokes (stems and bars) of a line of text `size` px tall, from (x, y) for `length` px. */
function textStrokes(x: number, y: number, length: number, size: number, seed = 1): Box[] {
  const random = lcg(seed);
  const stroke = Math.max(2, Math.round(size * 0.14));
  const out: Box[] = [];
  for (let at = x; at + size * 0.6 < x + length; at += Math.round(size * (0.55 + random() * 0.3))) {
    const w = Math.round(size * (0.35 + random() * 0.2));
    out.push({ x: at, y, width: stroke, height: size });
    if (random() < 0.7) out.push({ x: at, y: y + (random() < 0.5 ? 0 : size - stroke), width: w, height: stroke });
    if (random() < 0.5) out.push({ x: at + w - stroke, y, width: stroke, height: size });
    if (random() < 0.4) out.push({ x: at, y: y + Math.round(size / 2), width: w, height: stroke });
  }
  return out;
}

function copyImage(image: RgbaImage): RgbaImage {
  return { width: image.width, height: image.height, data: image.data.slice() };
}

function inBoxMask(s: Scene, x: number, y: number): boolean {
  const { box, mask } = s;
  return x >= box.x && y >= box.y && x < box.x + box.width && y < box.y + box.height && mask[(y - box.y) * box.width + x - box.x] === 1;
}

/** Runs the kernel and the reference on copies of the scene; returns both results. */
function fillBoth(s: Scene): { kernel: RgbaImage; reference: RgbaImage } {
  const kernel = copyImage(s.image);
  const reference = copyImage(s.image);
  inpaintRegion(kernel, s.mask, s.box);
  inpaintRegionReference(reference, s.mask, s.box);
  return { kernel, reference };
}

function expectSameBytes(a: Uint8Array, b: Uint8Array): void {
  let differing = 0;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      differing++;
      if (first < 0) first = i;
    }
  }
  expect({ differing, first }).toEqual({ differing: 0, first: -1 });
}

function expectUnmaskedUntouched(s: Scene, out: RgbaImage): void {
  let changed = 0;
  for (let y = 0; y < s.image.height; y++) {
    for (let x = 0; x < s.image.width; x++) {
      if (inBoxMask(s, x, y)) continue;
      const i = (y * s.image.width + x) * 4;
      for (let c = 0; c < 4; c++) if (out.data[i + c] !== s.image.data[i + c]) changed++;
    }
  }
  expect(changed).toBe(0);
}

/** Mean absolute difference to the background without text, over the filled pixels (RGB). */
function fillError(s: Scene, out: RgbaImage): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < s.image.height; y++) {
    for (let x = 0; x < s.image.width; x++) {
      if (!inBoxMask(s, x, y)) continue;
      const i = (y * s.image.width + x) * 4;
      for (let c = 0; c < 3; c++) sum += Math.abs(out.data[i + c] - s.truth.data[i + c]);
      n += 3;
    }
  }
  return sum / n;
}

/**
 * Mean local standard deviation of the green channel in 5 × 5 windows centred on pixels of one kind:
 * filled ones (`filled` true) or known ones of the box.
 */
function localDeviation(s: Scene, out: RgbaImage, filled: boolean): number {
  let total = 0;
  let windows = 0;
  const { box } = s;
  for (let y = box.y + 2; y < box.y + box.height - 2; y++) {
    for (let x = box.x + 2; x < box.x + box.width - 2; x++) {
      if (inBoxMask(s, x, y) !== filled) continue;
      let sum = 0;
      let sq = 0;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const v = out.data[((y + dy) * out.width + x + dx) * 4 + 1];
          sum += v;
          sq += v * v;
        }
      }
      total += Math.sqrt(Math.max(0, sq / 25 - (sum / 25) ** 2));
      windows++;
    }
  }
  return total / windows;
}

const LINE = (size: number, seed = 1) => textStrokes(20, 30, 260, size, seed);

describe('inpainting kernel equals its TypeScript reference', () => {
  const scenes: [string, () => Scene][] = [
    ['flat background', () => scene({ width: 300, height: 90, background: flat([30, 60, 140, 255]), strokes: LINE(28) })],
    ['gradient', () => scene({ width: 300, height: 90, background: gradient, strokes: LINE(28, 2) })],
    ['noise texture', () => scene({ width: 300, height: 90, background: grain(3, 7, [150, 110, 70, 255], 40), strokes: LINE(30, 3) })],
    ['stripes', () => scene({ width: 300, height: 90, background: stripes, strokes: LINE(24, 4), ink: [0, 0, 0, 255] })],
    ['random blobs', () => {
      const random = lcg(9);
      const strokes = Array.from({ length: 40 }, () => ({ x: Math.floor(random() * 280), y: Math.floor(random() * 110), width: 1 + Math.floor(random() * 20), height: 1 + Math.floor(random() * 20) }));
      return scene({ width: 300, height: 130, background: grain(5, 12, [90, 140, 90, 255], 50), strokes });
    }],
    ['thin masks', () => scene({ width: 200, height: 80, background: grain(6, 5, [200, 200, 210, 255], 20), strokes: LINE(14, 5), grow: 0 })],
    ['mask touching the box edge', () => scene({ width: 300, height: 90, background: gradient, strokes: LINE(28, 6), box: { x: 18, y: 28, width: 200, height: 40 } })],
    ['box at the image edge', () => scene({ width: 120, height: 60, background: grain(7, 6, [60, 60, 60, 255], 30), strokes: [{ x: 0, y: 0, width: 40, height: 6 }, { x: 100, y: 40, width: 20, height: 20 }] })],
    ['tall box', () => scene({ width: 90, height: 700, background: gradient, strokes: textStrokes(30, 10, 680, 26, 8).map((b) => ({ x: b.y - 10 + 20, y: b.x, width: b.height, height: b.width })) })],
    ['transparent pixels', () => scene({ width: 160, height: 60, background: (x) => [255, 0, 0, x], strokes: LINE(20, 10) })],
  ];
  for (const [name, make] of scenes) {
    it(name, () => {
      const s = make();
      const { kernel, reference } = fillBoth(s);
      expectSameBytes(kernel.data, reference.data);
      expectUnmaskedUntouched(s, kernel);
    });
  }

  it('on a box large enough to be tiled', () => {
    const strokes = [...textStrokes(20, 40, 1250, 60, 11), ...textStrokes(30, 300, 1200, 120, 12), ...textStrokes(40, 560, 1200, 30, 13)];
    const s = scene({ width: 1300, height: 700, background: grain(11, 9, [120, 130, 150, 255], 35, 1300, 700), strokes });
    expect(planTiles(s.box.width, s.box.height, smoothLevelFor(s.mask, s.box.width, s.box.height)).fillTiles.length).toBeGreaterThan(4);
    const { kernel, reference } = fillBoth(s);
    expectSameBytes(kernel.data, reference.data);
    expectUnmaskedUntouched(s, kernel);
  });

  it('on boxes with nothing known', () => {
    // All of a box masked: the ring just outside it is used. All of the image masked: grey.
    const inner = scene({ width: 60, height: 40, background: flat([10, 200, 30, 255]), strokes: [{ x: 20, y: 10, width: 20, height: 20 }], box: { x: 20, y: 10, width: 20, height: 20 }, grow: 0 });
    const whole = scene({ width: 30, height: 20, background: flat([10, 200, 30, 255]), strokes: [{ x: 0, y: 0, width: 30, height: 20 }], grow: 0 });
    for (const s of [inner, whole]) {
      const { kernel, reference } = fillBoth(s);
      expectSameBytes(kernel.data, reference.data);
      expectUnmaskedUntouched(s, kernel);
    }
    const filled = fillBoth(inner).kernel;
    expect(fillError(inner, filled)).toBeLessThan(1);
    expect(Array.from(fillBoth(whole).kernel.data.subarray(0, 4))).toEqual([128, 128, 128, 255]);
  });
});

describe('inpainting', () => {
  it('leaves an image alone when the mask is empty', () => {
    const s = scene({ width: 80, height: 40, background: gradient, strokes: [] });
    const out = copyImage(s.image);
    inpaintRegion(out, s.mask, s.box);
    expectSameBytes(out.data, s.image.data);
  });

  it('fills a 1 × 1 box from the pixels around it', () => {
    const s = scene({ width: 9, height: 9, background: flat([100, 150, 200, 255]), strokes: [{ x: 4, y: 4, width: 1, height: 1 }], box: { x: 4, y: 4, width: 1, height: 1 }, grow: 0 });
    const out = copyImage(s.image);
    inpaintRegion(out, s.mask, s.box);
    expect(Array.from(out.data.subarray((4 * 9 + 4) * 4, (4 * 9 + 4) * 4 + 4))).toEqual([100, 150, 200, 255]);
    expectUnmaskedUntouched(s, out);
  });

  it('restores a flat background exactly', () => {
    const s = scene({ width: 300, height: 90, background: flat([30, 60, 140, 255]), strokes: LINE(40) });
    const out = copyImage(s.image);
    inpaintRegion(out, s.mask, s.box);
    expect(fillError(s, out)).toBeLessThan(0.5);
  });

  it('continues a gradient under thin and heavy text', () => {
    for (const size of [16, 60]) {
      const s = scene({ width: 320, height: 130, background: gradient, strokes: textStrokes(20, 30, 280, size, size) });
      const out = copyImage(s.image);
      inpaintRegion(out, s.mask, s.box);
      expect(fillError(s, out)).toBeLessThan(1.5);
    }
  });

  it('keeps the colour of a plate beside its bright border', () => {
    // Very heavy white text (base cells of 16 px) on a dark plate whose white frame is a few pixels from
    // the letters: cells shared with the frame must not lighten the fill.
    const plate: Background = (_x, y) => (y < 12 || y > 283 ? [140, 140, 140, 255] : y < 16 || y > 279 ? [250, 250, 250, 255] : [30, 34, 48, 255]);
    const s = scene({ width: 700, height: 296, background: plate, strokes: textStrokes(20, 24, 660, 250, 31) });
    expect(smoothLevelFor(s.mask, s.box.width, s.box.height)).toBe(4);
    const out = copyImage(s.image);
    inpaintRegion(out, s.mask, s.box);
    expect(fillError(s, out)).toBeLessThan(3);
  });

  it('carries texture into the fill on a textured background', () => {
    const s = scene({ width: 320, height: 100, background: grain(21, 6, [140, 100, 60, 255], 45), strokes: textStrokes(20, 30, 280, 36, 21) });
    const out = copyImage(s.image);
    inpaintRegion(out, s.mask, s.box);
    const around = localDeviation(s, out, false);
    const inside = localDeviation(s, out, true);
    // A flat or blurred fill has a fraction of the surroundings' local variation; a copied one has about as much.
    expect(inside / around).toBeGreaterThan(0.7);
    expect(inside / around).toBeLessThan(1.4);
    // ...and it is still the right colour on average, close to what the text hid.
    expect(fillError(s, out)).toBeLessThan(25);
  });

  it('keeps its memory within 16 MiB after a 4096 × 4096 region', () => {
    const size = 4096;
    const data = new Uint8Array(size * size * 4);
    const texture = grain(31, 8, [120, 120, 120, 255], 30);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const [r, g, b] = texture(x % 1024, y % 1024);
        const i = (y * size + x) * 4;
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
        data[i + 3] = 255;
      }
    }
    const mask = new Uint8Array(size * size);
    // Strokes of text spread over the whole box, and one big blob far from any known pixel.
    for (let y = 100; y < size; y += 700) for (let x = 50; x < size - 60; x += 37) mask.fill(1, y * size + x, y * size + x + 12);
    for (let y = 1500; y < 2600; y++) mask.fill(1, y * size + 1500, y * size + 2600);
    const image = { width: size, height: size, data };
    inpaintRegion(image, mask, { x: 0, y: 0, width: size, height: size });
    expect(inpaintMemoryBytes()).toBeGreaterThan(0);
    expect(inpaintMemoryBytes()).toBeLessThanOrEqual(16 * 2 ** 20);
    // The blob's centre, 550 px from the nearest known pixel, is the texture's grey, not a fallback.
    const centre = (2050 * size + 2050) * 4;
    expect(Math.abs(data[centre + 1] - 120)).toBeLessThan(20);
  });
});

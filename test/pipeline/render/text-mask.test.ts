import { describe, expect, it } from 'vitest';
import { estimateStyle } from '../../../src/pipeline/render/estimate-style';
import { contrastRatio } from '../../../src/pipeline/render/colour';
import { regionMask } from '../../../src/pipeline/render/remove-text';
import { lineInk } from '../../../src/pipeline/render/text-mask';
import type { Box, OcrLine, RgbaImage, Rgb, TextRegion } from '../../../src/pipeline/types';

/** A picture of `background` with glyph-like strokes in `ink`; returns the image and the true ink alpha. */
function scene(options: { background: Rgb | ((x: number, y: number) => Rgb); ink: Rgb; strokes: Box[]; width?: number; height?: number; seed?: number }) {
  const width = options.width ?? 200;
  const height = options.height ?? 80;
  const data = new Uint8Array(width * height * 4);
  const truth = new Uint8Array(width * height);
  let seed = options.seed ?? 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 9) - 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bg = typeof options.background === 'function' ? options.background(x, y) : options.background;
      const inStroke = options.strokes.some((s) => x >= s.x && x < s.x + s.width && y >= s.y && y < s.y + s.height);
      const colour = inStroke ? options.ink : bg;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, colour[c] + noise()));
      data[i + 3] = 255;
      truth[y * width + x] = inStroke ? 1 : 0;
    }
  }
  return { image: { width, height, data } as RgbaImage, truth };
}

/** Five letter-like shapes (stems and bars) 20 px tall, forming one word from x=40 to x=130. */
const LETTERS: Box[] = [
  { x: 40, y: 30, width: 4, height: 20 },
  { x: 40, y: 30, width: 12, height: 4 },
  { x: 60, y: 30, width: 4, height: 20 },
  { x: 70, y: 30, width: 4, height: 20 },
  { x: 70, y: 46, width: 14, height: 4 },
  { x: 92, y: 30, width: 4, height: 20 },
  { x: 104, y: 30, width: 4, height: 20 },
  { x: 104, y: 30, width: 14, height: 4 },
  { x: 126, y: 30, width: 4, height: 20 },
];

function line(box: Box, words: { box: Box; excluded?: boolean; text?: string }[] = [{ box }]): OcrLine {
  return {
    text: words.map((w) => w.text ?? 'TEXT').join(' '),
    confidence: 0.9,
    box,
    words: words.map((w) => ({ text: w.text ?? 'TEXT', confidence: 0.9, box: w.box, excluded: w.excluded ?? false })),
  };
}

function iou(found: Uint8Array, area: Box, truth: Uint8Array, width: number): number {
  let both = 0;
  let either = 0;
  for (let y = 0; y < area.height; y++) {
    for (let x = 0; x < area.width; x++) {
      const a = found[y * area.width + x];
      const b = truth[(area.y + y) * width + area.x + x];
      if (a && b) both++;
      if (a || b) either++;
    }
  }
  return both / either;
}

const WORD_BOX = { x: 40, y: 30, width: 90, height: 20 };

describe('text mask', () => {
  it('finds dark letters on a light background', () => {
    const { image, truth } = scene({ background: [240, 238, 230], ink: [20, 20, 30], strokes: LETTERS });
    const ink = lineInk(image, line(WORD_BOX));
    expect(iou(ink.ink, ink.area, truth, image.width)).toBeGreaterThan(0.9);
  });

  it('finds light letters on a dark, coloured background', () => {
    const { image, truth } = scene({ background: [20, 40, 90], ink: [250, 250, 250], strokes: LETTERS });
    const ink = lineInk(image, line(WORD_BOX));
    expect(iou(ink.ink, ink.area, truth, image.width)).toBeGreaterThan(0.9);
  });

  it('finds letters over a gradient', () => {
    const { image, truth } = scene({ background: (x) => [60 + x / 2, 120, 200 - x / 2], ink: [255, 240, 0], strokes: LETTERS });
    const ink = lineInk(image, line(WORD_BOX));
    expect(iou(ink.ink, ink.area, truth, image.width)).toBeGreaterThan(0.85);
  });

  it('finds letters on a coloured band that ends just outside the line box', () => {
    // A sign's header strip: against the white around it the whole strip would look like ink.
    const band = (_x: number, y: number): Rgb => (y >= 28 && y <= 52 ? [240, 90, 30] : [245, 245, 240]);
    const { image, truth } = scene({ background: band, ink: [120, 10, 20], strokes: LETTERS });
    const ink = lineInk(image, line(WORD_BOX));
    expect(iou(ink.ink, ink.area, truth, image.width)).toBeGreaterThan(0.85);
    ink.background.forEach((c, i) => expect(Math.abs(c - [240, 90, 30][i])).toBeLessThanOrEqual(6));
  });

  it('takes a full stop the OCR left out of the last word', () => {
    const dot = { x: 132, y: 46, width: 2, height: 3 };
    const { image } = scene({ background: [255, 255, 255], ink: [0, 0, 0], strokes: [...LETTERS, dot] });
    const ink = lineInk(image, line(WORD_BOX));
    expect(ink.ink[(47 - ink.area.y) * ink.area.width + (132 - ink.area.x)]).toBe(1);
    // ...but not one beside an excluded word, which keeps its punctuation.
    const excluded = lineInk(image, line(WORD_BOX, [{ box: { x: 40, y: 30, width: 44, height: 20 } }, { box: { x: 88, y: 30, width: 42, height: 20 }, excluded: true }]));
    expect(excluded.ink[(47 - excluded.area.y) * excluded.area.width + (132 - excluded.area.x)]).toBe(0);
  });

  it('keeps a descender that touches an underline, but not the underline', () => {
    const descender = { x: 126, y: 30, width: 4, height: 26 };
    const underline = { x: 36, y: 52, width: 98, height: 2 };
    const { image } = scene({ background: [255, 255, 255], ink: [20, 20, 160], strokes: [...LETTERS, descender, underline] });
    const box = { x: 40, y: 30, width: 90, height: 26 };
    const ink = lineInk(image, line(box));
    const at = (x: number, y: number) => ink.ink[(y - ink.area.y) * ink.area.width + (x - ink.area.x)];
    expect(at(127, 40)).toBe(1);
    expect(at(127, 54)).toBe(1);
    expect(at(41, 40)).toBe(1);
    expect(at(60, 52)).toBe(0);
  });

  it('leaves a sign border crossing the line box out of the mask', () => {
    const border = { x: 0, y: 25, width: 200, height: 2 };
    const { image, truth } = scene({ background: [20, 30, 60], ink: [255, 255, 255], strokes: [...LETTERS, border] });
    const lettersOnly = truth.slice();
    for (let x = 0; x < 200; x++) lettersOnly[25 * 200 + x] = lettersOnly[26 * 200 + x] = 0;
    const ink = lineInk(image, line(WORD_BOX));
    expect(iou(ink.ink, ink.area, lettersOnly, image.width)).toBeGreaterThan(0.9);
  });

  it('never marks the pixels of an excluded word', () => {
    const { image } = scene({ background: [240, 240, 240], ink: [0, 0, 0], strokes: LETTERS });
    const excluded = { x: 88, y: 30, width: 42, height: 20 };
    const ocrLine = line(WORD_BOX, [{ box: { x: 40, y: 30, width: 44, height: 20 } }, { box: excluded, excluded: true }]);
    const region: TextRegion = { text: 'TEXT TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [{ start: 5, end: 9 }] };
    const { box, mask } = regionMask(image, region, [lineInk(image, ocrLine)]);
    for (let y = excluded.y; y < excluded.y + excluded.height; y++) {
      for (let x = excluded.x; x < excluded.x + excluded.width; x++) expect(mask[(y - box.y) * box.width + (x - box.x)]).toBe(0);
    }
    expect(mask[(40 - box.y) * box.width + (41 - box.x)]).toBe(1);
  });

  it('grows the mask beyond the letters to take anti-aliased edges', () => {
    const { image, truth } = scene({ background: [255, 255, 255], ink: [0, 0, 0], strokes: LETTERS });
    const ocrLine = line(WORD_BOX);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [] };
    const { box, mask } = regionMask(image, region, [lineInk(image, ocrLine)]);
    let covered = 0;
    let letters = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        if (!truth[y * image.width + x]) continue;
        letters++;
        covered += mask[(y - box.y) * box.width + (x - box.x)];
      }
    }
    expect(covered).toBe(letters);
    expect(mask[(30 - box.y) * box.width + (38 - box.x)]).toBe(1); // 2 px left of the first stem
  });
});

describe('region mask edges', () => {
  it('takes the faded rim of a blurred letter', () => {
    // A stem whose edge fades to white over 5 px, as blurred or glowing text does.
    const fade = [120, 160, 195, 215, 232];
    const background = (x: number, y: number): Rgb => {
      const d = x < 60 ? 60 - x : x - 63;
      const v = y >= 30 && y < 50 && d >= 1 && d <= 5 ? fade[d - 1] : 255;
      return [v, v, v];
    };
    const { image } = scene({ background, ink: [0, 0, 0], strokes: [{ x: 60, y: 30, width: 4, height: 20 }] });
    const box = { x: 58, y: 30, width: 8, height: 20 };
    const ocrLine = line(box);
    const region: TextRegion = { text: 'I', confidence: 0.9, box, lines: [ocrLine], excludedSpans: [] };
    const { box: area, mask } = regionMask(image, region, [lineInk(image, ocrLine)]);
    // The rim joins the ink up to 4 px out (value 215), then the fixed 2 px margin follows.
    for (const x of [54, 69]) expect(mask[(40 - area.y) * area.width + (x - area.x)]).toBe(1);
    for (const x of [51, 72]) expect(mask[(40 - area.y) * area.width + (x - area.x)]).toBe(0);
  });
});

describe('region mask gaps', () => {
  it('closes the narrow gaps between letters but not the space around them', () => {
    // Two stems 6 px apart (their fringes meet in the gap), and a third 30 px further on.
    const strokes = [{ x: 40, y: 30, width: 4, height: 20 }, { x: 50, y: 30, width: 4, height: 20 }, { x: 84, y: 30, width: 4, height: 20 }];
    const { image } = scene({ background: [255, 255, 255], ink: [0, 0, 0], strokes });
    const wordBox = { x: 40, y: 30, width: 48, height: 20 };
    const ocrLine = line(wordBox);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: wordBox, lines: [ocrLine], excludedSpans: [] };
    const { box, mask } = regionMask(image, region, [lineInk(image, ocrLine)]);
    const at = (x: number, y: number) => mask[(y - box.y) * box.width + (x - box.x)];
    for (let x = 44; x < 50; x++) expect(at(x, 40)).toBe(1);
    for (let x = 60; x < 78; x++) expect(at(x, 40)).toBe(0);
    expect(at(38, 40)).toBe(1); // the grown edge is kept
    expect(at(40, 26)).toBe(0); // and not grown further by the closing
  });

  it('keeps the space between two lines set close together', () => {
    // Two lines of stems 6 px apart: closing that gap too would mask a whole sign.
    const stems: Box[] = [];
    for (let x = 40; x < 100; x += 10) stems.push({ x, y: 20, width: 4, height: 6 }, { x, y: 32, width: 4, height: 6 });
    const { image } = scene({ background: [255, 255, 255], ink: [0, 0, 0], strokes: stems });
    const lines = [line({ x: 40, y: 19, width: 54, height: 8 }), line({ x: 40, y: 31, width: 54, height: 8 })];
    const region: TextRegion = { text: 'A\nB', confidence: 0.9, box: { x: 40, y: 19, width: 54, height: 20 }, lines, excludedSpans: [] };
    const { box, mask } = regionMask(image, region, lines.map((l) => lineInk(image, l)));
    expect(mask[(22 - box.y) * box.width + (46 - box.x)]).toBe(1); // between two stems of a line
    for (let x = 40; x < 94; x++) expect(mask[(29 - box.y) * box.width + (x - box.x)]).toBe(0);
  });
});

describe('style estimation', () => {
  it('reads the letter and background colours', () => {
    const { image } = scene({ background: [20, 40, 90], ink: [250, 200, 0], strokes: LETTERS });
    const ocrLine = line(WORD_BOX);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [] };
    const style = estimateStyle(image, region, [lineInk(image, ocrLine)]);
    style.textColor.forEach((c, i) => expect(Math.abs(c - [250, 200, 0][i])).toBeLessThanOrEqual(6));
    style.backgroundColor.forEach((c, i) => expect(Math.abs(c - [20, 40, 90][i])).toBeLessThanOrEqual(6));
    expect(style.outline).toBeNull();
    // Capitals 20 px tall are Noto Sans at about 27 px.
    expect(style.fontSize).toBeGreaterThan(24);
    expect(style.fontSize).toBeLessThan(30);
  });

  it('asks for an outline where letters barely contrast with a textured background', () => {
    // Blotches of ±24 grey levels, 3 px across: a photo-like surface under the letters.
    const texture = (x: number, y: number): Rgb => {
      const v = 120 + (((Math.floor(x / 3) * 7 + Math.floor(y / 3) * 13) % 5) - 2) * 12;
      return [v, v, v];
    };
    const { image } = scene({ background: texture, ink: [160, 160, 160], strokes: LETTERS });
    const ocrLine = line(WORD_BOX);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [] };
    expect(estimateStyle(image, region, [lineInk(image, ocrLine)]).outline).not.toBeNull();
  });

  it('adds no outline where letters stand out clearly even from a busy background', () => {
    // White letters on a dark, blotchy plate (a sign photographed): legible by themselves.
    const plate = (x: number, y: number): Rgb => {
      const v = 30 + (((Math.floor(x / 3) * 7 + Math.floor(y / 3) * 13) % 5) - 2) * 14;
      return [v, v, v + 20];
    };
    const { image } = scene({ background: plate, ink: [250, 250, 250], strokes: LETTERS });
    const ocrLine = line(WORD_BOX);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [] };
    const inks = [lineInk(image, ocrLine)];
    expect(inks[0].backgroundNoise).toBeGreaterThan(28); // busy enough that an outline would be considered
    expect(estimateStyle(image, region, inks).outline).toBeNull();
  });

  it('adds no outline to white letters on a brown plate, busy as its surround may look', () => {
    // White on the brown sign of fr_paris_direction_signs.jpg: contrast about 6.3.
    const plate = (x: number, y: number): Rgb => {
      const v = 92 + (((Math.floor(x / 3) * 7 + Math.floor(y / 3) * 13) % 5) - 2) * 16;
      return [v + 12, v - 4, v - 20];
    };
    const { image } = scene({ background: plate, ink: [250, 250, 250], strokes: LETTERS });
    const ocrLine = line(WORD_BOX);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [] };
    const inks = [lineInk(image, ocrLine)];
    expect(inks[0].backgroundNoise).toBeGreaterThan(28);
    const style = estimateStyle(image, region, inks);
    expect(contrastRatio(style.textColor, style.backgroundColor)).toBeGreaterThan(6);
    expect(contrastRatio(style.textColor, style.backgroundColor)).toBeLessThan(7);
    expect(style.outline).toBeNull();
  });

  it('keeps low contrast on a flat background as designed: no outline', () => {
    const { image } = scene({ background: [120, 120, 120], ink: [150, 150, 150], strokes: LETTERS });
    const ocrLine = line(WORD_BOX);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [] };
    expect(estimateStyle(image, region, [lineInk(image, ocrLine)]).outline).toBeNull();
  });

  it('tells bold strokes from regular ones', () => {
    // Noto Sans at ~27 px: regular stems are ~2.4 px wide, bold ones ~4 px.
    const thin = scene({ background: [255, 255, 255], ink: [0, 0, 0], strokes: LETTERS.map((s) => (s.width === 4 ? { ...s, width: 2 } : s)) });
    const thick = scene({ background: [255, 255, 255], ink: [0, 0, 0], strokes: LETTERS.map((s) => (s.width === 4 ? { ...s, width: 5 } : s)) });
    const ocrLine = line(WORD_BOX);
    const region: TextRegion = { text: 'TEXT', confidence: 0.9, box: WORD_BOX, lines: [ocrLine], excludedSpans: [] };
    expect(estimateStyle(thin.image, region, [lineInk(thin.image, ocrLine)]).bold).toBe(false);
    expect(estimateStyle(thick.image, region, [lineInk(thick.image, ocrLine)]).bold).toBe(true);
  });

  it('finds the alignment the lines share', () => {
    const { image } = scene({ background: [255, 255, 255], ink: [0, 0, 0], strokes: [], width: 300, height: 120 });
    const lines = [line({ x: 20, y: 10, width: 200, height: 20 }), line({ x: 20, y: 40, width: 120, height: 20 }), line({ x: 20, y: 70, width: 160, height: 20 })];
    const region: TextRegion = { text: 'a\nb\nc', confidence: 0.9, box: { x: 20, y: 10, width: 200, height: 80 }, lines, excludedSpans: [] };
    expect(estimateStyle(image, region, lines.map((l) => lineInk(image, l))).align).toBe('left');
    const centred = [line({ x: 50, y: 10, width: 200, height: 20 }), line({ x: 90, y: 40, width: 120, height: 20 })];
    const region2: TextRegion = { ...region, lines: centred };
    expect(estimateStyle(image, region2, centred.map((l) => lineInk(image, l))).align).toBe('center');
  });
});

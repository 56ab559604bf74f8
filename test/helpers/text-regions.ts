/** Regions and styles as OCR and the style estimate would make them for text set in Noto Sans, for the renderer's tests. */
import { fontFor } from '../../src/pipeline/render/fonts';
import { measureText } from '../../src/pipeline/render/measure-text';
import { fromUpright } from '../../src/pipeline/render/text-direction';
import type { Box, OcrLine, RegionStyle, RgbaImage, Rgb, TextRegion } from '../../src/pipeline/types';

const font = fontFor(false).metrics;

/** An OCR line whose box is the ink `text` would have in Noto Sans at `size` px, pen at (x, baseline). */
export function ocrLine(text: string, x: number, baseline: number, size: number): OcrLine {
  const e = measureText(text, font);
  const s = size / font.unitsPerEm;
  const box = { x: x + e.left * s, y: baseline - e.top * s, width: (e.right - e.left) * s, height: (e.top - e.bottom) * s };
  return { text, confidence: 0.9, box, words: [{ text, confidence: 0.9, box, excluded: false }] };
}

/** Like ocrLine, with a box for each word (as OCR gives them) instead of one for the whole line. */
export function ocrWords(text: string, x: number, baseline: number, size: number): OcrLine {
  const s = size / font.unitsPerEm;
  let offset = 0;
  const words = text.split(' ').map((word) => {
    const before = measureText(text.slice(0, offset), font).advance;
    offset += word.length + 1;
    return { ...ocrLine(word, x + before * s, baseline, size).words[0] };
  });
  return { ...ocrLine(text, x, baseline, size), words };
}

export function regionOf(lines: OcrLine[]): TextRegion {
  const x = Math.min(...lines.map((l) => l.box.x));
  const y = Math.min(...lines.map((l) => l.box.y));
  const right = Math.max(...lines.map((l) => l.box.x + l.box.width));
  const bottom = Math.max(...lines.map((l) => l.box.y + l.box.height));
  return { text: lines.map((l) => l.text).join('\n'), confidence: 0.9, box: { x, y, width: right - x, height: bottom - y }, lines, excludedSpans: [] };
}

/**
 * The style the estimate would give: the size, 1.2 em line spacing, and a box of the lines' bands
 * (0.95 em above the baseline, 0.25 em below) with a 0.1 em margin, in whole pixels.
 */
export function styleOf(region: TextRegion, size: number, overrides: Partial<RegionStyle> = {}): RegionStyle {
  const m = 0.1 * size;
  const baselines = region.lines.map((l) => l.box.y + (measureText(l.text, font).top * size) / font.unitsPerEm);
  const top = Math.min(region.box.y, ...baselines.map((b) => b - 0.95 * size)) - m;
  const bottom = Math.max(region.box.y + region.box.height, ...baselines.map((b) => b + 0.25 * size)) + m;
  const x = Math.floor(region.box.x - m);
  const y = Math.floor(top);
  const box = { x, y, width: Math.ceil(region.box.x + region.box.width + m) - x, height: Math.ceil(bottom) - y };
  return { textColor: [20, 20, 20], backgroundColor: [240, 240, 240], fontSize: size, lineHeight: 1.2 * size, bold: false, align: 'left', outline: null, box, ...overrides };
}

/** A width × height image of one colour (opaque unless `alpha` is given). */
export function canvas(width: number, height: number, colour: Rgb, alpha = 255): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([colour[0], colour[1], colour[2], alpha], i);
  return { width, height, data };
}

const loosen = (b: Box): Box => ({ x: b.x - 1, y: b.y - 1, width: b.width + 2, height: b.height + 2 });

/** The region as OCR reports it: every box a pixel looser than the ink. */
export function asOcr(region: TextRegion): TextRegion {
  return {
    ...region,
    box: loosen(region.box),
    lines: region.lines.map((l) => ({ ...l, box: loosen(l.box), words: l.words.map((w) => ({ ...w, box: loosen(w.box) })) })),
  };
}

/** `upright` and `region` on it turned a quarter clockwise (text reading top to bottom), as OCR reports turned text. */
export function turnedQuarter(upright: RgbaImage, region: TextRegion): { image: RgbaImage; frame: Box; region: TextRegion } {
  const frame = { x: 0, y: 0, width: upright.height, height: upright.width };
  const image = canvas(frame.width, frame.height, [0, 0, 0]);
  for (let v = 0; v < upright.height; v++) {
    for (let u = 0; u < upright.width; u++) {
      const { x, y } = fromUpright({ x: u, y: v, width: 1, height: 1 }, frame, 90);
      image.data.set(upright.data.subarray((v * upright.width + u) * 4, (v * upright.width + u) * 4 + 4), (y * image.width + x) * 4);
    }
  }
  const turn = (b: Box) => fromUpright(b, frame, 90);
  const turned: TextRegion = {
    ...region,
    box: turn(region.box),
    lines: region.lines.map((l) => ({ ...l, box: turn(l.box), words: l.words.map((w) => ({ ...w, box: turn(w.box) })) })),
  };
  return { image, frame, region: turned };
}

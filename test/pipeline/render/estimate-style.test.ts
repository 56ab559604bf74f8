// Style estimation measured on real lettering: Noto Sans drawn by the renderer at known sizes, with OCR-like
// boxes a pixel looser than the ink, as Tesseract reports them.
import { describe, expect, it } from 'vitest';
import { estimateStyle } from '../../../src/pipeline/render/estimate-style';
import { renderTranslations } from '../../../src/pipeline/render/render-translations';
import { fromUpright, toUpright } from '../../../src/pipeline/render/text-direction';
import { lineInk } from '../../../src/pipeline/render/text-mask';
import type { Box, RgbaImage, Rgb, TextRegion } from '../../../src/pipeline/types';
import { asOcr, canvas, ocrWords, regionOf, styleOf, turnedQuarter } from '../../helpers/text-regions';

const PAPER: Rgb = [244, 241, 234];
const INK: Rgb = [32, 32, 32];


/** Draws `region`'s own text at `size` px onto a new canvas (the renderer keeps the original size and baselines). */
async function lettering(region: TextRegion, size: number, lineHeight: number, width = 900, height = 300): Promise<RgbaImage> {
  const image = canvas(width, height, PAPER);
  await renderTranslations(image, [{ region, style: styleOf(region, size, { lineHeight, textColor: INK }), translatedText: region.text }]);
  return image;
}

const estimate = (image: RgbaImage, region: TextRegion) => estimateStyle(image, region, region.lines.map((line) => lineInk(image, line)));

describe('style estimation on lettering', () => {
  const paragraph = regionOf([ocrWords('Bitte schließen Sie die Tür', 40, 80, 38), ocrWords('nach dem Verlassen des Raumes.', 40, 128, 38)]);

  it('measures the font size and the line spacing the text was set in', async () => {
    const image = await lettering(paragraph, 38, 48);
    const style = estimate(image, asOcr(paragraph));
    expect(style.fontSize).toBeGreaterThan(38 * 0.97);
    expect(style.fontSize).toBeLessThan(38 * 1.03);
    expect(style.lineHeight).toBeGreaterThan(48 * 0.97);
    expect(style.lineHeight).toBeLessThan(48 * 1.03);
    expect(style.align).toBe('left');
    style.textColor.forEach((c, i) => expect(Math.abs(c - INK[i])).toBeLessThanOrEqual(16));
  });

  it('leaves room for descenders and accents over plain background, and stops at other content', async () => {
    const caps = regionOf([ocrWords('NOTAUSGANG FREIHALTEN', 40, 100, 40)]);
    const image = await lettering(caps, 40, 48);
    const open = estimate(image, asOcr(caps)).box;
    expect(open.y + open.height).toBeGreaterThanOrEqual(100 + 0.24 * 40);
    expect(open.y).toBeLessThanOrEqual(100 - 0.94 * 40);
    // A rule 8 px under the letters (past the box's own 0.1 em margin): the box may not reach it.
    for (let y = 108; y < 111; y++) for (let x = 0; x < image.width; x++) image.data.set([0, 0, 0, 255], (y * image.width + x) * 4);
    const ruled = estimate(image, asOcr(caps)).box;
    expect(ruled.y + ruled.height).toBe(108);
  });

  it('takes a wide single line for left-aligned unless its margins are about equal', async () => {
    // Its centre is near the picture's (a wide line's always is), but its margins are 60 and ~140 px.
    const line = regionOf([ocrWords('Festival de verano esta noche', 60, 100, 44)]);
    const image = await lettering(line, 44, 53, 800);
    expect(estimate(image, asOcr(line)).align).toBe('left');
    const centred = regionOf([ocrWords('Festival de verano esta noche', 80, 100, 44)]);
    const image2 = await lettering(centred, 44, 53, Math.round(2 * centred.box.x + centred.box.width));
    expect(estimate(image2, asOcr(centred)).align).toBe('center');
  });

  it('lets a single line run into plain background along its length, short of other content', async () => {
    // A button 160 px wide with "OK" in its middle, on a grey page.
    const image = canvas(240, 120, [224, 224, 224]);
    for (let y = 30; y < 90; y++) for (let x = 40; x < 200; x++) image.data.set([52, 102, 204, 255], (y * 240 + x) * 4);
    const ok = regionOf([ocrWords('OK', 101, 75, 30)]);
    await renderTranslations(image, [{ region: ok, style: styleOf(ok, 30, { textColor: [255, 255, 255] }), translatedText: 'OK' }]);
    const style = estimate(image, asOcr(ok));
    expect(style.align).toBe('center');
    expect(style.box.width).toBeGreaterThan(ok.box.width + 40);
    // Both ways alike (still centred on the text), and clear of the button's edge.
    expect(Math.abs(style.box.x + style.box.width / 2 - (ok.box.x + ok.box.width / 2))).toBeLessThanOrEqual(1.5);
    expect(style.box.x).toBeGreaterThanOrEqual(40 + 0.3 * 30 - 1);
    expect(style.box.x + style.box.width).toBeLessThanOrEqual(200 - 0.3 * 30 + 1);
  });

  it('widens a left-aligned line only rightwards, and a paragraph not at all', async () => {
    const label = regionOf([ocrWords('Menge', 40, 80, 30)]);
    const image = await lettering(label, 30, 36, 700, 160);
    const style = estimate(image, asOcr(label));
    expect(style.align).toBe('left');
    expect(style.box.x).toBeGreaterThanOrEqual(label.box.x - 0.1 * 30 - 2);
    expect(style.box.width).toBeGreaterThan(1.8 * label.box.width);
    // Towards the picture's edge it keeps the margin it has on the left.
    const title = regionOf([ocrWords('Benvenuti al ristorante', 40, 80, 30)]);
    const wide = estimate(await lettering(title, 30, 36, 500, 160), asOcr(title)).box;
    expect(wide.x + wide.width).toBeGreaterThan(title.box.x + title.box.width + 20);
    expect(wide.x + wide.width).toBeLessThanOrEqual(500 - 40 + 0.1 * 30 + 1); // + the box's own margin
    const text = await lettering(paragraph, 38, 48);
    const block = estimate(text, asOcr(paragraph)).box;
    expect(block.width).toBeLessThanOrEqual(paragraph.box.width + 2 + 2 * Math.round(0.1 * 38) + 2);
  });

  it('measures turned text upright and says how it is turned', async () => {
    const upright = await lettering(paragraph, 38, 48, 700, 200);
    const expected = estimate(upright, asOcr(paragraph));
    // The same picture turned a quarter clockwise: text reads top to bottom.
    const { image, frame, region: turnedRegion } = turnedQuarter(upright, asOcr(paragraph));
    const style = estimate(image, turnedRegion);
    expect(style.rotation).toBe(90);
    expect(style.fontSize).toBeCloseTo(expected.fontSize, 0);
    expect(style.lineHeight).toBeCloseTo(expected.lineHeight, 0);
    const back = toUpright(style.box, frame, 90);
    expect(Math.abs(back.x - expected.box.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(back.width - expected.box.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(back.y - expected.box.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(back.height - expected.box.height)).toBeLessThanOrEqual(2);
    expect(expected.rotation ?? 0).toBe(0);
  });

  it('tells bold lettering from regular at small and large sizes', async () => {
    for (const size of [16, 24, 40, 64]) {
      const sign = regionOf([ocrWords('Palais du Louvre', 40, 40 + 1.2 * size, size)]);
      for (const bold of [false, true]) {
        const image = canvas(900, Math.ceil(2 * size + 60), PAPER);
        await renderTranslations(image, [{ region: sign, style: styleOf(sign, size, { textColor: INK, bold }), translatedText: sign.text }]);
        expect({ size, bold: estimate(image, asOcr(sign)).bold }).toEqual({ size, bold });
      }
    }
  });

  it('measures a long word with a capital at its start at its size (its letters do not make it look tilted)', async () => {
    const banner = regionOf([ocrWords('Winterschlussverkauf', 40, 110, 58)]);
    const image = await lettering(banner, 58, 70, 760, 200);
    const size = estimate(image, asOcr(banner)).fontSize;
    expect(size).toBeGreaterThan(58 * 0.97);
    expect(size).toBeLessThan(58 * 1.03);
  });

  it('measures a tilted line square to its slant', async () => {
    const sign = regionOf([ocrWords('Ausgang links halten', 40, 100, 40)]);
    const flat = await lettering(sign, 40, 48, 700, 220);
    // Sheared by 3°: each column moves down by tan 3° per pixel (a sign photographed a little askew).
    const slope = Math.tan((3 * Math.PI) / 180);
    const image = canvas(flat.width, flat.height, PAPER);
    for (let x = 0; x < flat.width; x++) {
      const dy = Math.round(slope * x);
      for (let y = 0; y + dy < flat.height; y++) image.data.set(flat.data.subarray((y * flat.width + x) * 4, (y * flat.width + x) * 4 + 4), ((y + dy) * flat.width + x) * 4);
    }
    const tilted = asOcr(sign);
    const grow = (b: Box): Box => ({ ...b, height: b.height + Math.ceil(slope * (b.x + b.width)) });
    const region = { ...tilted, box: grow(tilted.box), lines: tilted.lines.map((l) => ({ ...l, box: grow(l.box), words: l.words.map((w) => ({ ...w, box: { ...w.box, y: w.box.y + Math.floor(slope * w.box.x), height: w.box.height + Math.ceil(slope * w.box.width) + 1 } })) })) };
    const size = estimate(image, region).fontSize;
    expect(size).toBeGreaterThan(40 * 0.95);
    expect(size).toBeLessThan(40 * 1.05);
  });
});

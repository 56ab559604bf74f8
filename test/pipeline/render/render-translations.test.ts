import { describe, expect, it } from 'vitest';
import { compositePremultiplied } from '../../../src/pipeline/render/composite';
import { fontFor } from '../../../src/pipeline/render/fonts';
import { layoutText } from '../../../src/pipeline/render/layout-text';
import { MAX_TILE_PIXELS, renderTranslations, type TranslationToDraw } from '../../../src/pipeline/render/render-translations';
import { resvgHeapBytes } from '../../../src/pipeline/render/resvg-engine';
import { fromUpright } from '../../../src/pipeline/render/text-direction';
import type { Box, RgbaImage, Rgb } from '../../../src/pipeline/types';
import { canvas, ocrLine, ocrWords, regionOf, styleOf } from '../../helpers/text-regions';

const BACKGROUND: Rgb = [240, 236, 228];

/** Bounding box and count of the pixels that differ between two images of the same size. */
function changes(before: RgbaImage, after: RgbaImage, within?: Box) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let count = 0;
  let outside = 0;
  for (let y = 0; y < before.height; y++) {
    for (let x = 0; x < before.width; x++) {
      const i = (y * before.width + x) * 4;
      if (before.data[i] === after.data[i] && before.data[i + 1] === after.data[i + 1] && before.data[i + 2] === after.data[i + 2] && before.data[i + 3] === after.data[i + 3]) continue;
      count++;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
      if (within && (x < within.x || y < within.y || x >= within.x + within.width || y >= within.y + within.height)) outside++;
    }
  }
  return { count, outside, box: count ? { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 } : null };
}

function copy(image: RgbaImage): RgbaImage {
  return { ...image, data: image.data.slice() };
}

async function draw(image: RgbaImage, items: TranslationToDraw[]) {
  const before = copy(image);
  await renderTranslations(image, items);
  return before;
}

/** How much of each pixel is text, 0..1, from its distance to the background (text darker than it). */
function coverage(image: RgbaImage, box: Box, background: Rgb, text: Rgb): number {
  let sum = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * image.width + x) * 4;
      sum += (background[0] - image.data[i]) / (background[0] - text[0]);
    }
  }
  return sum;
}

const sign = regionOf([ocrLine('Notausgang bitte freihalten', 60, 100, 40)]);

describe('drawing translations', () => {
  it('draws a long translation shrunk or wrapped inside the region box, and nothing outside it', async () => {
    const image = canvas(700, 200, BACKGROUND);
    const style = styleOf(sign, 40);
    const text = 'Emergency exit: please keep this passage clear at all times, day and night';
    const before = await draw(image, [{ region: sign, style, translatedText: text }]);
    const { count, outside, box } = changes(before, image, style.box);
    expect(count).toBeGreaterThan(500);
    expect(outside).toBe(0);
    // The drawn ink is where the layout (our own metrics, kerning included) said it would be.
    const layout = layoutText(text, style, sign, fontFor(false).metrics);
    expect(layout.fontSize).toBeLessThan(40);
    expect(box!.x).toBeGreaterThanOrEqual(Math.floor(layout.ink!.x) - 1);
    expect(box!.x + box!.width).toBeLessThanOrEqual(Math.ceil(layout.ink!.x + layout.ink!.width) + 1);
    expect(box!.y).toBeGreaterThanOrEqual(Math.floor(layout.ink!.y) - 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(Math.ceil(layout.ink!.y + layout.ink!.height) + 1);
    expect(box!.width).toBeGreaterThan(layout.ink!.width - 2);
  });

  it('keeps the original size when the translation fits: capitals as tall as 40 px Noto Sans makes them', async () => {
    const image = canvas(700, 200, BACKGROUND);
    const before = await draw(image, [{ region: sign, style: styleOf(sign, 40), translatedText: 'HIER ENTLANG' }]);
    const { box } = changes(before, image);
    expect(box!.height).toBeGreaterThanOrEqual(Math.floor(0.714 * 40));
    expect(box!.height).toBeLessThanOrEqual(Math.ceil(0.714 * 40) + 1);
    // And on the original baseline (100): the capitals' foot is there.
    expect(box!.y + box!.height).toBeGreaterThanOrEqual(100);
    expect(box!.y + box!.height).toBeLessThanOrEqual(101);
  });

  it('keeps left, centre and right alignment, measured on the drawn pixels', async () => {
    const block = regionOf([ocrLine('Ne pas encombrer le passage', 100, 80, 30), ocrLine('Sortie de secours', 100, 116, 30)]);
    const edges: Record<string, { left: number; right: number }> = {};
    for (const align of ['left', 'center', 'right'] as const) {
      const image = canvas(700, 200, BACKGROUND);
      const before = await draw(image, [{ region: block, style: styleOf(block, 30, { lineHeight: 36, align }), translatedText: 'Exit' }]);
      const { box } = changes(before, image);
      edges[align] = { left: box!.x, right: box!.x + box!.width };
    }
    const left = block.box.x;
    const right = block.box.x + block.box.width;
    expect(Math.abs(edges.left.left - left)).toBeLessThanOrEqual(1);
    expect(Math.abs(edges.right.right - right)).toBeLessThanOrEqual(1);
    expect(Math.abs((edges.center.left + edges.center.right) / 2 - (left + right) / 2)).toBeLessThanOrEqual(1);
    expect(edges.left.right).toBeLessThan(edges.center.right);
    expect(edges.center.right).toBeLessThan(edges.right.right);
  });

  it('draws in the text colour: fully covered pixels are exactly textColor, edges lie between it and the background', async () => {
    const image = canvas(700, 200, [30, 60, 120]);
    const colour: Rgb = [250, 200, 40];
    const before = await draw(image, [{ region: sign, style: styleOf(sign, 40, { textColor: colour }), translatedText: 'Emergency exit' }]);
    let exact = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      if (image.data[i] === before.data[i] && image.data[i + 1] === before.data[i + 1] && image.data[i + 2] === before.data[i + 2]) continue;
      if (image.data[i] === colour[0] && image.data[i + 1] === colour[1] && image.data[i + 2] === colour[2]) exact++;
      // Every drawn pixel is a mix of the two colours.
      for (let c = 0; c < 3; c++) {
        expect(image.data[i + c]).toBeGreaterThanOrEqual(Math.min(colour[c], before.data[i + c]));
        expect(image.data[i + c]).toBeLessThanOrEqual(Math.max(colour[c], before.data[i + c]));
      }
      expect(image.data[i + 3]).toBe(255);
    }
    expect(exact).toBeGreaterThan(400);
  });

  it('composites premultiplied pixels correctly: each edge pixel is one coverage of text over background', async () => {
    // Premultiplied output taken as straight colour would darken the edges: the coverage implied by
    // each channel would then disagree (c·α² instead of c·α).
    const text: Rgb = [250, 40, 40];
    const background: Rgb = [30, 200, 90];
    const image = canvas(700, 200, background);
    await draw(image, [{ region: sign, style: styleOf(sign, 40, { textColor: text }), translatedText: 'Emergency exit' }]);
    let edges = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const alphas = [0, 1, 2].map((c) => (image.data[i + c] - background[c]) / (text[c] - background[c]));
      if (alphas[0] < 0.15 || alphas[0] > 0.85) continue;
      edges++;
      expect(Math.abs(alphas[1] - alphas[0])).toBeLessThan(0.03);
      expect(Math.abs(alphas[2] - alphas[0])).toBeLessThan(0.06);
    }
    expect(edges).toBeGreaterThan(100);
  });

  it('draws an outline around the letters when the style asks for one', async () => {
    const grey: Rgb = [128, 128, 128];
    const plain = canvas(700, 200, grey);
    const outlined = canvas(700, 200, grey);
    const blank = canvas(700, 200, grey);
    await draw(plain, [{ region: sign, style: styleOf(sign, 40, { textColor: [0, 0, 0] }), translatedText: 'Exit' }]);
    await draw(outlined, [{ region: sign, style: styleOf(sign, 40, { textColor: [0, 0, 0], outline: { color: [255, 255, 255], width: 6 } }), translatedText: 'Exit' }]);
    const white = (image: RgbaImage) => {
      let n = 0;
      for (let i = 0; i < image.data.length; i += 4) if (image.data[i] > 240 && image.data[i + 1] > 240 && image.data[i + 2] > 240) n++;
      return n;
    };
    const black = (image: RgbaImage) => {
      let n = 0;
      for (let i = 0; i < image.data.length; i += 4) if (image.data[i] === 0 && image.data[i + 1] === 0 && image.data[i + 2] === 0) n++;
      return n;
    };
    // As CSS text-stroke: the stroke is centred on the letters' edge, so 6 px leaves a 3 px halo.
    const plainBox = changes(blank, plain).box!;
    const outlinedBox = changes(blank, outlined).box!;
    expect(Math.abs(outlinedBox.width - plainBox.width - 6)).toBeLessThanOrEqual(2);
    expect(Math.abs(outlinedBox.height - plainBox.height - 6)).toBeLessThanOrEqual(2);
    expect(white(plain)).toBe(0);
    expect(white(outlined)).toBeGreaterThan(300);
    // The stroke is painted under the fill: the letters keep a solid black core.
    expect(black(outlined)).toBeGreaterThan(0.5 * black(plain));
  });

  it('draws bold with heavier strokes than regular', async () => {
    const ink: Rgb = [0, 0, 0];
    const white: Rgb = [255, 255, 255];
    const cover = async (bold: boolean) => {
      const image = canvas(700, 200, white);
      const style = styleOf(sign, 40, { textColor: ink, backgroundColor: white, bold });
      await draw(image, [{ region: sign, style, translatedText: 'Illinois lilli' }]);
      return coverage(image, style.box, white, ink);
    };
    const regular = await cover(false);
    const bold = await cover(true);
    expect(regular).toBeGreaterThan(100);
    expect(bold).toBeGreaterThan(1.4 * regular);
  });

  it('draws a decomposed accent exactly as the composed letter (NFC)', async () => {
    const composed = canvas(700, 200, BACKGROUND);
    const decomposed = canvas(700, 200, BACKGROUND);
    await draw(composed, [{ region: sign, style: styleOf(sign, 40), translatedText: 'Café Müller' }]);
    await draw(decomposed, [{ region: sign, style: styleOf(sign, 40), translatedText: 'Cafe\u0301 Mu\u0308ller' }]);
    expect(changes(composed, decomposed).count).toBe(0);
    expect(layoutText('Cafe\u0301', styleOf(sign, 40), sign, fontFor(false).metrics).lines[0].text).toBe('Caf\u00e9');
    expect(changes(canvas(700, 200, BACKGROUND), composed).count).toBeGreaterThan(100);
  });

  it('escapes text that looks like markup instead of interpreting it', async () => {
    const image = canvas(700, 200, BACKGROUND);
    const before = await draw(image, [{ region: sign, style: styleOf(sign, 40), translatedText: '<b>A & B</b> "1" \'2\'' }]);
    expect(changes(before, image).count).toBeGreaterThan(100);
  });

  it('draws nothing for an empty or blank translation', async () => {
    const image = canvas(700, 200, BACKGROUND);
    const before = await draw(image, ['', '  ', '\n', '\u200b', '🚪'].map((translatedText) => ({ region: sign, style: styleOf(sign, 40), translatedText })));
    expect(changes(before, image).count).toBe(0);
  });

  it('draws many regions on one image, each inside its own box', async () => {
    const image = canvas(1200, 900, BACKGROUND);
    const items: TranslationToDraw[] = [];
    for (let i = 0; i < 24; i++) {
      const x = 20 + (i % 4) * 290;
      const baseline = 60 + Math.floor(i / 4) * 140;
      const size = 18 + (i % 5) * 4;
      const region = regionOf([ocrLine('Ausgang links', x, baseline, size), ocrLine('bitte freihalten', x, baseline + 1.3 * size, size)]);
      const style = styleOf(region, size, { lineHeight: 1.3 * size, bold: i % 2 === 0, align: (['left', 'center', 'right'] as const)[i % 3], textColor: [i * 10, 40, 200 - i * 5] });
      items.push({ region, style, translatedText: i % 4 === 3 ? 'Please keep this emergency exit on the left clear at all times' : `Exit ${i}` });
    }
    const before = await draw(image, items);
    const total = changes(before, image);
    let inBoxes = 0;
    for (const { style } of items) {
      const own = changes(crop(before, style.box), crop(image, style.box));
      expect(own.count).toBeGreaterThan(20);
      inBoxes += own.count;
    }
    // Boxes do not overlap here, so every changed pixel belongs to exactly one box.
    expect(total.count).toBe(inBoxes);
  });

  it('cuts a huge region into bands without seams and keeps resvg’s heap small', async () => {
    // A title about 3700×1100 px on a 4000×1200 image, filled by a row of capital I: as one pixmap its
    // ink alone would take ~6 MB of resvg's heap, which never shrinks.
    const title = regionOf([ocrLine('OPENING', 150, 900, 800)]);
    const image = canvas(4000, 1200, [255, 204, 0]);
    const style = styleOf(title, 800, { textColor: [0, 0, 0], bold: true });
    const text = 'IIIIIIIIIIIIIIIII';
    const before = await draw(image, [{ region: title, style, translatedText: text }]);
    expect(changes(before, image, style.box).outside).toBe(0);
    const ink = layoutText(text, style, title, fontFor(true).metrics).ink!;
    expect(ink.width * ink.height * 4).toBeGreaterThan(5e6);
    const bandRows = Math.floor(MAX_TILE_PIXELS / Math.ceil(ink.width + 2));
    expect(bandRows).toBeLessThan(ink.height / 2); // the drawing really was cut into bands
    // A stem of "I" has the same coverage on every row, so rows either side of a band edge match.
    const top = Math.max(style.box.y, Math.floor(ink.y) - 1);
    let compared = 0;
    for (let edge = top + bandRows; edge < ink.y + ink.height - 10; edge += bandRows) {
      if (edge - 1 < ink.y + 10) continue;
      for (let x = Math.floor(ink.x); x < ink.x + ink.width; x++) {
        const above = ((edge - 1) * image.width + x) * 4;
        const below = (edge * image.width + x) * 4;
        expect(Math.abs(image.data[above] - image.data[below])).toBeLessThanOrEqual(1);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // Bands of at most 2 MiB of pixels keep the heap near 6 MiB whatever the region's size.
    expect(resvgHeapBytes()).toBeGreaterThan(0);
    expect(resvgHeapBytes()).toBeLessThan(8 * 1024 * 1024);
  });

  it('draws turned text turned: the upright drawing, a quarter turn clockwise', async () => {
    const region = regionOf([ocrWords('Proibido estacionar nesta rua', 40, 60, 30)]);
    const style = styleOf(region, 30);
    const upright = canvas(500, 100, BACKGROUND);
    await draw(upright, [{ region, style, translatedText: 'No parking on this street' }]);
    // The same region in a picture turned a quarter clockwise (500×100 becomes 100×500).
    const frame = { x: 0, y: 0, width: 100, height: 500 };
    const turn = (b: Box) => fromUpright(b, { x: 0, y: 0, width: 100, height: 500 }, 90);
    const turnedRegion = { ...region, box: turn(region.box), lines: region.lines.map((l) => ({ ...l, box: turn(l.box), words: l.words.map((w) => ({ ...w, box: turn(w.box) })) })) };
    const turnedStyle = { ...style, box: turn(style.box), rotation: 90 as const };
    const image = canvas(frame.width, frame.height, BACKGROUND);
    const before = await draw(image, [{ region: turnedRegion, style: turnedStyle, translatedText: 'No parking on this street' }]);
    const drawn = changes(before, image, turnedStyle.box);
    expect(drawn.outside).toBe(0);
    expect(drawn.box!.height).toBeGreaterThan(4 * drawn.box!.width);
    // Pixel by pixel, the turned drawing is the upright one turned (up to anti-aliasing).
    let diff = 0;
    let inked = 0;
    for (let v = 0; v < 100; v++) {
      for (let u = 0; u < 500; u++) {
        const { x, y } = turn({ x: u, y: v, width: 1, height: 1 });
        const a = upright.data[(v * 500 + u) * 4];
        const b = image.data[(y * 100 + x) * 4];
        diff += Math.abs(a - b);
        if (a < BACKGROUND[0] - 100) inked++;
      }
    }
    expect(inked).toBeGreaterThan(500);
    expect(diff / inked).toBeLessThan(8);
  });

  it('composites onto transparent pixels as source-over, keeping colours straight', async () => {
    const image = canvas(700, 200, [0, 0, 0], 0);
    await draw(image, [{ region: sign, style: styleOf(sign, 40, { textColor: [200, 100, 50] }), translatedText: 'Exit' }]);
    let drawn = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      if (image.data[i + 3] === 0) continue;
      drawn++;
      // Over nothing, a pixel is the text colour at its coverage.
      if (image.data[i + 3] > 64) {
        expect(Math.abs(image.data[i] - 200)).toBeLessThanOrEqual(4);
        expect(Math.abs(image.data[i + 1] - 100)).toBeLessThanOrEqual(4);
        expect(Math.abs(image.data[i + 2] - 50)).toBeLessThanOrEqual(4);
      }
    }
    expect(drawn).toBeGreaterThan(300);
  });
});

describe('premultiplied compositing', () => {
  const pixel = (rgba: number[]) => new Uint8Array(rgba);

  it('puts a half-covered pixel over a coloured background: src + dst × (1 − α)', () => {
    const image: RgbaImage = { width: 1, height: 1, data: pixel([0, 0, 255, 255]) };
    // (200, 100, 50) at α = 128/255, premultiplied.
    compositePremultiplied(image, pixel([100, 50, 25, 128]), { x: 0, y: 0, width: 1, height: 1 });
    expect([...image.data]).toEqual([100, 50, 25 + 127, 255]);
  });

  it('over a translucent background, alpha adds up and the colour is stored straight', () => {
    const image: RgbaImage = { width: 1, height: 1, data: pixel([0, 0, 255, 128]) };
    compositePremultiplied(image, pixel([100, 50, 25, 128]), { x: 0, y: 0, width: 1, height: 1 });
    const keep = (128 * 127) / 255;
    const alpha = 128 + keep;
    const expected = [100, 50, 25 + (255 * keep) / 255].map((c) => Math.round((c * 255) / alpha));
    for (let c = 0; c < 3; c++) expect(Math.abs(image.data[c] - expected[c])).toBeLessThanOrEqual(1);
    expect(image.data[3]).toBe(Math.round(alpha));
  });

  it('leaves uncovered pixels bit-identical and replaces fully covered ones', () => {
    const image: RgbaImage = { width: 2, height: 1, data: pixel([1, 2, 3, 4, 9, 8, 7, 6]) };
    compositePremultiplied(image, pixel([0, 0, 0, 0, 10, 20, 30, 255]), { x: 0, y: 0, width: 2, height: 1 });
    expect([...image.data]).toEqual([1, 2, 3, 4, 10, 20, 30, 255]);
  });
});

function crop(image: RgbaImage, box: Box): RgbaImage {
  const out = canvas(box.width, box.height, [0, 0, 0]);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.y + y) * image.width + box.x) * 4;
    out.data.set(image.data.subarray(from, from + box.width * 4), y * box.width * 4);
  }
  return out;
}

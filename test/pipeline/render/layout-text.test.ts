import { describe, expect, it } from 'vitest';
import { fontFor } from '../../../src/pipeline/render/fonts';
import { layoutText, MIN_LEGIBLE_PX, minimumFontSize, type TextLayout } from '../../../src/pipeline/render/layout-text';
import type { Box } from '../../../src/pipeline/types';
import { ocrLine, regionOf, styleOf } from '../../helpers/text-regions';

const font = fontFor(false).metrics;

function expectInside(layout: TextLayout, box: Box) {
  expect(layout.lines.length).toBeGreaterThan(0);
  for (const line of layout.lines) {
    expect(line.ink.x).toBeGreaterThanOrEqual(box.x);
    expect(line.ink.y).toBeGreaterThanOrEqual(box.y);
    expect(line.ink.x + line.ink.width).toBeLessThanOrEqual(box.x + box.width);
    expect(line.ink.y + line.ink.height).toBeLessThanOrEqual(box.y + box.height);
  }
}

const text = (layout: TextLayout) => layout.lines.map((l) => l.text).join(' ');

describe('fitting a translation', () => {
  const sign = regionOf([ocrLine('Notausgang bitte freihalten', 100, 100, 40)]);

  it('keeps the original size, and the original baseline, when the translation fits', () => {
    const layout = layoutText('Emergency exit', styleOf(sign, 40), sign, font);
    expect(layout.fit).toBe('original');
    expect(layout.fontSize).toBe(40);
    expect(layout.lines).toHaveLength(1);
    expect(layout.lines[0].baseline).toBeCloseTo(100, 0);
    expectInside(layout, styleOf(sign, 40).box);
  });

  it('gives a descender or an accented capital room without shrinking', () => {
    const caps = regionOf([ocrLine('NOTAUSGANG FREI', 100, 100, 40)]);
    const layout = layoutText('Égout, parking', styleOf(caps, 40), caps, font);
    expect(layout.fit).toBe('original');
    expect(layout.fontSize).toBe(40);
    expectInside(layout, styleOf(caps, 40).box);
  });

  it('wraps a longer translation at the original size where the box has room for more lines', () => {
    const block = regionOf([
      ocrLine('Bitte schließen Sie die Tür', 50, 100, 40),
      ocrLine('nach dem Verlassen des Raumes.', 50, 148, 40),
      ocrLine('Vielen Dank für Ihre Mithilfe!', 50, 196, 40),
    ]);
    const style = styleOf(block, 40, { lineHeight: 48 });
    const layout = layoutText('Please close the door after leaving the room. Thank you for your help!', style, block, font);
    expect(layout.fontSize).toBe(40);
    expect(['original', 'wrapped']).toContain(layout.fit);
    expect(layout.lines.length).toBeLessThanOrEqual(3);
    expect(text(layout)).toBe('Please close the door after leaving the room. Thank you for your help!');
    expectInside(layout, style.box);
    // The line spacing is the original's: same count of lines, so the original baselines.
    if (layout.lines.length === 3) expect(layout.lines.map((l) => Math.round(l.baseline))).toEqual([100, 148, 196]);
  });

  it('keeps a one-line sign on one line when two lines would be only a little larger', () => {
    // A plate with some room above and below the words: two lines fit at ~15% more size than one.
    const plate = regionOf([ocrLine('Palais du LOUVRE', 100, 100, 30)]);
    const style = styleOf(plate, 30, { align: 'center', box: { ...styleOf(plate, 30).box, y: 64, height: 56 } });
    const layout = layoutText('Palace of the LOUVRE', style, plate, font);
    expect(layout.lines.map((l) => l.text)).toEqual(['Palace of the LOUVRE']);
    expectInside(layout, style.box);
    // When one line would have to be far smaller than two, wrapping wins.
    const tall = { ...style, box: { ...style.box, y: 40, height: 100 } };
    expect(layoutText('Palace and gardens of the LOUVRE', tall, plate, font).lines.length).toBeGreaterThan(1);
  });

  it('shrinks a longer translation that cannot wrap in a one-line box, keeping every word', () => {
    const style = styleOf(sign, 40);
    const layout = layoutText('Emergency exit: please keep this passage clear at all times', style, sign, font);
    expect(layout.fit).toBe('shrunk');
    expect(layout.fontSize).toBeLessThan(40);
    expect(layout.fontSize).toBeGreaterThanOrEqual(minimumFontSize(40));
    expect(text(layout)).toBe('Emergency exit: please keep this passage clear at all times');
    expectInside(layout, style.box);
  });

  it('shrinks a single word that is wider than the box rather than breaking it', () => {
    const exit = regionOf([ocrLine('AUSGANG', 100, 100, 40)]);
    const style = styleOf(exit, 40);
    const layout = layoutText('Notausgang', style, exit, font);
    expect(layout.fit).toBe('shrunk');
    expect(layout.lines.map((l) => l.text)).toEqual(['Notausgang']);
    expectInside(layout, style.box);
  });

  it('breaks a word no legible size can fit, with a hyphen, inside the box', () => {
    const exit = regionOf([ocrLine('EXIT', 100, 100, 40)]);
    const style = styleOf(exit, 40);
    const layout = layoutText('Donaudampfschifffahrt', style, exit, font);
    expect(layout.fit).toBe('broken');
    expect(layout.fontSize).toBe(minimumFontSize(40));
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lines[0].text).toMatch(/-$/);
    expect(layout.lines.map((l) => l.text.replace(/-$/, '')).join('')).toBe('Donaudampfschifffahrt');
    expectInside(layout, style.box);
  });

  it('as a last resort drops what does not fit and ends with an ellipsis, never leaving the box', () => {
    const ok = regionOf([ocrLine('OK', 100, 100, 40)]);
    const style = styleOf(ok, 40);
    const layout = layoutText('Please read the whole of this very long notice before you press the button', style, ok, font);
    expect(layout.fit).toBe('truncated');
    expect(layout.fontSize).toBeCloseTo(minimumFontSize(40), 5);
    expect(layout.lines[layout.lines.length - 1].text).toMatch(/…$/);
    expectInside(layout, style.box);
  });

  it('keeps the translator’s own line breaks when they fit', () => {
    const block = regionOf([ocrLine('Sortie de secours', 50, 100, 40), ocrLine('Ne pas encombrer le passage', 50, 148, 40)]);
    const style = styleOf(block, 40, { lineHeight: 48 });
    const layout = layoutText('Emergency exit\nDo not block', style, block, font);
    expect(layout.lines.map((l) => l.text)).toEqual(['Emergency exit', 'Do not block']);
    expect(layout.lines.map((l) => Math.round(l.baseline))).toEqual([100, 148]);
  });

  it('draws nothing for an empty or blank translation', () => {
    for (const blank of ['', '   ', '\n\t\u00a0', '\u200b']) {
      const layout = layoutText(blank, styleOf(sign, 40), sign, font);
      expect(layout.fit).toBe('empty');
      expect(layout.lines).toEqual([]);
      expect(layout.ink).toBeNull();
    }
  });

  it('keeps the outline inside the box too', () => {
    const style = styleOf(sign, 40, { outline: { color: [255, 255, 255], width: 4 } });
    const layout = layoutText('Emergency exit: please keep this passage clear', style, sign, font);
    expectInside(layout, style.box);
    const plain = layoutText('Emergency exit: please keep this passage clear', styleOf(sign, 40), sign, font);
    expect(layout.fontSize).toBeLessThan(plain.fontSize);
  });

  it('scales the line spacing with the size when it shrinks', () => {
    const block = regionOf([ocrLine('Sortie de secours', 50, 100, 40), ocrLine('Ne pas encombrer', 50, 160, 40)]);
    const style = styleOf(block, 40, { lineHeight: 60 });
    const layout = layoutText('Emergency exit – do not obstruct the passage at any time, day or night', style, block, font);
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lineHeight / layout.fontSize).toBeCloseTo(1.5, 5);
    expect(layout.lines[1].baseline - layout.lines[0].baseline).toBeCloseTo(layout.lineHeight, 5);
    expectInside(layout, style.box);
  });
});

describe('alignment', () => {
  const block = regionOf([ocrLine('Ne pas encombrer le passage', 100, 100, 40), ocrLine('Sortie de secours', 100, 148, 40)]);
  const translation = 'Do not obstruct the passage. Emergency exit';

  it('left: the lines share a pen position and the leftmost ink meets the original left edge', () => {
    const layout = layoutText(translation, styleOf(block, 40, { lineHeight: 48, align: 'left' }), block, font);
    expect(new Set(layout.lines.map((l) => l.x)).size).toBe(1);
    expect(Math.min(...layout.lines.map((l) => l.ink.x))).toBeCloseTo(block.box.x, 5);
  });

  it('right: the rightmost ink meets the original right edge', () => {
    const layout = layoutText(translation, styleOf(block, 40, { lineHeight: 48, align: 'right' }), block, font);
    expect(Math.max(...layout.lines.map((l) => l.ink.x + l.ink.width))).toBeCloseTo(block.box.x + block.box.width, 5);
  });

  it('centre: every line is centred on the original text', () => {
    const layout = layoutText(translation, styleOf(block, 40, { lineHeight: 48, align: 'center' }), block, font);
    for (const line of layout.lines) expect(line.ink.x + line.ink.width / 2).toBeCloseTo(block.box.x + block.box.width / 2, 5);
  });
});

describe('legible minimum', () => {
  it('is 40% of the original size, but never below 10 px unless the original was smaller', () => {
    expect(minimumFontSize(60)).toBeCloseTo(24, 10);
    expect(minimumFontSize(20)).toBe(MIN_LEGIBLE_PX);
    expect(minimumFontSize(8)).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../../src/pipeline/ocr/gray-image';
import { refineLines } from '../../../src/pipeline/ocr/line-refinement';
import { detectTextLines } from '../../../src/pipeline/ocr/text-detection';

/** A dark page with rectangles of given greys painted on it. */
function page(rects: [x: number, y: number, w: number, h: number, grey: number][]): GrayImage {
  const width = 240;
  const height = 100;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = 70 + ((i * 7919) % 13); // a faintly grainy dark ground
  for (const [x0, y0, w, h, grey] of rects) {
    for (let y = y0; y < y0 + h; y++) data.fill(grey, y * width + x0, y * width + x0 + w);
  }
  return { width, height, data };
}

const shown = (gray: GrayImage, x: number, y: number) => {
  const lines = refineLines(gray, detectTextLines(gray).lines).filter((l) => l.polarity === 'light');
  return lines.some((l) => {
    const { box, mask } = l;
    if (!mask || x < box.x || y < box.y || x >= box.x + box.width || y >= box.y + box.height) return false;
    return mask[(y - box.y) * box.width + (x - box.x)] === 1;
  });
};

// Four white strokes standing on one baseline, like the letters "llll" of white type.
const strokes: [number, number, number, number, number][] = [
  [60, 30, 9, 40, 245],
  [80, 30, 9, 40, 245],
  [100, 30, 9, 40, 245],
  [120, 30, 9, 40, 245],
];

describe('refineLines', () => {
  it('shows the letters of a line', () => {
    const gray = page(strokes);
    expect(shown(gray, 64, 50)).toBe(true);
    expect(shown(gray, 124, 50)).toBe(true);
    expect(shown(gray, 74, 50)).toBe(false); // the gap between two letters
  });

  it('separates a letter from pale background that touches it, of almost its grey', () => {
    // A pale patch (grey 205) joined to the first letter: one blob at the page's own threshold, which
    // detection drops as no character; at the letters' grey the letter stands apart again.
    const gray = page([...strokes, [20, 25, 40, 50, 205]]);
    expect(shown(gray, 64, 50)).toBe(true);
    expect(shown(gray, 35, 50)).toBe(false);
  });

  it('does not keep a speck of pale background above a letter as an accent', () => {
    const gray = page([...strokes, [82, 18, 5, 5, 200]]);
    expect(shown(gray, 84, 20)).toBe(false);
    // A dot of the letters' own grey in the same place is one.
    expect(shown(page([...strokes, [82, 18, 5, 5, 245]]), 84, 20)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { fromUpright, regionToUpright, textRotation, toUpright, uprightSize, uprightTransform, type Rotation } from '../../../src/pipeline/render/text-direction';
import type { Box, TextRegion } from '../../../src/pipeline/types';
import { ocrWords, regionOf } from '../../helpers/text-regions';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];
const frame: Box = { x: 30, y: 40, width: 200, height: 500 };

/** An upright two-line region turned by `rotation` within `frame`, as OCR would report it. */
function turned(rotation: Rotation): TextRegion {
  const upright = regionOf([ocrWords('Proibido estacionar nesta rua', 20, 60, 30), ocrWords('Obrigado pela compreensão', 20, 100, 30)]);
  const turnedBack = (box: Box) => fromUpright(box, frame, rotation);
  return {
    ...upright,
    box: turnedBack(upright.box),
    lines: upright.lines.map((l) => ({ ...l, box: turnedBack(l.box), words: l.words.map((w) => ({ ...w, box: turnedBack(w.box) })) })),
  };
}

describe('text direction', () => {
  for (const rotation of ROTATIONS) {
    it(`tells text turned by ${rotation}° from the order of its words`, () => {
      expect(textRotation(turned(rotation))).toBe(rotation);
    });

    it(`tells text turned by ${rotation}° from the order of its lines when each has one word`, () => {
      const region = turned(rotation);
      const single = { ...region, lines: region.lines.map((l) => ({ ...l, words: [{ ...l.words[0], box: l.box }] })) };
      expect(textRotation(single)).toBe(rotation);
    });
  }

  it('reads left-aligned one-word lines of different lengths as upright, not turned', () => {
    // "Sonderangebot" over "nur": the centres are further apart across than down.
    const region = regionOf([ocrWords('Sonderangebot', 12, 51, 40), ocrWords('nur', 13, 138, 40)]);
    expect(region.lines[0].box.width).toBeGreaterThan(3 * region.lines[1].box.width);
    expect(textRotation(region)).toBe(0);
    const upsideDown = { ...region, lines: [...region.lines].reverse() };
    expect(textRotation(upsideDown)).toBe(180);
  });

  it('takes a lone word for upright unless it is much taller than wide, then for turned clockwise', () => {
    const wide = regionOf([ocrWords('Ausgang', 10, 50, 30)]);
    expect(textRotation(wide)).toBe(0);
    const tall = { ...wide, lines: wide.lines.map((l) => ({ ...l, box: { x: 10, y: 10, width: 30, height: 150 } })) };
    expect(textRotation(tall)).toBe(90);
    const narrow = regionOf([ocrWords('Il', 10, 50, 30)]);
    expect(textRotation({ ...narrow, lines: narrow.lines.map((l) => ({ ...l, box: { x: 10, y: 10, width: 12, height: 23 } })) })).toBe(0);
  });

  it('maps boxes to the upright frame and back', () => {
    const box = { x: 50, y: 70, width: 20, height: 90 };
    for (const rotation of ROTATIONS) {
      const up = toUpright(box, frame, rotation);
      const size = uprightSize(frame, rotation);
      expect(up.x).toBeGreaterThanOrEqual(0);
      expect(up.y).toBeGreaterThanOrEqual(0);
      expect(up.x + up.width).toBeLessThanOrEqual(size.width);
      expect(up.y + up.height).toBeLessThanOrEqual(size.height);
      expect(fromUpright(up, frame, rotation)).toEqual(box);
    }
    // Turned a quarter clockwise, the frame's top edge is the upright frame's right edge.
    expect(toUpright({ x: 30, y: 40, width: 200, height: 1 }, frame, 90)).toEqual({ x: 0, y: 0, width: 1, height: 200 });
  });

  it('turns upright coordinates with the same mapping in SVG', () => {
    for (const rotation of ROTATIONS) {
      const m = uprightTransform(frame, rotation).match(/-?[\d.]+/g)!.map(Number);
      const [a, b, c, d, e, f] = m.length === 6 ? m : [1, 0, 0, 1, m[0], m[1]];
      const up = { x: 12, y: 34, width: 0, height: 0 };
      const there = fromUpright(up, frame, rotation);
      expect([a * up.x + c * up.y + e, b * up.x + d * up.y + f]).toEqual([there.x, there.y]);
    }
  });

  it('turns a region upright with its lines and words', () => {
    const region = turned(90);
    const upright = regionToUpright(region, frame, 90);
    expect(textRotation(upright)).toBe(0);
    expect(upright.lines[0].words[1].box.x).toBeGreaterThan(upright.lines[0].words[0].box.x);
  });
});

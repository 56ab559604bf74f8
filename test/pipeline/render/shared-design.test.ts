import { describe, expect, it } from 'vitest';
import { isBold } from '../../../src/pipeline/render/estimate-style';
import { shareDesign } from '../../../src/pipeline/render/shared-design';
import type { RegionStyle } from '../../../src/pipeline/types';
import { ocrWords, regionOf, styleOf } from '../../helpers/text-regions';

const sign = regionOf([ocrWords('Palais du LOUVRE', 40, 80, 31)]);
const measured = (strokeRatio: number, overrides: Partial<RegionStyle> = {}): RegionStyle =>
  styleOf(sign, 31, { strokeRatio, bold: isBold(strokeRatio), textColor: [245, 245, 245], backgroundColor: [30, 35, 60], ...overrides });

describe('one look per design', () => {
  it('gives signs of one design the weight of their mean stroke', () => {
    // The navy signs of fr_paris_direction_signs.jpg as measured: one just over the line, the rest under.
    const styles = shareDesign([measured(0.089), measured(0.08), measured(0.084), measured(0.077)]);
    expect(styles.map((s) => s.bold)).toEqual([false, false, false, false]);
    const bolder = shareDesign([measured(0.089), measured(0.093), measured(0.084)]);
    expect(bolder.map((s) => s.bold)).toEqual([true, true, true]);
  });

  it('leaves regions of another size, text colour or background alone', () => {
    const styles = shareDesign([
      measured(0.07),
      measured(0.12, { fontSize: 50 }),
      measured(0.12, { textColor: [200, 40, 40] }),
      measured(0.12, { backgroundColor: [120, 90, 60] }),
      styleOf(sign, 31, { bold: true, textColor: [245, 245, 245], backgroundColor: [30, 35, 60] }),
    ]);
    expect(styles.map((s) => s.bold)).toEqual([false, true, true, true, true]);
  });

  it('outlines every line of a design when one of them needs it', () => {
    // Two lines of one banner over a photo: the first over a bright patch (outlined), the second not; a smaller caption apart.
    const outline = { color: [0, 0, 0] as [number, number, number], width: 4 };
    const styles = shareDesign([measured(0.1, { fontSize: 58, outline }), measured(0.1, { fontSize: 55 }), measured(0.1, { fontSize: 30 })]);
    expect(styles[1].outline).toEqual({ color: [0, 0, 0], width: 4 });
    expect(styles[2].outline).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isBold } from '../../../src/pipeline/render/estimate-style';
import { shareWeights } from '../../../src/pipeline/render/shared-weights';
import type { RegionStyle } from '../../../src/pipeline/types';
import { ocrWords, regionOf, styleOf } from '../../helpers/text-regions';

const sign = regionOf([ocrWords('Palais du LOUVRE', 40, 80, 31)]);
const measured = (strokeRatio: number, overrides: Partial<RegionStyle> = {}): RegionStyle =>
  styleOf(sign, 31, { strokeRatio, bold: isBold(strokeRatio), textColor: [245, 245, 245], backgroundColor: [30, 35, 60], ...overrides });

describe('one weight per design', () => {
  it('gives signs of one design the weight of their mean stroke', () => {
    // The navy signs of fr_paris_direction_signs.jpg as measured: one just over the line, the rest under.
    const styles = shareWeights([measured(0.089), measured(0.08), measured(0.084), measured(0.077)]);
    expect(styles.map((s) => s.bold)).toEqual([false, false, false, false]);
    const bolder = shareWeights([measured(0.089), measured(0.093), measured(0.084)]);
    expect(bolder.map((s) => s.bold)).toEqual([true, true, true]);
  });

  it('leaves regions of another size, text colour or background alone', () => {
    const styles = shareWeights([
      measured(0.07),
      measured(0.12, { fontSize: 50 }),
      measured(0.12, { textColor: [200, 40, 40] }),
      measured(0.12, { backgroundColor: [120, 90, 60] }),
      styleOf(sign, 31, { bold: true, textColor: [245, 245, 245], backgroundColor: [30, 35, 60] }),
    ]);
    expect(styles.map((s) => s.bold)).toEqual([false, true, true, true, true]);
  });
});

// Text removal planned on real lettering: Noto Sans drawn by the renderer, with OCR-like boxes.
import { describe, expect, it } from 'vitest';
import { planRemoval } from '../../../src/pipeline/render/remove-text';
import { renderTranslations } from '../../../src/pipeline/render/render-translations';
import { toUpright } from '../../../src/pipeline/render/text-direction';
import type { Rgb } from '../../../src/pipeline/types';
import { asOcr, canvas, ocrWords, regionOf, styleOf, turnedQuarter } from '../../helpers/text-regions';

const PAPER: Rgb = [244, 241, 234];

describe('text removal plans', () => {
  it('masks text turned a quarter as it masks the same text upright', async () => {
    const sign = regionOf([ocrWords('Proibido estacionar nesta rua', 40, 80, 38), ocrWords('Obrigado pela compreensão', 40, 128, 38)]);
    const upright = canvas(800, 200, PAPER);
    await renderTranslations(upright, [{ region: sign, style: styleOf(sign, 38, { textColor: [20, 20, 20] }), translatedText: sign.text }]);
    const [flat] = planRemoval(upright, [asOcr(sign)]);
    const { image, frame, region } = turnedQuarter(upright, asOcr(sign));
    const [turned] = planRemoval(image, [region]);

    const count = (mask: Uint8Array) => mask.reduce((n, v) => n + v, 0);
    expect(count(turned.mask.mask)).toBeGreaterThan(0.95 * count(flat.mask.mask));
    expect(count(turned.mask.mask)).toBeLessThan(1.05 * count(flat.mask.mask));
    // The same pixels: every masked pixel of the turned picture is masked upright too.
    const back = toUpright(turned.mask.box, frame, 90);
    expect(Math.abs(back.width - flat.mask.box.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(back.height - flat.mask.box.height)).toBeLessThanOrEqual(2);
    let agree = 0;
    const { box, mask } = turned.mask;
    for (let y = 0; y < box.height; y++) {
      for (let x = 0; x < box.width; x++) {
        if (!mask[y * box.width + x]) continue;
        const u = toUpright({ x: box.x + x, y: box.y + y, width: 1, height: 1 }, frame, 90);
        const fx = u.x - flat.mask.box.x;
        const fy = u.y - flat.mask.box.y;
        if (fx >= 0 && fy >= 0 && fx < flat.mask.box.width && fy < flat.mask.box.height && flat.mask.mask[fy * flat.mask.box.width + fx]) agree++;
      }
    }
    expect(agree).toBeGreaterThan(0.95 * count(mask));
  });
});

import { describe, expect, it } from 'vitest';
import { layoutAll } from '../../../src/pipeline/render/render-translations';
import { sharedSizeGroups } from '../../../src/pipeline/render/shared-sizes';
import { ocrLine, regionOf, styleOf } from '../../helpers/text-regions';

// A paragraph OCR returned as three regions, one per line, 48 px apart, and a caption far below it.
const lines = [
  regionOf([ocrLine('Bitte schließen Sie die Tür', 50, 100, 38)]),
  regionOf([ocrLine('nach dem Verlassen des Raumes.', 50, 148, 37)]),
  regionOf([ocrLine('Vielen Dank für Ihre Mithilfe!', 50, 196, 38)]),
];
const caption = regionOf([ocrLine('Die Hausverwaltung', 50, 400, 38)]);

describe('regions that read as one block', () => {
  it('are grouped: same look, one column, consecutive lines; a distant or different region is not', () => {
    const regions = [...lines, caption, lines[0]];
    const styles = regions.map((r, i) => styleOf(r, i === 1 ? 37 : 38, i === 4 ? { bold: true } : {}));
    const groups = sharedSizeGroups(styles, regions.map((r) => r.box)).map((g) => g.sort());
    expect(groups).toContainEqual([0, 1, 2]);
    expect(groups).toContainEqual([3]);
    expect(groups).toContainEqual([4]);
  });

  it('are drawn at the one size the tightest of them needs', () => {
    const items = [
      { region: lines[0], style: styleOf(lines[0], 38), translatedText: 'Please make sure that you close the door' },
      { region: lines[1], style: styleOf(lines[1], 37), translatedText: 'behind you.' },
      { region: lines[2], style: styleOf(lines[2], 38), translatedText: 'Thank you!' },
      { region: caption, style: styleOf(caption, 38), translatedText: 'The management' },
    ];
    const layouts = layoutAll(items).map((plan) => plan.layout);
    expect(layouts[0].fontSize).toBeLessThan(37);
    expect(layouts[1].fontSize).toBe(layouts[0].fontSize);
    expect(layouts[2].fontSize).toBe(layouts[0].fontSize);
    expect(layouts[3].fontSize).toBe(38);
    expect(layouts[3].fit).toBe('original');
  });
});

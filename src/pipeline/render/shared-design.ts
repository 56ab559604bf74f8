/**
 * One design, one look. The signs of one kind in a picture (a street's navy direction signs, the items
 * of a settings screen, the two lines of a banner) are set alike, but what is measured on each scatters:
 * the stroke around the line between bold and regular (JPEG blur, a 3 px stem read as 2.5 or 3.6), the
 * contrast with a photo around the line that decides an outline (one line over a bright patch, the next
 * over a dark one). Drawn as measured, two identical signs side by side would come out one bold, one
 * regular, one outlined, one not. Regions of the same size, text colour and background colour take the
 * weight of their mean stroke, and an outline when any of them needs one (for legibility, all do then).
 */
import type { RegionStyle } from '../types';
import { isBold, outlineWidth } from './estimate-style';
import { groupsOf, SAME_SIZE, sameColour } from './shared-sizes';

function sameDesign(a: RegionStyle, b: RegionStyle): boolean {
  return (
    Math.abs(a.fontSize - b.fontSize) <= SAME_SIZE * Math.max(a.fontSize, b.fontSize) &&
    sameColour(a.textColor, b.textColor) &&
    sameColour(a.backgroundColor, b.backgroundColor)
  );
}

/** `styles` with one weight (where measured) and one outline per design. */
export function shareDesign(styles: RegionStyle[]): RegionStyle[] {
  const groupOf = new Map<number, RegionStyle[]>();
  for (const group of groupsOf(styles.length, (a, b) => sameDesign(styles[a], styles[b]))) {
    for (const i of group) groupOf.set(i, group.map((j) => styles[j]));
  }
  return styles.map((style, i) => {
    const group = groupOf.get(i)!;
    const ratios = group.flatMap((s) => (s.strokeRatio === undefined ? [] : [s.strokeRatio]));
    const bold = style.strokeRatio === undefined ? style.bold : isBold(ratios.reduce((sum, r) => sum + r, 0) / ratios.length);
    const outlined = group.find((s) => s.outline !== null);
    const outline = style.outline ?? (outlined ? { color: outlined.outline!.color, width: outlineWidth(style.fontSize) } : null);
    return { ...style, bold, outline };
  });
}

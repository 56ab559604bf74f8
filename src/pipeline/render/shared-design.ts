/**
 * One design, one look. The signs of one kind in a picture (a street's navy direction signs, the items
 * of a settings screen, the two lines of a banner) are set alike, but what is measured on each scatters:
 * the stroke around the line between bold and regular (JPEG blur, a 3 px stem read as 2.5 or 3.6), the
 * contrast with a photo around the line that decides an outline (one line over a bright patch, the next
 * over a dark one). Drawn as measured, two identical signs side by side would come out one bold, one
 * regular, one outlined, one not. Regions of the same size, text colour and background colour take the
 * weight of their mean stroke, and an outline when any of them needs one (for legibility, all do then).
 */
import type { Rgb, RegionStyle } from '../types';
import { isBold, outlineWidth } from './estimate-style';
import { SAME_COLOUR, SAME_SIZE } from './shared-sizes';

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

function sameDesign(a: RegionStyle, b: RegionStyle): boolean {
  return (
    Math.abs(a.fontSize - b.fontSize) <= SAME_SIZE * Math.max(a.fontSize, b.fontSize) &&
    distance(a.textColor, b.textColor) <= SAME_COLOUR &&
    distance(a.backgroundColor, b.backgroundColor) <= SAME_COLOUR
  );
}

/** `styles` with one weight (where measured) and one outline per design. */
export function shareDesign(styles: RegionStyle[]): RegionStyle[] {
  const parent = styles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let a = 0; a < styles.length; a++) for (let b = a + 1; b < styles.length; b++) if (sameDesign(styles[a], styles[b])) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  styles.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return styles.map((style, i) => {
    const group = groups.get(find(i))!.map((j) => styles[j]);
    const ratios = group.flatMap((s) => (s.strokeRatio === undefined ? [] : [s.strokeRatio]));
    const bold = style.strokeRatio === undefined ? style.bold : isBold(ratios.reduce((sum, r) => sum + r, 0) / ratios.length);
    const outlined = group.find((s) => s.outline !== null);
    const outline = style.outline ?? (outlined ? { color: outlined.outline!.color, width: outlineWidth(style.fontSize) } : null);
    return { ...style, bold, outline };
  });
}

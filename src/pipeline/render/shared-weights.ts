/**
 * One design, one weight. The signs of one kind in a picture (a street's navy direction signs, the
 * items of a settings screen) are set in one weight, but the stroke measured on each scatters around
 * the line between bold and regular (JPEG blur, a 3 px stem read as 2.5 or 3.6): drawn as measured,
 * two identical signs side by side would come out one bold, one regular. Regions of the same size,
 * text colour and background colour take the weight of their mean stroke.
 */
import type { Rgb, RegionStyle } from '../types';
import { isBold } from './estimate-style';
import { SAME_COLOUR, SAME_SIZE } from './shared-sizes';

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

function sameDesign(a: RegionStyle, b: RegionStyle): boolean {
  return (
    Math.abs(a.fontSize - b.fontSize) <= SAME_SIZE * Math.max(a.fontSize, b.fontSize) &&
    distance(a.textColor, b.textColor) <= SAME_COLOUR &&
    distance(a.backgroundColor, b.backgroundColor) <= SAME_COLOUR
  );
}

/** `styles` with one weight per design (styles without a measured stroke keep theirs). */
export function shareWeights(styles: RegionStyle[]): RegionStyle[] {
  const measured = styles.map((s, i) => i).filter((i) => styles[i].strokeRatio !== undefined);
  const parent = new Map(measured.map((i) => [i, i]));
  const find = (i: number): number => {
    const p = parent.get(i)!;
    if (p === i) return i;
    const root = find(p);
    parent.set(i, root);
    return root;
  };
  for (const a of measured) for (const b of measured) if (a < b && sameDesign(styles[a], styles[b])) parent.set(find(a), find(b));
  const ratios = new Map<number, number[]>();
  for (const i of measured) ratios.set(find(i), [...(ratios.get(find(i)) ?? []), styles[i].strokeRatio!]);
  return styles.map((style, i) => {
    if (!parent.has(i)) return style;
    const group = ratios.get(find(i))!;
    return { ...style, bold: isBold(group.reduce((sum, r) => sum + r, 0) / group.length) };
  });
}

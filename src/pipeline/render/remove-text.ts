/**
 * Removes the text of the given regions from an image, in place, and reports how each region's text
 * looked so its translation can be drawn to match.
 *
 * All masks and styles are measured on the untouched picture first (regions can be close, and an
 * inpainted neighbour would skew the next region's background), then each region is filled by the
 * inpainting kernel within its own box: memory stays proportional to the largest region, not the image.
 */
import type { Box, RegionStyle, RgbaImage, TextRegion } from '../types';
import { clipBox, growBox, unionBox } from './colour';
import { estimateStyle, turnedStyle } from './estimate-style';
import { shareDesign } from './shared-design';
import { maskFromUpright, textRotation, uprightView, type Rotation } from './text-direction';
import { inpaintRegion } from './inpaint';
import { dilate } from '../ocr/line-layer';
import { closeGaps, lineInk, paintBox, softInk, type LineInk } from './text-mask';

export interface RemovedText {
  /** The same image object, now without the regions' text. */
  image: RgbaImage;
  /** One style per region, in order. */
  styles: RegionStyle[];
}

export interface RegionMask {
  /** The area to inpaint: the text plus a margin of background the fill is drawn from. */
  box: Box;
  /** box.width × box.height, 1 where a pixel must be filled. */
  mask: Uint8Array;
}

/** What removing one region takes: its text's look (measured before anything changes) and its mask. */
export interface RemovalPlan {
  style: RegionStyle;
  mask: RegionMask;
}

export async function removeText(image: RgbaImage, regions: TextRegion[]): Promise<RemovedText> {
  const plans = planRemoval(image, regions);
  fillMasks(image, plans);
  return { image, styles: plans.map((p) => p.style) };
}

/** Measures every region's style and mask on the untouched picture (one look per design: see shareDesign). */
export function planRemoval(image: RgbaImage, regions: TextRegion[]): RemovalPlan[] {
  const plans = regions.map((region): RemovalPlan => {
    const rotation = textRotation(region);
    if (rotation !== 0) return turnedPlan(image, region, rotation);
    const inks = region.lines.map((line) => lineInk(image, line));
    return { style: estimateStyle(image, region, inks), mask: regionMask(image, region, inks) };
  });
  const styles = shareDesign(plans.map((p) => p.style));
  return plans.map((plan, i) => ({ ...plan, style: styles[i] }));
}

/**
 * Turned text (a label up a post, a page photographed sideways) is measured and masked in its upright
 * view, where its lines run across as masks expect: they are sized by the height of a line's letters,
 * which for text running down the picture is its box's width, not its height (a 544 px tall column of
 * 30 px letters was grown by 33 px all round and inpainted in a box 450 px wider than the text).
 */
function turnedPlan(image: RgbaImage, region: TextRegion, rotation: Rotation): RemovalPlan {
  const view = uprightView(image, region, rotation);
  const inks = view.region.lines.map((line) => lineInk(view.image, line));
  const mask = regionMask(view.image, view.region, inks);
  return { style: turnedStyle(estimateStyle(view.image, view.region, inks), view, image), mask: maskFromUpright(mask.mask, mask.box, view.frame, rotation) };
}

/** Fills each plan's mask from its surroundings, in place. */
export function fillMasks(image: RgbaImage, plans: RemovalPlan[]): void {
  for (const { mask } of plans) inpaintRegion(image, mask.mask, mask.box);
}

/**
 * The ink of every line of a region, grown into its soft edge (see softInk) and then by a fixed margin
 * for anti-aliasing, with the narrow gaps between letters closed (see closeGaps), in a box with enough
 * background around it to fill from.
 */
export function regionMask(image: RgbaImage, region: TextRegion, inks: LineInk[]): RegionMask {
  const lineHeight = Math.max(...region.lines.map((l) => l.box.height), 1);
  const grow = Math.max(2, Math.round(lineHeight * 0.06));
  const context = Math.max(4, Math.round(lineHeight * 0.35)) + grow;
  const covered = unionBox([region.box, ...inks.map((ink) => ink.area)]);
  const box = clipBox(growBox(covered, context, context), image.width, image.height);

  let mask = new Uint8Array(box.width * box.height);
  for (const ink of inks) {
    const soft = softInk(ink, Math.max(1, Math.round(lineHeight * 0.1)));
    for (let y = 0; y < ink.area.height; y++) {
      const row = (ink.area.y - box.y + y) * box.width + (ink.area.x - box.x);
      for (let x = 0; x < ink.area.width; x++) if (soft[y * ink.area.width + x]) mask[row + x] = 1;
    }
  }
  // Gaps up to `grow` wide are closed: wider ones still have background of their own in the middle.
  mask = closeGaps(dilate(mask, box.width, box.height, grow), box.width, box.height, Math.ceil(grow / 2));
  // Excluded words keep every pixel, even where a neighbour's grown mask reaches into them.
  for (const line of region.lines) for (const word of line.words) if (word.excluded) paintBox(mask, box, growBox(word.box, 1, 1), 0);
  return { box, mask };
}

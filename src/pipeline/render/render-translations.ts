/**
 * Draws translations onto an image with real fonts: each region's text is laid out to fit its box
 * (layout-text.ts; regions that read as one block at one size, shared-sizes.ts; turned text laid out
 * upright and drawn turned, text-direction.ts), rendered by resvg with Noto Sans, and composited onto
 * the image in place.
 *
 * Memory: the isolate has 128 MB for everything and a 16 MP image alone takes 64 MB, while resvg's
 * WebAssembly heap grows to its largest render and never shrinks. So resvg never sees the image: each
 * region is drawn as its own small pixmap covering only the text's ink (within the region's box), and a
 * large one (a title across a 16 MP poster) is cut into horizontal bands of at most MAX_TILE_PIXELS,
 * each rendered, composited and freed before the next. resvg's heap then stays bounded whatever the
 * image or region size (see resvgHeapBytes).
 */
import type { Box, RegionStyle, RgbaImage, TextRegion } from '../types';
import { clipBox } from './colour';
import { compositePremultiplied } from './composite';
import { fontFor } from './fonts';
import { layoutText, type TextLayout } from './layout-text';
import { sharedSizeGroups } from './shared-sizes';
import { fromUpright, regionToUpright, uprightSize, type Rotation } from './text-direction';
import { ensureResvg, renderSvg } from './resvg-engine';
import { textSvg } from './text-svg';

export interface TranslationToDraw {
  region: TextRegion;
  style: RegionStyle;
  translatedText: string;
}

/** The largest pixmap resvg is asked for: 2 MiB of RGBA. */
export const MAX_TILE_PIXELS = 512 * 1024;

/** A translation ready to draw: its layout, in the picture's coordinates or, for turned text, upright in `frame`. */
export interface DrawPlan {
  layout: TextLayout;
  rotation: Rotation;
  /** The box the upright layout is measured in (the style's box); unused when rotation is 0. */
  frame: Box;
  /** The layout's ink in the picture's coordinates. */
  ink: Box | null;
}

/**
 * Draws each translation into its region of `image` (in place) and returns `image`. Nothing outside a
 * region's `style.box` changes; an empty or blank translation draws nothing.
 */
export async function renderTranslations(image: RgbaImage, items: TranslationToDraw[]): Promise<RgbaImage> {
  const work = items.filter((item) => /\S/u.test(item.translatedText));
  if (!work.length) return image;
  await ensureResvg();
  const plans = layoutAll(work);
  work.forEach((item, i) => {
    const font = fontFor(item.style.bold);
    for (const tile of tilesOf(plans[i], item.style, image)) {
      const { pixels } = renderSvg(textSvg(plans[i].layout, item.style, font, tile, plans[i]), [font.bytes]);
      compositePremultiplied(image, pixels, tile);
    }
  });
  return image;
}

/** Each item's layout; items that read as one block (shared-sizes.ts) share the smallest size any needed. */
export function layoutAll(items: TranslationToDraw[]): DrawPlan[] {
  const plans = items.map((item) => plan(item));
  for (const group of sharedSizeGroups(items.map((i) => i.style), items.map((i) => i.region.box))) {
    const drawn = group.filter((i) => plans[i].layout.lines.length);
    const size = Math.min(...drawn.map((i) => plans[i].layout.fontSize));
    for (const i of drawn) if (plans[i].layout.fontSize > size) plans[i] = plan(items[i], size);
  }
  return plans;
}

/** Lays one translation out, upright: turned text in its box's upright frame (text-direction.ts). */
function plan({ translatedText, style, region }: TranslationToDraw, maxFontSize?: number): DrawPlan {
  const metrics = fontFor(style.bold).metrics;
  const rotation = style.rotation ?? 0;
  const frame = style.box;
  if (rotation === 0) {
    const layout = layoutText(translatedText, style, region, metrics, maxFontSize);
    return { layout, rotation, frame, ink: layout.ink };
  }
  const upright = { ...style, box: { x: 0, y: 0, ...uprightSize(frame, rotation) } };
  const layout = layoutText(translatedText, upright, regionToUpright(region, frame, rotation), metrics, maxFontSize);
  return { layout, rotation, frame, ink: layout.ink && fromUpright(layout.ink, frame, rotation) };
}

/** The pixel bands covering the plan's ink, inside the style's box and the image. */
function tilesOf(plan: DrawPlan, style: RegionStyle, image: RgbaImage): Box[] {
  if (!plan.ink) return [];
  const box = clipBox(style.box, image.width, image.height);
  // One pixel more on each side than the ink, for anti-aliasing; never outside the box.
  const ink = clipBox({ x: plan.ink.x - 1, y: plan.ink.y - 1, width: plan.ink.width + 2, height: plan.ink.height + 2 }, image.width, image.height);
  const x = Math.max(box.x, ink.x);
  const y = Math.max(box.y, ink.y);
  const right = Math.min(box.x + box.width, ink.x + ink.width);
  const bottom = Math.min(box.y + box.height, ink.y + ink.height);
  if (right <= x || bottom <= y) return [];
  const width = right - x;
  const rows = Math.max(1, Math.floor(MAX_TILE_PIXELS / width));
  const tiles: Box[] = [];
  for (let top = y; top < bottom; top += rows) tiles.push({ x, y: top, width, height: Math.min(rows, bottom - top) });
  return tiles;
}

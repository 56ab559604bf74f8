/**
 * The SVG document resvg draws one tile of a translation from. Coordinates are the image's own (turned
 * text is laid out upright and turned by a transform): the viewBox selects the tile, so the pixmap
 * resvg allocates is the tile's size, never the image's.
 */
import type { Box, RegionStyle, Rgb } from '../types';
import { FONT_FAMILY, type Font } from './fonts';
import type { TextLayout } from './layout-text';
import { fromUpright, uprightTransform, type Rotation } from './text-direction';

/** Where a layout's coordinates are: the picture's, or upright in `frame` for text turned by `rotation`. */
export interface Placement {
  rotation: Rotation;
  frame: Box;
}

/**
 * The lines of `layout` that reach into `tile` (integer pixels of the picture), in `style`'s colours,
 * drawn with `font`; turned into place when the layout is upright in a turned frame.
 */
export function textSvg(layout: TextLayout, style: RegionStyle, font: Font, tile: Box, placement?: Placement): string {
  const turned = placement && placement.rotation !== 0 ? placement : null;
  const lines = layout.lines.filter((l) => {
    const ink = turned ? fromUpright(l.ink, turned.frame, turned.rotation) : l.ink;
    return ink.x < tile.x + tile.width && ink.x + ink.width > tile.x && ink.y < tile.y + tile.height && ink.y + ink.height > tile.y;
  });
  const paint = [`fill="${rgb(style.textColor)}"`];
  if (style.outline && style.outline.width > 0) {
    // As CSS text-stroke: a stroke `width` wide centred on the letters' outline, painted first so the
    // fill covers its inner half, which leaves a halo of width / 2 around the letters (a full `width`
    // outside them drew heavy, cartoon-like contours and cost the read-back). Round joins reach no
    // further than that.
    paint.push(`stroke="${rgb(style.outline.color)}"`, `stroke-width="${num(style.outline.width)}"`, 'stroke-linejoin="round"', 'paint-order="stroke"');
  }
  const text = lines.map((l) => `<text x="${num(l.x)}" y="${num(l.baseline)}">${escapeXml(l.text)}</text>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${tile.width}" height="${tile.height}" viewBox="${tile.x} ${tile.y} ${tile.width} ${tile.height}">` +
    `<g font-family="${FONT_FAMILY}" font-size="${num(layout.fontSize)}" font-weight="${font.weight}" ${paint.join(' ')}` +
    `${turned ? ` transform="${uprightTransform(turned.frame, turned.rotation)}"` : ''}>${text}</g></svg>`
  );
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function rgb([r, g, b]: Rgb): string {
  return `rgb(${r},${g},${b})`;
}

function num(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

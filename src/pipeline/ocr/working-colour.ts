/**
 * The colour behind a pixel of the grey working copy, looked up in the input image. OCR works on
 * luminance (gray-image.ts), where yellow type and pale stone, or red type and a brown wall, can be the
 * same grey; line refinement asks for colour only around the lines it refines, so no colour copy of
 * the page is ever made (an isolate cannot spare 9 MB for one).
 */
import type { RgbaImage } from '../types';

/** Colour (0xRRGGBB, composited over white) at a pixel of a working copy. */
export type ColourAt = (x: number, y: number) => number;

/**
 * A ColourAt for the working copy made from `image` at `scale` and then turned clockwise by `turns`
 * quarter turns (see rotateGray): each working pixel reads the input pixel at its centre.
 */
export function colourSampler(image: RgbaImage, scale: number, turns: number): ColourAt {
  // The working copy before any turn (see grayScaled).
  const w = scale === 1 ? image.width : Math.max(1, Math.round(image.width * scale));
  const h = scale === 1 ? image.height : Math.max(1, Math.round(image.height * scale));
  const sx = image.width / w;
  const sy = image.height / h;
  const { data } = image;
  const quarter = ((turns % 4) + 4) % 4;
  return (x, y) => {
    // Back from the turned copy to the unturned one (rotateGray: clockwise sends (x, y) to (h - 1 - y, x)).
    let ux = x;
    let uy = y;
    if (quarter === 1) [ux, uy] = [y, h - 1 - x];
    else if (quarter === 2) [ux, uy] = [w - 1 - x, h - 1 - y];
    else if (quarter === 3) [ux, uy] = [w - 1 - y, x];
    const px = Math.min(image.width - 1, Math.floor((ux + 0.5) * sx));
    const py = Math.min(image.height - 1, Math.floor((uy + 0.5) * sy));
    const i = (py * image.width + px) * 4;
    const a = data[i + 3];
    if (a === 255) return (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    const over = (c: number) => Math.round((c * a + 255 * (255 - a)) / 255);
    return (over(data[i]) << 16) | (over(data[i + 1]) << 8) | over(data[i + 2]);
  };
}

/**
 * Where each stored pixel lands in the upright picture, for the eight EXIF orientations. Decoders write
 * every row straight to its upright place, so turning a sideways phone photo costs no second buffer
 * (a 16 MP picture is 64 MB of RGBA: a rotated copy would not fit in the isolate beside it).
 *
 * For a stored row `sy`, the pixel at stored column `sx` goes to index `rowStart(sy) + sx * step` of the
 * upright image (in pixels, row-major).
 */
import type { Orientation } from './exif-orientation';

export interface UprightPlacement {
  /** Size of the upright picture. */
  width: number;
  height: number;
  rowStart(storedY: number): number;
  /** Index distance between neighbouring stored columns. */
  step: number;
}

/** EXIF 2.3 tag 0x0112: 2 mirrors, 3 turns 180°, 4 flips, 5–8 swap the axes (6 = turn 90° clockwise). */
export function uprightPlacement(storedWidth: number, storedHeight: number, orientation: Orientation): UprightPlacement {
  const W = storedWidth;
  const H = storedHeight;
  const swaps = orientation >= 5;
  const w = swaps ? H : W;
  const height = swaps ? W : H;
  switch (orientation) {
    case 2: return { width: w, height, step: -1, rowStart: (sy) => sy * w + W - 1 };
    case 3: return { width: w, height, step: -1, rowStart: (sy) => (H - 1 - sy) * w + W - 1 };
    case 4: return { width: w, height, step: 1, rowStart: (sy) => (H - 1 - sy) * w };
    case 5: return { width: w, height, step: w, rowStart: (sy) => sy };
    case 6: return { width: w, height, step: w, rowStart: (sy) => H - 1 - sy };
    case 7: return { width: w, height, step: -w, rowStart: (sy) => (W - 1) * w + H - 1 - sy };
    case 8: return { width: w, height, step: -w, rowStart: (sy) => (W - 1) * w + sy };
    default: return { width: w, height, step: 1, rowStart: (sy) => sy * w };
  }
}

/**
 * Puts a rendered (premultiplied) pixmap onto the pipeline's straight-alpha image: the Porter-Duff
 * "source over" operator, out = src + dst × (1 − α_src), worked in premultiplied terms and stored back
 * straight. Pixels the pixmap does not cover (α = 0) are not written at all, so they stay bit-identical.
 */
import type { Box, RgbaImage } from '../types';

/** Composites `pixels` (premultiplied RGBA, `at.width` × `at.height`) onto `image` with its top-left at (at.x, at.y). */
export function compositePremultiplied(image: RgbaImage, pixels: Uint8Array, at: Box): void {
  const { data, width } = image;
  for (let y = 0; y < at.height; y++) {
    let s = y * at.width * 4;
    let d = ((at.y + y) * width + at.x) * 4;
    for (let x = 0; x < at.width; x++, s += 4, d += 4) {
      const a = pixels[s + 3];
      if (a === 0) continue;
      const dstAlpha = data[d + 3];
      if (a === 255 || dstAlpha === 255) {
        // An opaque destination (the usual photo) stays opaque: out = src + dst × (255 − a) / 255.
        const keep = 255 - a;
        data[d] = Math.min(255, pixels[s] + div255(data[d] * keep));
        data[d + 1] = Math.min(255, pixels[s + 1] + div255(data[d + 1] * keep));
        data[d + 2] = Math.min(255, pixels[s + 2] + div255(data[d + 2] * keep));
        data[d + 3] = dstAlpha === 255 ? 255 : Math.min(255, a + div255(dstAlpha * keep));
        continue;
      }
      // A translucent destination: premultiply it, composite, and divide the colour by the new alpha.
      const keep = (dstAlpha * (255 - a)) / 255; // the destination's remaining coverage, 0..255
      const outAlpha = a + keep;
      for (let c = 0; c < 3; c++) data[d + c] = Math.min(255, Math.round(((pixels[s + c] + (data[d + c] * keep) / 255) * 255) / outAlpha));
      data[d + 3] = Math.round(outAlpha);
    }
  }
}

/** round(v / 255) for 0 ≤ v ≤ 255², exactly, without a division. */
function div255(v: number): number {
  const t = v + 128;
  return (t + (t >> 8)) >> 8;
}

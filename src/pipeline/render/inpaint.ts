// Interface only: the inpainting kernel (wasm/, issue 4) replaces this flat magenta fill, which marks what would be filled.
import type { Box, RgbaImage } from '../types';
export function inpaintRegion(image: RgbaImage, mask: Uint8Array, box: Box): void {
  for (let y = 0; y < box.height; y++) for (let x = 0; x < box.width; x++) {
    if (!mask[y * box.width + x]) continue;
    const i = ((box.y + y) * image.width + box.x + x) * 4;
    image.data[i] = 255; image.data[i + 1] = 0; image.data[i + 2] = 255;
  }
}

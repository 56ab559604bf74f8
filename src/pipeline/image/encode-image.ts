/**
 * Straight RGBA → PNG, JPEG or WebP bytes. Nothing but pixels goes in, so no metadata (EXIF, GPS,
 * colour profiles) survives into the outputs.
 *
 * PNG is written here (png-encode.ts). JPEG and lossy WebP are made by the Images binding outside the
 * isolate from our PNG, streamed to it as it is compressed: no encoder heap in the isolate holds a copy
 * of the picture. (The local emulator ignores `quality` and uses its encoder's default, 80.)
 */
import type { ImageFormat, RgbaImage } from '../types';
import { collect, encodePng, encodePngBytes } from './png-encode';
import { CONTENT_TYPES } from './probe';

/** High enough that thin strokes of rendered text stay crisp, where photo encoders' 75–80 smear them. */
export const JPEG_QUALITY = 90;
export const WEBP_QUALITY = 88;

export async function encodeImage(image: RgbaImage, format: ImageFormat, images?: ImagesBinding): Promise<Uint8Array> {
  if (format === 'png') return encodePngBytes(image);
  if (!images) throw new Error(`Encoding ${format.toUpperCase()} needs the Images binding.`);
  const quality = format === 'jpeg' ? JPEG_QUALITY : WEBP_QUALITY;
  const result = await images.input(encodePng(image, 'stored')).output({ format: CONTENT_TYPES[format] as 'image/jpeg' | 'image/webp', quality });
  return collect(result.image());
}

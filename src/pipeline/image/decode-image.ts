/**
 * Bytes → upright straight RGBA at the working size, holding no more than the picture itself.
 *
 * A PNG up to FULL_RESOLUTION_LIMIT is read here by our streaming decoder, a JPEG up to
 * IN_ISOLATE_JPEG_PIXELS by mozjpeg in a throwaway instance (jpeg-decode.ts). Larger JPEGs, WebP, and
 * pictures over the limit are first turned into a PNG — scaled down when over the limit — by the Images
 * binding, outside the isolate, and that PNG streams into the PNG decoder: no decoder heap in the
 * isolate ever holds a second copy of a large picture (see png-decode.ts for why that matters in 128 MB).
 * EXIF orientation is applied by our decoder as it writes the rows; the binding gets a copy whose tag
 * says "as stored", so the picture is turned exactly once whatever the binding would do by itself.
 */
import type { ImageFormat, RgbaImage } from '../types';
import { readExifOrientation, withoutOrientation } from './exif-orientation';
import { decodeJpeg, IN_ISOLATE_JPEG_PIXELS } from './jpeg-decode';
import { decodePng } from './png-decode';
import { probeImage } from './probe';

/** 4096 × 4096: a 12 MP phone photo and a 16 MP camera frame are processed at full resolution. */
export const FULL_RESOLUTION_LIMIT = 4096 * 4096;

export interface DecodedImage {
  image: RgbaImage;
  /** Working width / original width: 1 at full resolution. */
  scale: number;
}

export interface DecodeOptions {
  format: ImageFormat;
  /** The Images binding: converts JPEG and WebP to PNG, and shrinks pictures over the limit. */
  images?: ImagesBinding;
}

export async function decodeImage(bytes: Uint8Array, options: DecodeOptions): Promise<DecodedImage> {
  const probe = probeImage(bytes);
  if (!probe.ok) throw new Error(probe.message);
  const { width, height } = probe.image;
  const orientation = readExifOrientation(bytes, options.format);
  const shrink = width * height > FULL_RESOLUTION_LIMIT ? Math.sqrt(FULL_RESOLUTION_LIMIT / (width * height)) : 1;
  const decodeOptions = { orientation, maxPixels: FULL_RESOLUTION_LIMIT };

  if (options.format === 'png' && shrink === 1) return { image: await decodePng(bytes, decodeOptions), scale: 1 };
  if (options.format === 'jpeg' && width * height <= IN_ISOLATE_JPEG_PIXELS) {
    return { image: await decodeJpeg(bytes, orientation), scale: 1 };
  }
  if (!options.images) throw new Error(`Decoding ${options.format === 'png' ? 'a PNG this large' : options.format.toUpperCase()} needs the Images binding.`);
  const target = shrink < 1 ? { width: Math.floor(width * shrink), height: Math.floor(height * shrink) } : null;
  const png = convertToPng(withoutOrientation(bytes, options.format), target, options.images);
  const image = await decodePng(png, decodeOptions);
  const uprightWidth = orientation >= 5 ? height : width;
  return { image, scale: target ? image.width / uprightWidth : 1 };
}

function convertToPng(bytes: Uint8Array, size: { width: number; height: number } | null, images: ImagesBinding): ReadableStream<Uint8Array> {
  const input = images.input(new Blob([bytes]).stream());
  const sized = size ? input.transform({ width: size.width, height: size.height, fit: 'scale-down' }) : input;
  // The transformation runs when the output is asked for; its stream is read as it arrives.
  const stream = new TransformStream<Uint8Array, Uint8Array>();
  sized
    .output({ format: 'image/png' })
    .then((result) => result.image().pipeTo(stream.writable))
    .catch((error) => stream.writable.abort(error).catch(() => undefined));
  return stream.readable;
}

/**
 * Reads the EXIF orientation tag (1..8) of a JPEG or WebP, so a phone photo taken sideways is read and
 * returned the way its viewer shows it. Decoders hand back the stored pixels; the tag says how to turn
 * them. Anything missing or malformed counts as 1 (as stored).
 */
import type { ImageFormat } from '../types';

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function readExifOrientation(bytes: Uint8Array, format: ImageFormat): Orientation {
  const tag = findOrientationTag(bytes, format);
  return tag ? tag.value : 1;
}

/**
 * A copy of `bytes` whose orientation tag says 1 (as stored), or `bytes` itself when it says so already.
 * Given to the Images binding, it stops any implementation from turning the picture on its own (the
 * local emulator never does, Cloudflare's service may): we turn it ourselves, exactly once.
 */
export function withoutOrientation(bytes: Uint8Array, format: ImageFormat): Uint8Array {
  const tag = findOrientationTag(bytes, format);
  if (!tag || tag.value === 1) return bytes;
  const copy = bytes.slice();
  copy[tag.offset] = tag.littleEndian ? 1 : 0;
  copy[tag.offset + 1] = tag.littleEndian ? 0 : 1;
  return copy;
}

interface OrientationTag {
  value: Orientation;
  /** Offset in the file of the tag's 16-bit value. */
  offset: number;
  littleEndian: boolean;
}

function findOrientationTag(bytes: Uint8Array, format: ImageFormat): OrientationTag | null {
  const tiff = format === 'jpeg' ? jpegExif(bytes) : format === 'webp' ? webpExif(bytes) : null;
  return tiff ? tiffOrientation(bytes, tiff) : null;
}

/** The TIFF block of the first APP1 "Exif" segment, if any, before the image data starts. */
function jpegExif(bytes: Uint8Array): Uint8Array | null {
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1];
    if (marker === 0xda || marker === 0xd9) return null; // start of scan / end of image
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    const body = offset + 4;
    const isExif = marker === 0xe1 && bytes[body] === 0x45 && bytes[body + 1] === 0x78 && bytes[body + 2] === 0x69 && bytes[body + 3] === 0x66;
    if (isExif) return bytes.subarray(body + 6, Math.min(bytes.length, offset + 2 + length));
    offset += 2 + length;
  }
  return null;
}

/** The payload of the RIFF "EXIF" chunk of an extended WebP. */
function webpExif(bytes: Uint8Array): Uint8Array | null {
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const type = String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
    const size = bytes[offset + 4] | (bytes[offset + 5] << 8) | (bytes[offset + 6] << 16) | (bytes[offset + 7] << 24);
    if (type === 'EXIF') {
      const body = bytes.subarray(offset + 8, Math.min(bytes.length, offset + 8 + size));
      // Some writers keep the JPEG-style "Exif\0\0" prefix.
      return body[0] === 0x45 && body[1] === 0x78 ? body.subarray(6) : body;
    }
    offset += 8 + size + (size & 1);
  }
  return null;
}

function tiffOrientation(file: Uint8Array, tiff: Uint8Array): OrientationTag | null {
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const u16 = (at: number) => (little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1]);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      if (value < 1 || value > 8) return null;
      return { value: value as Orientation, offset: tiff.byteOffset - file.byteOffset + entry + 8, littleEndian: little };
    }
  }
  return null;
}

/**
 * Identifies an upload from its bytes (never its name or declared type) and reads its pixel dimensions
 * from the header without decoding, so oversized or broken images are refused before any decoder —
 * and its memory — is involved.
 */
import type { ImageFormat } from '../types';
import { crc32 } from './crc32';

export interface ImageProbe {
  format: ImageFormat;
  width: number;
  height: number;
  /** MIME type of the detected format. */
  contentType: string;
}

export type ProbeFailure =
  | { kind: 'unsupported'; message: string }
  | { kind: 'corrupt'; message: string };

export type ProbeResult = { ok: true; image: ImageProbe } | ({ ok: false } & ProbeFailure);

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Sniffs the format from magic bytes and reads width and height from the header. */
export function probeImage(bytes: Uint8Array): ProbeResult {
  const format = sniffFormat(bytes);
  if (!format) return { ok: false, kind: 'unsupported', message: describeUnsupported(bytes) };
  const dims = format === 'png' ? pngSize(bytes) : format === 'jpeg' ? jpegSize(bytes) : webpSize(bytes);
  if ('message' in dims) return { ok: false, kind: 'corrupt', message: dims.message };
  if (dims.width < 1 || dims.height < 1) return { ok: false, kind: 'corrupt', message: 'The image header gives zero width or height.' };
  return { ok: true, image: { format, width: dims.width, height: dims.height, contentType: CONTENT_TYPES[format] } };
}

export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  return null;
}

function describeUnsupported(bytes: Uint8Array): string {
  const known: [string, (b: Uint8Array) => boolean][] = [
    ['GIF', (b) => ascii(b, 0, 4) === 'GIF8'],
    ['BMP', (b) => ascii(b, 0, 2) === 'BM'],
    ['TIFF', (b) => ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*'],
    ['HEIF/AVIF', (b) => ascii(b, 4, 4) === 'ftyp'],
    ['PDF', (b) => ascii(b, 0, 5) === '%PDF-'],
  ];
  const name = known.find(([, test]) => bytes.length >= 8 && test(bytes))?.[0];
  const what = name ? `a ${name} file` : bytes.length === 0 ? 'empty' : 'not a JPEG, PNG or WebP image';
  return `The file is ${what}; only JPEG, PNG and WebP are supported.`;
}

type Size = { width: number; height: number } | { message: string };

const truncated = (what: string): Size => ({ message: `The image is truncated or corrupt (${what}).` });

function pngSize(b: Uint8Array): Size {
  // Signature, then IHDR must be the first chunk: length 13, type, width, height, 5 more bytes, CRC.
  if (b.length < 33) return truncated('PNG header cut short');
  if (u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return truncated('PNG without an IHDR chunk');
  if (crc32(b.subarray(12, 29)) !== u32be(b, 29)) return truncated('PNG header checksum mismatch');
  // Walk the chunk list (headers only) so a file cut off mid-way is caught before decoding.
  let offset = 8;
  let sawData = false;
  while (offset + 12 <= b.length) {
    const length = u32be(b, offset);
    const type = ascii(b, offset + 4, 4);
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? { width: u32be(b, 16), height: u32be(b, 20) } : truncated('PNG without image data');
    offset += 12 + length;
  }
  return truncated('PNG ends before its IEND chunk');
}

function jpegSize(b: Uint8Array): Size {
  let offset = 2;
  while (offset + 4 <= b.length) {
    if (b[offset] !== 0xff) return truncated('JPEG marker expected');
    const marker = b[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return truncated('JPEG without a frame header before its image data');
    const length = u16be(b, offset + 2);
    if (length < 2) return truncated('JPEG segment with a bad length');
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (offset + 9 > b.length) return truncated('JPEG frame header cut short');
      const height = u16be(b, offset + 5);
      const width = u16be(b, offset + 7);
      return hasJpegScan(b, offset + 2 + length) ? { width, height } : truncated('JPEG without image data');
    }
    offset += 2 + length;
  }
  return truncated('JPEG header cut short');
}

/** True when a start-of-scan segment follows the frame header, i.e. there is image data to decode. */
function hasJpegScan(b: Uint8Array, offset: number): boolean {
  while (offset + 4 <= b.length) {
    if (b[offset] !== 0xff) return false;
    const marker = b[offset + 1];
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xda) return offset + 4 + u16be(b, offset + 2) < b.length;
    if (marker === 0xd9) return false;
    offset += 2 + u16be(b, offset + 2);
  }
  return false;
}

function webpSize(b: Uint8Array): Size {
  const riffSize = u32le(b, 4);
  if (riffSize + 8 > b.length) return truncated('WebP shorter than its RIFF header says');
  if (b.length < 30) return truncated('WebP header cut short');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return truncated('WebP VP8 frame without its start code');
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return truncated('WebP VP8L without its signature');
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    if (b[20] & 0x02) return { message: 'Animated WebP is not supported; send a single still image.' };
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return truncated(`WebP with an unknown '${chunk}' chunk`);
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < offset + length && i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

const u16be = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const u32be = (b: Uint8Array, o: number) => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
const u16le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u24le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16);
const u32le = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

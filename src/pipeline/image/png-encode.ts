/**
 * Straight RGBA → PNG, as a stream. Rows are filtered in JS a batch at a time, so the only large thing
 * held is the picture itself; a consumer that streams the result (the Images binding, R2) never sees
 * the whole file in memory.
 *
 * Two kinds: `deflate` (the default) compresses with the runtime's native deflate (CompressionStream),
 * for PNGs a client keeps; `stored` writes the rows unfiltered in stored (uncompressed) deflate blocks,
 * for a PNG that only carries pixels to the Images binding, which turns it into a JPEG or WebP at once:
 * it costs a copy and a checksum instead of ~150 ms per megapixel of filtering and compression.
 *
 * Opaque pictures are written as RGB (a quarter smaller); nothing but the pixels is written, so no
 * metadata survives. A compressed row gets the filter (Sub, Up or Paeth) whose output has the smallest
 * sum of absolute values — libpng's heuristic, judged here on every fourth byte to save time.
 */
import type { RgbaImage } from '../types';
import { crc32 } from './crc32';

export type PngKind = 'deflate' | 'stored';

/** PNG filter type numbers (0 is None). */
const SUB = 1;
const UP = 2;
const PAETH = 4;

/** Filtered bytes produced at a time. */
const BATCH_BYTES = 1 << 18;

/** PNG bytes of `image`, streamed. */
export function encodePng(image: RgbaImage, kind: PngKind = 'deflate'): ReadableStream<Uint8Array> {
  const opaque = isOpaque(image);
  const batches = filteredBatches(image, opaque, kind === 'deflate');
  const data = kind === 'deflate' ? deflated(batches) : stored(batches);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        controller.enqueue(chunk('IHDR', header(image, opaque)));
        return;
      }
      const { value, done } = await data.next();
      if (!done) {
        for (const part of chunkParts('IDAT', value)) controller.enqueue(part);
        return;
      }
      controller.enqueue(chunk('IEND', new Uint8Array(0)));
      controller.close();
    },
    async cancel() {
      await data.return(undefined);
    },
  });
}

/** The whole PNG in one buffer (for small pictures and callers that need bytes). */
export async function encodePngBytes(image: RgbaImage, kind: PngKind = 'deflate'): Promise<Uint8Array> {
  return collect(encodePng(image, kind));
}

/** Reads a stream to one buffer, letting go of each piece as soon as it is copied. */
export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pieces.push(value);
    total += value.length;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  while (pieces.length) {
    const piece = pieces.shift()!;
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

function isOpaque(image: RgbaImage): boolean {
  const data = image.data;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false;
  return true;
}

function header(image: RgbaImage, opaque: boolean): Uint8Array {
  const b = new Uint8Array(13);
  const view = new DataView(b.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  b[8] = 8; // bits per sample
  b[9] = opaque ? 2 : 6; // RGB or RGBA
  return b; // compression, filter and interlace methods 0
}

function chunkParts(type: string, body: Uint8Array): Uint8Array[] {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, body.length);
  for (let i = 0; i < 4; i++) head[4 + i] = type.charCodeAt(i);
  const tail = new Uint8Array(4);
  new DataView(tail.buffer).setUint32(0, crc32(body, crc32(head.subarray(4))));
  return [head, body, tail];
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const [head, data, tail] = chunkParts(type, body);
  const out = new Uint8Array(12 + body.length);
  out.set(head);
  out.set(data, 8);
  out.set(tail, 8 + body.length);
  return out;
}

/** The filtered image data (a filter byte, then the row), a batch of rows at a time. */
function* filteredBatches(image: RgbaImage, opaque: boolean, filter: boolean): Generator<Uint8Array> {
  const bpp = opaque ? 3 : 4;
  const rowBytes = image.width * bpp;
  const rowsPerBatch = Math.max(1, Math.floor(BATCH_BYTES / (rowBytes + 1)));
  let above = new Uint8Array(rowBytes);
  let raw = new Uint8Array(rowBytes);
  for (let y0 = 0; y0 < image.height; y0 += rowsPerBatch) {
    const rows = Math.min(rowsPerBatch, image.height - y0);
    // A fresh buffer per batch: the consumer may still hold the previous one.
    const batch = new Uint8Array(rows * (rowBytes + 1));
    for (let r = 0; r < rows; r++) {
      const at = r * (rowBytes + 1);
      if (!filter) {
        readRow(image, y0 + r, opaque, batch.subarray(at + 1, at + 1 + rowBytes));
        continue;
      }
      readRow(image, y0 + r, opaque, raw);
      const type = chooseFilter(raw, above, bpp);
      batch[at] = type;
      applyFilter(type, raw, above, bpp, batch.subarray(at + 1, at + 1 + rowBytes));
      [above, raw] = [raw, above];
    }
    yield batch;
  }
}

/** zlib-compressed by the runtime; the batches are fed while the compressed pieces are read. */
async function* deflated(batches: Generator<Uint8Array>): AsyncGenerator<Uint8Array> {
  const deflate = new CompressionStream('deflate');
  const writer = deflate.writable.getWriter();
  const feeding = (async () => {
    try {
      for (const batch of batches) await writer.write(batch);
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
      throw error;
    }
  })();
  feeding.catch(() => undefined); // surfaces through the reader below
  const reader = deflate.readable.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield value;
    }
    await feeding;
  } finally {
    reader.releaseLock();
  }
}

/** A zlib stream of stored blocks (RFC 1950/1951): a header, ≤ 65 535-byte blocks, an Adler-32. */
async function* stored(batches: Generator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield new Uint8Array([0x78, 0x01]);
  let a = 1;
  let b = 0;
  for (const batch of batches) {
    const blocks = Math.ceil(batch.length / 65535);
    const out = new Uint8Array(batch.length + blocks * 5);
    for (let k = 0, o = 0; k < blocks; k++) {
      const piece = batch.subarray(k * 65535, Math.min(batch.length, (k + 1) * 65535));
      out[o] = 0; // not final; an empty final block ends the stream
      out[o + 1] = piece.length & 0xff;
      out[o + 2] = piece.length >> 8;
      out[o + 3] = ~piece.length & 0xff;
      out[o + 4] = (~piece.length >> 8) & 0xff;
      out.set(piece, o + 5);
      o += 5 + piece.length;
    }
    // Adler-32, reduced every 5552 bytes (the most that cannot overflow).
    for (let i = 0; i < batch.length; ) {
      const end = Math.min(batch.length, i + 5552);
      for (; i < end; i++) {
        a += batch[i];
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    yield out;
  }
  const adler = ((b << 16) | a) >>> 0;
  yield new Uint8Array([1, 0, 0, 0xff, 0xff, adler >>> 24, (adler >> 16) & 0xff, (adler >> 8) & 0xff, adler & 0xff]);
}

function readRow(image: RgbaImage, y: number, opaque: boolean, out: Uint8Array): void {
  const data = image.data;
  let i = y * image.width * 4;
  if (!opaque) {
    out.set(data.subarray(i, i + image.width * 4));
    return;
  }
  for (let o = 0; o < out.length; o += 3, i += 4) {
    out[o] = data[i];
    out[o + 1] = data[i + 1];
    out[o + 2] = data[i + 2];
  }
}

/** Sub, Up or Paeth: whichever gives the smallest sum of absolute residuals over every fourth byte. */
function chooseFilter(raw: Uint8Array, above: Uint8Array, bpp: number): number {
  let sumSub = 0;
  let sumUp = 0;
  let sumPaeth = 0;
  for (let i = bpp; i < raw.length; i += 4) {
    const x = raw[i];
    const a = raw[i - bpp];
    const b = above[i];
    const c = above[i - bpp];
    const s = (x - a) & 0xff;
    const u = (x - b) & 0xff;
    const t = (x - paeth(a, b, c)) & 0xff;
    sumSub += s < 128 ? s : 256 - s;
    sumUp += u < 128 ? u : 256 - u;
    sumPaeth += t < 128 ? t : 256 - t;
  }
  if (sumSub <= sumUp && sumSub <= sumPaeth) return SUB;
  return sumUp <= sumPaeth ? UP : PAETH;
}

function applyFilter(type: number, raw: Uint8Array, above: Uint8Array, bpp: number, out: Uint8Array): void {
  const n = raw.length;
  if (type === SUB) {
    for (let i = 0; i < bpp; i++) out[i] = raw[i];
    for (let i = bpp; i < n; i++) out[i] = (raw[i] - raw[i - bpp]) & 0xff;
  } else if (type === UP) {
    for (let i = 0; i < n; i++) out[i] = (raw[i] - above[i]) & 0xff;
  } else if (type === PAETH) {
    for (let i = 0; i < bpp; i++) out[i] = (raw[i] - above[i]) & 0xff;
    for (let i = bpp; i < n; i++) out[i] = (raw[i] - paeth(raw[i - bpp], above[i], above[i - bpp])) & 0xff;
  } else {
    out.set(raw);
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = p > a ? p - a : a - p;
  const pb = p > b ? p - b : b - p;
  const pc = p > c ? p - c : c - p;
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

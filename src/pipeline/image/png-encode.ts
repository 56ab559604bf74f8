/**
 * Straight RGBA → PNG, as a stream. Rows are filtered in JS a batch at a time and compressed by the
 * runtime's native deflate (CompressionStream), so the only large thing held is the picture itself; a
 * consumer that streams the result (R2, the Images binding) never sees the whole file in memory.
 *
 * Opaque pictures are written as RGB (a quarter smaller); nothing but the pixels is written, so no
 * metadata survives. Each row gets the filter (Sub, Up or Paeth) whose output has the smallest sum of
 * absolute values, the heuristic libpng uses; it suits photos and screenshots alike.
 */
import type { RgbaImage } from '../types';
import { crc32 } from './crc32';

/** PNG filter type numbers of the three candidates filterRow computes. */
const FILTER_TYPES = [1, 2, 4]; // Sub, Up, Paeth

/** Filtered bytes handed to the compressor at a time. */
const BATCH_BYTES = 1 << 18;

/** PNG bytes of `image`, streamed. */
export function encodePng(image: RgbaImage): ReadableStream<Uint8Array> {
  const opaque = isOpaque(image);
  const deflate = new CompressionStream('deflate');
  const feeding = feedRows(image, opaque, deflate.writable.getWriter());
  feeding.catch(() => undefined); // surfaces through the reader below
  const compressed = deflate.readable.getReader();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        controller.enqueue(chunk('IHDR', header(image, opaque)));
        return;
      }
      const { value, done } = await compressed.read();
      if (!done) {
        for (const part of chunkParts('IDAT', value)) controller.enqueue(part);
        return;
      }
      await feeding;
      controller.enqueue(chunk('IEND', new Uint8Array(0)));
      controller.close();
    },
    cancel(reason) {
      return compressed.cancel(reason);
    },
  });
}

/** The whole PNG in one buffer (for small pictures and callers that need bytes). */
export async function encodePngBytes(image: RgbaImage): Promise<Uint8Array> {
  return collect(encodePng(image));
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

async function feedRows(image: RgbaImage, opaque: boolean, writer: WritableStreamDefaultWriter<Uint8Array>): Promise<void> {
  try {
    const bpp = opaque ? 3 : 4;
    const rowBytes = image.width * bpp;
    const rowsPerBatch = Math.max(1, Math.floor(BATCH_BYTES / (rowBytes + 1)));
    let above = new Uint8Array(rowBytes);
    let raw = new Uint8Array(rowBytes);
    const candidates = [new Uint8Array(rowBytes), new Uint8Array(rowBytes), new Uint8Array(rowBytes)];
    for (let y0 = 0; y0 < image.height; y0 += rowsPerBatch) {
      const rows = Math.min(rowsPerBatch, image.height - y0);
      // A fresh buffer per batch: the compressor may still hold the previous one.
      const batch = new Uint8Array(rows * (rowBytes + 1));
      for (let r = 0; r < rows; r++) {
        readRow(image, y0 + r, opaque, raw);
        const best = filterRow(raw, above, bpp, candidates);
        batch[r * (rowBytes + 1)] = FILTER_TYPES[best];
        batch.set(candidates[best], r * (rowBytes + 1) + 1);
        [above, raw] = [raw, above];
      }
      await writer.write(batch);
    }
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
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

/** Fills Sub, Up and Paeth versions of `raw`; returns the index (0..2) of the one to keep. */
function filterRow(raw: Uint8Array, above: Uint8Array, bpp: number, out: Uint8Array[]): number {
  const [sub, up, paeth] = out;
  let sumSub = 0;
  let sumUp = 0;
  let sumPaeth = 0;
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i];
    const a = i >= bpp ? raw[i - bpp] : 0;
    const b = above[i];
    const c = i >= bpp ? above[i - bpp] : 0;
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    const predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    const s = (x - a) & 0xff;
    const u = (x - b) & 0xff;
    const t = (x - predicted) & 0xff;
    sub[i] = s;
    up[i] = u;
    paeth[i] = t;
    sumSub += s < 128 ? s : 256 - s;
    sumUp += u < 128 ? u : 256 - u;
    sumPaeth += t < 128 ? t : 256 - t;
  }
  if (sumSub <= sumUp && sumSub <= sumPaeth) return 0;
  return sumUp <= sumPaeth ? 1 : 2;
}

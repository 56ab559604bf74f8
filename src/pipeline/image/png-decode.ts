/**
 * A streaming PNG decoder that writes straight into one upright RGBA buffer.
 *
 * Why our own: WASM decoders keep the whole picture in a heap that never shrinks (photon grows to
 * ~3.3× the RGBA size: 159 MB for a 12 MP photo), and copying their output to JS doubles it again; the
 * isolate has 128 MB in all. Here the compressed bytes flow through the runtime's native inflater
 * (DecompressionStream) one piece at a time, each row is unfiltered in a row-sized buffer and written,
 * turned per its EXIF orientation, to its final place: the output buffer is the only large allocation.
 *
 * Every PNG variant is read: greyscale, RGB, palette, with alpha or tRNS transparency, 1–16 bits per
 * sample, Adam7 interlacing. 16-bit samples keep their high byte; gamma and colour profiles are ignored
 * (treated as sRGB). Chunk CRCs are not checked, as browsers do not: corrupt image data still fails in
 * the inflater or as missing rows.
 */
import type { RgbaImage } from '../types';
import { ByteReader, TruncatedDataError } from './byte-reader';
import type { Orientation } from './exif-orientation';
import { uprightPlacement, type UprightPlacement } from './upright-placement';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Adam7 passes: first column and row, column and row steps. */
const ADAM7: [number, number, number, number][] = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export class PngDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PngDecodeError';
  }
}

interface Header {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

export interface DecodePngOptions {
  /** How the stored pixels are to be turned (from the original's EXIF); 1 = as stored. */
  orientation?: Orientation;
  /** Refuse pictures with more pixels than this before allocating anything. */
  maxPixels?: number;
}

/** Decodes a PNG (bytes or a stream of them) to straight, upright RGBA. */
export async function decodePng(source: Uint8Array | ReadableStream<Uint8Array>, options: DecodePngOptions = {}): Promise<RgbaImage> {
  const input = ByteReader.from(source);
  try {
    return await decodeFrom(input, options);
  } catch (error) {
    if (error instanceof TruncatedDataError) throw new PngDecodeError('The PNG is truncated.');
    throw error;
  } finally {
    input.close();
  }
}

async function decodeFrom(input: ByteReader, options: DecodePngOptions): Promise<RgbaImage> {
  const signature = await input.read(8);
  if (!SIGNATURE.every((b, i) => signature[i] === b)) throw new PngDecodeError('Not a PNG file.');

  let header: Header | null = null;
  let palette: Uint8Array | null = null;
  let transparency: Uint8Array | null = null;
  let rows: RowSink | null = null;
  let inflate: Inflate | null = null;

  for (;;) {
    const chunkHeader = await input.read(8);
    const length = ((chunkHeader[0] << 24) | (chunkHeader[1] << 16) | (chunkHeader[2] << 8) | chunkHeader[3]) >>> 0;
    const type = String.fromCharCode(chunkHeader[4], chunkHeader[5], chunkHeader[6], chunkHeader[7]);
    if (!header && type !== 'IHDR') throw new PngDecodeError('The PNG does not start with its header chunk.');

    if (type === 'IHDR') {
      header = parseHeader(await input.read(length), options);
    } else if (type === 'PLTE') {
      palette = (await input.read(length)).slice();
    } else if (type === 'tRNS') {
      transparency = (await input.read(length)).slice();
    } else if (type === 'IDAT') {
      if (!rows) {
        if (header!.colorType === 3 && !palette) throw new PngDecodeError('The PNG has palette colours but no palette.');
        rows = new RowSink(header!, pixelWriter(header!, palette, transparency), uprightPlacement(header!.width, header!.height, options.orientation ?? 1));
        inflate = new Inflate(rows);
      }
      for await (const piece of input.pieces(length)) await inflate!.write(piece);
    } else if (type === 'IEND') {
      break;
    } else {
      await input.skip(length);
    }
    await input.skip(4); // CRC
    if (rows?.complete) break; // everything needed is here: trailing chunks are not read
  }
  if (!inflate || !rows) throw new PngDecodeError('The PNG has no image data.');
  await inflate.finish();
  if (!rows.complete) throw new PngDecodeError('The PNG image data ends before the last row (truncated).');
  return rows.image;
}

function parseHeader(b: Uint8Array, options: DecodePngOptions): Header {
  if (b.length < 13) throw new PngDecodeError('The PNG header chunk is too short.');
  const width = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  const height = ((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]) >>> 0;
  const [bitDepth, colorType, compression, filter, interlace] = [b[8], b[9], b[10], b[11], b[12]];
  if (width === 0 || height === 0) throw new PngDecodeError('The PNG has no pixels.');
  if (!DEPTHS[colorType]?.includes(bitDepth)) throw new PngDecodeError(`The PNG has an invalid colour type ${colorType} / bit depth ${bitDepth}.`);
  if (compression !== 0 || filter !== 0 || interlace > 1) throw new PngDecodeError('The PNG uses an unknown compression, filter or interlace method.');
  if (options.maxPixels !== undefined && width * height > options.maxPixels) throw new PngDecodeError(`The PNG has ${width}×${height} pixels, more than ${options.maxPixels}.`);
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}

/**
 * The runtime's inflater between the chunk reader and the rows. Writes and reads run concurrently (the
 * stream applies backpressure); a failure on either side ends both.
 */
class Inflate {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly reading: Promise<void>;

  constructor(rows: RowSink) {
    const stream = new DecompressionStream('deflate');
    this.writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    this.reading = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          rows.push(value);
          if (rows.complete) {
            // Anything after the last row (padding, a second stream) is ignored, as other decoders do.
            await reader.cancel();
            return;
          }
        }
      } catch (error) {
        await reader.cancel().catch(() => undefined);
        if (!rows.complete) throw error instanceof PngDecodeError ? error : new PngDecodeError('The PNG image data is corrupt.');
      }
    })();
    // Surfaces through finish(); never unhandled in between.
    this.reading.catch(() => undefined);
  }

  async write(piece: Uint8Array): Promise<void> {
    try {
      await this.writer.write(piece);
    } catch {
      await this.reading; // throws the real cause when reading failed
    }
  }

  async finish(): Promise<void> {
    await this.writer.close().catch(() => undefined);
    await this.reading;
  }
}

type PixelWriter = (row: Uint8Array, count: number, out: Uint8Array, start: number, step: number) => void;

/**
 * Gathers inflated bytes into rows (per Adam7 pass when interlaced), unfilters each and hands it to the
 * pixel writer with the place of its first pixel in the upright image.
 */
class RowSink {
  readonly image: RgbaImage;
  complete = false;
  private readonly bpp: number;
  private readonly passes: { x0: number; y0: number; dx: number; dy: number; width: number; rows: number; rowBytes: number }[];
  private pass = 0;
  private row = 0;
  private filled = 0;
  private current: Uint8Array;
  private previous: Uint8Array;

  constructor(private readonly header: Header, private readonly write: PixelWriter, private readonly placement: UprightPlacement) {
    const bits = CHANNELS[header.colorType] * header.bitDepth;
    this.bpp = Math.max(1, bits >> 3);
    const layout: [number, number, number, number][] = header.interlaced ? ADAM7 : [[0, 0, 1, 1]];
    this.passes = layout
      .map(([x0, y0, dx, dy]) => {
        const width = Math.ceil((header.width - x0) / dx);
        const rows = Math.ceil((header.height - y0) / dy);
        return { x0, y0, dx, dy, width, rows, rowBytes: Math.ceil((width * bits) / 8) };
      })
      .filter((p) => p.width > 0 && p.rows > 0);
    const widest = Math.max(...this.passes.map((p) => p.rowBytes));
    this.current = new Uint8Array(widest + 1);
    this.previous = new Uint8Array(widest + 1);
    this.image = { width: placement.width, height: placement.height, data: new Uint8Array(header.width * header.height * 4) };
  }

  push(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length && !this.complete) {
      const pass = this.passes[this.pass];
      const need = pass.rowBytes + 1 - this.filled;
      const take = Math.min(need, bytes.length - offset);
      this.current.set(bytes.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === pass.rowBytes + 1) this.finishRow();
    }
  }

  private finishRow(): void {
    const pass = this.passes[this.pass];
    const row = this.current.subarray(1, pass.rowBytes + 1);
    unfilter(this.current[0], row, this.previous.subarray(1, pass.rowBytes + 1), this.bpp);
    const storedY = pass.y0 + this.row * pass.dy;
    const start = this.placement.rowStart(storedY) + pass.x0 * this.placement.step;
    this.write(row, pass.width, this.image.data, start, pass.dx * this.placement.step);
    [this.current, this.previous] = [this.previous, this.current];
    this.filled = 0;
    this.row++;
    if (this.row === pass.rows) {
      this.row = 0;
      this.pass++;
      this.previous.fill(0); // each pass starts as if above its first row were zeros
      if (this.pass === this.passes.length) this.complete = true;
    }
  }
}

function unfilter(type: number, row: Uint8Array, above: Uint8Array, bpp: number): void {
  const n = row.length;
  switch (type) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) row[i] = (row[i] + row[i - bpp]) & 0xff;
      return;
    case 2:
      for (let i = 0; i < n; i++) row[i] = (row[i] + above[i]) & 0xff;
      return;
    case 3:
      for (let i = 0; i < bpp; i++) row[i] = (row[i] + (above[i] >> 1)) & 0xff;
      for (let i = bpp; i < n; i++) row[i] = (row[i] + ((row[i - bpp] + above[i]) >> 1)) & 0xff;
      return;
    case 4:
      for (let i = 0; i < bpp; i++) row[i] = (row[i] + above[i]) & 0xff;
      for (let i = bpp; i < n; i++) {
        const a = row[i - bpp];
        const b = above[i];
        const c = above[i - bpp];
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        row[i] = (row[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return;
    default:
      throw new PngDecodeError(`The PNG has a row with an unknown filter type ${type}.`);
  }
}

/** Turns one unfiltered row of `count` pixels into RGBA at out[start], out[start + step], … (pixel indices). */
function pixelWriter(header: Header, palette: Uint8Array | null, trns: Uint8Array | null): PixelWriter {
  const { colorType, bitDepth } = header;
  const wide = bitDepth === 16;
  const at = (row: Uint8Array, i: number) => (wide ? row[i * 2] : row[i]);
  const full = (row: Uint8Array, i: number) => (wide ? (row[i * 2] << 8) | row[i * 2 + 1] : row[i]);

  if (colorType === 6) {
    return (row, count, out, start, step) => {
      for (let k = 0, p = start * 4; k < count; k++, p += step * 4) {
        out[p] = at(row, k * 4);
        out[p + 1] = at(row, k * 4 + 1);
        out[p + 2] = at(row, k * 4 + 2);
        out[p + 3] = at(row, k * 4 + 3);
      }
    };
  }
  if (colorType === 2) {
    const key = trns && trns.length >= 6 ? [(trns[0] << 8) | trns[1], (trns[2] << 8) | trns[3], (trns[4] << 8) | trns[5]] : null;
    return (row, count, out, start, step) => {
      for (let k = 0, p = start * 4; k < count; k++, p += step * 4) {
        out[p] = at(row, k * 3);
        out[p + 1] = at(row, k * 3 + 1);
        out[p + 2] = at(row, k * 3 + 2);
        out[p + 3] = key && full(row, k * 3) === key[0] && full(row, k * 3 + 1) === key[1] && full(row, k * 3 + 2) === key[2] ? 0 : 255;
      }
    };
  }
  if (colorType === 4) {
    return (row, count, out, start, step) => {
      for (let k = 0, p = start * 4; k < count; k++, p += step * 4) {
        const v = at(row, k * 2);
        out[p] = out[p + 1] = out[p + 2] = v;
        out[p + 3] = at(row, k * 2 + 1);
      }
    };
  }
  // Greyscale and palette: one sample per pixel, possibly several pixels per byte.
  const sample = bitDepth >= 8 ? (row: Uint8Array, k: number) => full(row, k) : packedSample(bitDepth);
  if (colorType === 3) {
    const entries = palette!.length / 3;
    return (row, count, out, start, step) => {
      for (let k = 0, p = start * 4; k < count; k++, p += step * 4) {
        const index = sample(row, k);
        if (index >= entries) throw new PngDecodeError('The PNG uses a colour outside its palette.');
        out[p] = palette![index * 3];
        out[p + 1] = palette![index * 3 + 1];
        out[p + 2] = palette![index * 3 + 2];
        out[p + 3] = trns && index < trns.length ? trns[index] : 255;
      }
    };
  }
  const key = trns && trns.length >= 2 ? (trns[0] << 8) | trns[1] : -1;
  const scale = bitDepth >= 8 ? (v: number) => (wide ? v >> 8 : v) : (v: number) => Math.round((v * 255) / ((1 << bitDepth) - 1));
  return (row, count, out, start, step) => {
    for (let k = 0, p = start * 4; k < count; k++, p += step * 4) {
      const v = sample(row, k);
      out[p] = out[p + 1] = out[p + 2] = scale(v);
      out[p + 3] = v === key ? 0 : 255;
    }
  };
}

function packedSample(bits: number): (row: Uint8Array, k: number) => number {
  const perByte = 8 / bits;
  const mask = (1 << bits) - 1;
  return (row, k) => (row[Math.floor(k / perByte)] >> (8 - bits * ((k % perByte) + 1))) & mask;
}

/**
 * Reads a byte stream in the pieces a parser asks for: small fixed-size fields copied out, long bodies
 * handed on piece by piece without ever being gathered in one buffer (a PNG's image data can be tens of
 * megabytes).
 */
export class ByteReader {
  private readonly pending: Uint8Array[] = [];
  private offset = 0;
  private available = 0;
  private done = false;

  private constructor(private readonly next: () => Promise<Uint8Array | undefined>, private readonly stop: () => void) {}

  static from(source: Uint8Array | ReadableStream<Uint8Array>): ByteReader {
    if (source instanceof Uint8Array) {
      let given = false;
      return new ByteReader(async () => (given ? undefined : ((given = true), source)), () => undefined);
    }
    const reader = source.getReader();
    return new ByteReader(
      async () => (await reader.read()).value,
      () => void reader.cancel().catch(() => undefined),
    );
  }

  /** Exactly `n` bytes (copied only when they straddle pieces); throws when the stream ends first. */
  async read(n: number): Promise<Uint8Array> {
    await this.fill(n);
    const first = this.pending[0];
    if (first.length - this.offset >= n) {
      const out = first.subarray(this.offset, this.offset + n);
      this.consume(n);
      return out;
    }
    const out = new Uint8Array(n);
    let written = 0;
    while (written < n) {
      const piece = this.pending[0].subarray(this.offset, this.offset + (n - written));
      out.set(piece, written);
      written += piece.length;
      this.consume(piece.length);
    }
    return out;
  }

  /** The next `n` bytes as a sequence of views into the stream's own pieces. */
  async *pieces(n: number): AsyncGenerator<Uint8Array> {
    let left = n;
    while (left > 0) {
      await this.fill(1);
      const first = this.pending[0];
      const piece = first.subarray(this.offset, this.offset + left);
      this.consume(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  /** Skips `n` bytes. */
  async skip(n: number): Promise<void> {
    for await (const _ of this.pieces(n));
  }

  /** Stops reading the underlying stream (the rest of it is not needed). */
  close(): void {
    this.stop();
  }

  private async fill(n: number): Promise<void> {
    while (this.available < n) {
      if (this.done) throw new TruncatedDataError();
      const piece = await this.next();
      if (piece === undefined) {
        this.done = true;
        continue;
      }
      if (piece.length === 0) continue;
      this.pending.push(piece);
      this.available += piece.length;
    }
  }

  private consume(n: number): void {
    this.offset += n;
    this.available -= n;
    while (this.pending.length && this.offset >= this.pending[0].length) {
      this.offset -= this.pending[0].length;
      this.pending.shift();
    }
  }
}

export class TruncatedDataError extends Error {
  constructor() {
    super('The data ends before it should (truncated).');
    this.name = 'TruncatedDataError';
  }
}

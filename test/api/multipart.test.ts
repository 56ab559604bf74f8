import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors';
import { readMultipart, type MultipartLimits } from '../../src/api/multipart';

const MiB = 1024 * 1024;
const encoder = new TextEncoder();

/** A multipart body streamed in 64 KiB chunks that counts how much of it the reader pulled. */
function countingRequest(parts: { name: string; filename?: string; size: number }[]) {
  const boundary = 'test-boundary';
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    pieces.push(encoder.encode(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`), new Uint8Array(part.size).fill(0x61), encoder.encode('\r\n'));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const total = pieces.reduce((n, p) => n + p.byteLength, 0);
  const body = new Uint8Array(total);
  let offset = 0;
  for (const p of pieces) {
    body.set(p, offset);
    offset += p.byteLength;
  }
  const state = { pulled: 0, total, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const chunk = body.subarray(state.pulled, Math.min(total, state.pulled + 64 * 1024));
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const request = new Request('https://ocr-translate.test/upload', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: stream,
    // @ts-expect-error workerd needs no duplex, but the DOM typings do not know it
    duplex: 'half',
  });
  return { request, state };
}

async function readAll(request: Request, limits: MultipartLimits): Promise<unknown> {
  try {
    for await (const part of readMultipart(request, limits)) void part;
    return null;
  } catch (error) {
    return error;
  }
}

const limits = (over: Partial<MultipartLimits> = {}): MultipartLimits => ({
  maxFileBytes: 1 * MiB,
  maxTotalBytes: 8 * MiB,
  maxParts: 10,
  describeOversizedPart: () => 'images[0]',
  ...over,
});

describe('readMultipart', () => {
  it('reads the rest of the body after refusing a file as too large, so the connection stays usable', async () => {
    const { request, state } = countingRequest([{ name: 'images[]', filename: 'big.png', size: 3 * MiB }, { name: 'target_languages[]', size: 2 }]);
    const error = await readAll(request, limits());
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(413);
    expect(state.pulled).toBe(state.total);
  });

  it('reads the rest of the body when the consumer stops early', async () => {
    const { request, state } = countingRequest([{ name: 'a', filename: 'a.png', size: 512 * 1024 }, { name: 'b', filename: 'b.png', size: 512 * 1024 }]);
    for await (const part of readMultipart(request, limits())) {
      expect(part.name).toBe('a');
      break;
    }
    expect(state.pulled).toBe(state.total);
  });

  it('stops reading (and cancels the upload) once the drain passes the total limit', async () => {
    const { request, state } = countingRequest([{ name: 'images[]', filename: 'big.png', size: 12 * MiB }]);
    const error = await readAll(request, limits());
    expect((error as ApiError).status).toBe(413);
    expect(state.pulled).toBeLessThan(state.total);
    expect(state.pulled).toBeLessThanOrEqual(8 * MiB + 2 * MiB);
    expect(state.cancelled).toBe(true);
  });
});

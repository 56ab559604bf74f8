/**
 * Streaming multipart/form-data reading with hard limits. Parts are handed over one at a time as they
 * arrive, so a batch of twenty 10 MB files never sits in memory at once, and a file over the limit is
 * refused as soon as it crosses it rather than after the whole body has been read.
 */
import {
  MaxFileSizeExceededError,
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MaxTotalSizeExceededError,
  MultipartParseError,
  parseMultipartRequest,
} from '@remix-run/multipart-parser';
import { drainRequestBody } from './drain-body';
import { ApiError } from './errors';

export interface MultipartLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxParts: number;
  /** Names the part being read when a size limit is crossed (e.g. `images[3]`). */
  describeOversizedPart: () => string;
}

export type FormPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; bytes: Uint8Array };

/** Rejects on the Content-Length header alone when it already announces more than we accept. */
export function assertContentLength(request: Request, maxTotalBytes: number): void {
  const declared = request.headers.get('content-length');
  if (declared && /^\d+$/.test(declared) && Number(declared) > maxTotalBytes) {
    throw new ApiError('payload_too_large', `The request body is ${declared} bytes; the limit is ${maxTotalBytes}.`);
  }
}

/**
 * Yields each field and file of a multipart/form-data request, mapping every parse problem to an
 * ApiError. However reading ends (finished, refused, or the caller stopped early), the rest of the
 * body is drained up to `maxTotalBytes` before the caller gets to answer (see ./drain-body.ts).
 */
export async function* readMultipart(request: Request, limits: MultipartLimits): AsyncGenerator<FormPart> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type) || !/boundary=/i.test(type)) {
    throw new ApiError('invalid_request', 'Send the request as multipart/form-data (with a boundary in Content-Type).');
  }
  assertContentLength(request, limits.maxTotalBytes);
  if (!request.body) throw new ApiError('invalid_request', 'The multipart body is empty.');

  try {
    for await (const part of parseMultipartRequest(request, {
      maxFileSize: limits.maxFileBytes,
      maxTotalSize: limits.maxTotalBytes,
      maxParts: limits.maxParts,
      maxHeaderSize: 8 * 1024,
    })) {
      const name = part.name;
      if (!name) continue; // a part without a name carries nothing we can use
      if (part.isFile) yield { kind: 'file', name, filename: part.filename ?? '', bytes: part.bytes };
      else yield { kind: 'field', name, value: part.text };
    }
  } catch (error) {
    throw asApiError(error, limits);
  } finally {
    await drainRequestBody(request, limits.maxTotalBytes);
  }
}

function asApiError(error: unknown, limits: MultipartLimits): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof MaxFileSizeExceededError) {
    const field = limits.describeOversizedPart();
    return new ApiError('payload_too_large', `${field} is larger than ${formatBytes(limits.maxFileBytes)}.`, [
      { field, code: 'file_too_large', message: `Files may be at most ${formatBytes(limits.maxFileBytes)}.` },
    ]);
  }
  if (error instanceof MaxTotalSizeExceededError) {
    return new ApiError('payload_too_large', `The request body is larger than ${formatBytes(limits.maxTotalBytes)}.`);
  }
  if (error instanceof MaxPartsExceededError) {
    return new ApiError('invalid_request', `The form has more than ${limits.maxParts} parts.`);
  }
  if (error instanceof MaxHeaderSizeExceededError || error instanceof MultipartParseError) {
    return new ApiError('invalid_request', `Malformed multipart body: ${error.message}`);
  }
  if (error instanceof TypeError) {
    // The body stream itself failed (client went away mid-upload, or a body that is not valid multipart).
    return new ApiError('invalid_request', 'The multipart body could not be read.');
  }
  return error;
}

/** `10 MB` for whole mebibytes, else a byte count: how limits are named in error messages. */
export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

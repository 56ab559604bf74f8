/**
 * Validation of uploaded image files: judged by their bytes, never by name or declared type, and
 * refused from the header alone when they are too large to decode.
 */
import { probeImage, type ImageProbe } from '../pipeline/image/probe';
import { ApiError, type ErrorDetail } from './errors';
import { formatBytes } from './multipart';
import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS } from './limits';

/** The problem with one uploaded file, as an error detail naming its field. */
export function checkImageFile(bytes: Uint8Array, field: string, filename?: string): { ok: true; image: ImageProbe } | { ok: false; status: ApiError } {
  const named = (code: ApiError['code'], message: string): { ok: false; status: ApiError } => {
    const detail: ErrorDetail = { field, code, message, ...(filename ? { filename } : {}) };
    return { ok: false, status: new ApiError(code, `${field}: ${message}`, [detail]) };
  };
  if (bytes.byteLength === 0) return named('invalid_request', 'The file is empty.');
  if (bytes.byteLength > MAX_FILE_BYTES) return named('payload_too_large', `The file is larger than ${formatBytes(MAX_FILE_BYTES)}.`);
  const probe = probeImage(bytes);
  if (!probe.ok) return named(probe.kind === 'unsupported' ? 'unsupported_media_type' : 'unprocessable_image', probe.message);
  const { width, height } = probe.image;
  if (width * height > MAX_IMAGE_PIXELS) {
    return named('image_too_large', `The image is ${width}×${height} (${(width * height / 1e6).toFixed(1)} MP); the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels.`);
  }
  return { ok: true, image: probe.image };
}

/** Throws the file's error, or returns what the header says about it. */
export function requireImageFile(bytes: Uint8Array, field: string, filename?: string): ImageProbe {
  const result = checkImageFile(bytes, field, filename);
  if (!result.ok) throw result.status;
  return result.image;
}

/**
 * Maps failures from inside the pipeline to the API's errors; anything else is left to errorResponse
 * (a TranslationConfigError is a ConfigError there: 503).
 */
import { ImageDecodeError } from '../pipeline/image-analysis';
import { TranslationUnavailableError } from '../translate';
import { ApiError } from './errors';

export function pipelineError(error: unknown): unknown {
  if (error instanceof ImageDecodeError) {
    return new ApiError('unprocessable_image', 'The image is corrupt or truncated and could not be decoded.', [{ field: 'image', code: 'unprocessable_image', message: error.message }]);
  }
  if (error instanceof TranslationUnavailableError) {
    const message = error.retryable
      ? 'The translation engine is unavailable right now; retry later.'
      : 'The translation engine could not translate this request.';
    return new ApiError(
      'translation_unavailable',
      message,
      [{ code: error.reason, message: error.message, engine: error.engine }],
      error.retryAfterSeconds ? { 'Retry-After': String(Math.ceil(error.retryAfterSeconds)) } : undefined,
      error.httpStatus,
    );
  }
  return error;
}

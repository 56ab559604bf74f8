/** Maps failures from inside the pipeline to the API's errors; anything else stays a 500. */
import { ImageDecodeError } from '../pipeline/image-analysis';
import { TranslationConfigError, TranslationUnavailableError } from '../translate';
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
  if (error instanceof TranslationConfigError) {
    console.error(JSON.stringify({ level: 'error', event: 'translation_config_invalid', problems: error.problems }));
    return new ApiError('service_unavailable', 'Translation is not configured correctly; the operator has been told in the logs.');
  }
  return error;
}

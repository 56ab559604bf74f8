/**
 * Errors of the translation layer. The HTTP layer maps TranslationUnavailableError to
 * `translation_unavailable` (503 when a later retry may succeed, 502 when this request cannot);
 * batch consumers retry the former and mark the image failed for the latter.
 */
import { ConfigError } from '../config';

/**
 * Why no engine produced a translation:
 * - `exhausted`: transient failures (429, 5xx, network, timeouts, capacity) outlasted the retries or
 *   the deadline. The same request may succeed later.
 * - `rejected`: the engine refused the request in a way retrying cannot fix (bad key, quota used up,
 *   unsupported language, malformed request).
 * - `invalid_response`: the engine kept answering with something unusable (wrong count, bad JSON).
 */
export type TranslationFailureReason = 'exhausted' | 'rejected' | 'invalid_response';

export class TranslationUnavailableError extends Error {
  override readonly name = 'TranslationUnavailableError';
  readonly code = 'translation_unavailable';

  constructor(
    message: string,
    readonly engine: string,
    readonly reason: TranslationFailureReason,
    /** Seconds after which a retry makes sense, when the engine said so (Retry-After). */
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** True when the same request may succeed later (HTTP 503); false when it cannot (HTTP 502). */
  get retryable(): boolean {
    return this.reason === 'exhausted';
  }

  /** The HTTP status the API answers with. */
  get httpStatus(): 502 | 503 {
    return this.retryable ? 503 : 502;
  }
}

/** The translation configuration (environment variables, secrets, bindings) is invalid. */
export class TranslationConfigError extends ConfigError {
  override readonly name = 'TranslationConfigError';

  constructor(problems: string[]) {
    super(problems);
    this.message = `Invalid translation configuration:\n- ${problems.join('\n- ')}`;
  }
}

/**
 * One failed engine call, classified so the retry loop knows what to do. Engines throw it; it never
 * leaves src/translate (the engine translator turns it into TranslationUnavailableError).
 */
export class EngineCallError extends Error {
  override readonly name = 'EngineCallError';

  constructor(
    message: string,
    readonly kind: 'transient' | 'rejected' | 'invalid_response',
    readonly details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }

  get retryable(): boolean {
    return this.kind !== 'rejected';
  }
}

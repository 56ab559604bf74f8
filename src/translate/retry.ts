/**
 * Retries one engine call on transient failures (429, 5xx, network errors, timeouts, capacity
 * errors) with exponential backoff and full jitter, waiting at least as long as the engine's
 * Retry-After asks, and never past the caller's deadline. Rejections (bad key, quota, unsupported
 * language) are not retried: they cannot succeed.
 */
import { EngineCallError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before the second attempt; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest a single attempt may take before it is aborted and counted as transient. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 400,
  maxDelayMs: 8_000,
  attemptTimeoutMs: 15_000,
};

/** Time and randomness, injectable so tests can observe the waits instead of sleeping. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    }),
};

/** The final failure of a retried call: the last error, and whether time ran out. */
export class RetriesExhausted extends Error {
  constructor(
    readonly last: EngineCallError,
    readonly attempts: number,
    readonly outOfTime: boolean,
  ) {
    super(`${last.message} (after ${attempts} attempt${attempts === 1 ? '' : 's'}${outOfTime ? ', deadline reached' : ''})`);
  }
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable EngineCallError, runs out of attempts
 * or would pass `deadline`. Each attempt gets a signal that aborts at its own timeout, at the
 * deadline, or when `signal` aborts (then the caller's abort reason is rethrown as is).
 */
export async function withRetries<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  context: { deadline: number; signal?: AbortSignal; policy: RetryPolicy; clock: Clock },
): Promise<T> {
  const { deadline, signal, policy, clock } = context;
  for (let n = 1; ; n++) {
    signal?.throwIfAborted();
    const remaining = deadline - clock.now();
    if (remaining <= 0) {
      throw new RetriesExhausted(new EngineCallError('deadline reached before the engine answered', 'transient'), n - 1, true);
    }
    const attemptSignal = anySignal([AbortSignal.timeout(Math.min(remaining, policy.attemptTimeoutMs)), signal]);
    let failure: EngineCallError;
    try {
      return await attempt(attemptSignal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      failure = asEngineCallError(error, attemptSignal);
    }
    if (!failure.retryable || n >= policy.maxAttempts) throw new RetriesExhausted(failure, n, false);
    const backoff = clock.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
    const wait = Math.max(backoff, failure.details.retryAfterMs ?? 0);
    if (clock.now() + wait >= deadline) throw new RetriesExhausted(failure, n, true);
    await clock.sleep(wait, signal);
  }
}

function asEngineCallError(error: unknown, attemptSignal: AbortSignal): EngineCallError {
  if (error instanceof EngineCallError) return error;
  if (attemptSignal.aborted) return new EngineCallError('the engine did not answer in time', 'transient', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new EngineCallError(`network error: ${message}`, 'transient', { cause: error });
}

function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length === 1 ? present[0] : AbortSignal.any(present);
}

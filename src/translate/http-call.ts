/**
 * One JSON request to a translation provider, with its failure classified the same way for every
 * HTTP engine: 429, 408 and 5xx are transient (Retry-After kept), other 4xx are rejections, a body
 * that is not JSON is an invalid response. Engines refine this for their own quirks (e.g. a 429 that
 * means "quota used up").
 */
import { EngineCallError } from './errors';

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface HttpFailure {
  status: number;
  body: unknown;
  text: string;
  retryAfterMs?: number;
}

/**
 * POSTs `body` as JSON and returns the parsed JSON answer. `classify` may turn a failed answer into
 * a specific EngineCallError; otherwise the generic rules apply.
 */
export async function postJson(
  fetchFn: FetchLike,
  url: string,
  body: unknown,
  options: {
    headers?: Record<string, string>;
    signal: AbortSignal;
    engine: string;
    classify?: (failure: HttpFailure) => EngineCallError | undefined;
  },
): Promise<unknown> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify(body),
    signal: options.signal,
  });
  const text = await response.text();
  let parsed: unknown;
  let parsedOk = true;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsedOk = false;
  }
  if (response.ok) {
    if (!parsedOk) throw new EngineCallError(`${options.engine} answered with malformed JSON`, 'invalid_response', { status: response.status });
    return parsed;
  }
  const failure: HttpFailure = {
    status: response.status,
    body: parsed,
    text,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  };
  throw options.classify?.(failure) ?? classifyHttpFailure(options.engine, failure);
}

/** The generic rules for a non-2xx answer. */
export function classifyHttpFailure(engine: string, failure: HttpFailure): EngineCallError {
  const { status, retryAfterMs } = failure;
  const summary = `${engine} answered HTTP ${status}${describeBody(failure)}`;
  const transient = status === 429 || status === 408 || status === 425 || status >= 500;
  return new EngineCallError(summary, transient ? 'transient' : 'rejected', { status, retryAfterMs });
}

function describeBody(failure: HttpFailure): string {
  const text = failure.text.replace(/\s+/gu, ' ').trim().slice(0, 200);
  return text ? `: ${text}` : '';
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/u.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

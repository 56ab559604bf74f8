/**
 * Per-account request rate limits, enforced by the account's limiter Durable Object so that every
 * isolate and every location sees the same count. Over the limit → 429 `rate_limited` with Retry-After.
 */
import { createMiddleware } from 'hono/factory';
import { accountLimiter } from '../limits/account-limiter';
import type { AppEnv } from './context';
import { ApiError } from './errors';

export function rateLimit(bucket: string, limitPerMinute: (env: Env) => number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const limit = limitPerMinute(c.env);
    const decision = await accountLimiter(c.env, c.get('accountId')).takeRateToken(bucket, limit);
    if (!decision.allowed) {
      throw new ApiError('rate_limited', `Too many requests: this account may make ${limit} per minute here. Retry in ${decision.retryAfterSeconds} s.`, undefined, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    c.header('RateLimit-Limit', String(limit));
    c.header('RateLimit-Remaining', String(decision.remaining));
    await next();
  });
}

/** Gives every request an id, echoed in `x-request-id` on every response and in every log line. */
import { createMiddleware } from 'hono/factory';
import { randomBase62 } from '../security/random';
import type { AppEnv } from './context';

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = `req_${randomBase62(16)}`;
  c.set('requestId', id);
  await next();
  c.res.headers.set('x-request-id', id);
});

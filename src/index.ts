/**
 * OCR Translate — Worker entry point. Wires the HTTP app and the queue consumer;
 * holds no logic of its own.
 */
import { app } from './app';
import { handleQueueBatch } from './jobs/queue-handler';
import type { JobMessage } from './jobs/messages';

export default {
  fetch: app.fetch,
  queue: handleQueueBatch,
} satisfies ExportedHandler<Env, JobMessage>;

export { AccountLimiter } from './limits/account-limiter';

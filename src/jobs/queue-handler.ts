/**
 * The jobs queue consumer: validates each message and hands it to the job that owns its type. Every
 * message is acked or retried explicitly; a message that cannot be parsed is acked and logged (it can
 * never succeed), and one whose job keeps failing reaches the dead-letter queue.
 */
import { JobMessageSchema, type JobMessage } from './messages';

type JobHandler<T extends JobMessage['type']> = (env: Env, message: Extract<JobMessage, { type: T }>) => Promise<void>;

/** Job handlers by message type. Batch processing registers `ocr_image` here (its own issue). */
const handlers: { [T in JobMessage['type']]?: JobHandler<T> } = {};

/** How long a message waits before another try when no handler for it is deployed yet. */
const UNHANDLED_RETRY_SECONDS = 300;

export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = JobMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      console.error(JSON.stringify({ level: 'error', event: 'invalid_job_message', queue: batch.queue, message_id: message.id, issues: parsed.error.issues.length }));
      message.ack();
      continue;
    }
    const job = parsed.data;
    const handler = handlers[job.type] as JobHandler<typeof job.type> | undefined;
    if (!handler) {
      console.warn(JSON.stringify({ level: 'warn', event: 'no_job_handler', type: job.type, message_id: message.id }));
      message.retry({ delaySeconds: UNHANDLED_RETRY_SECONDS });
      continue;
    }
    try {
      await handler(env, job);
      message.ack();
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', event: 'job_failed', type: job.type, message_id: message.id, attempts: message.attempts, message: String(error) }));
      message.retry({ delaySeconds: Math.min(300, 5 * 2 ** (message.attempts - 1)) });
    }
  }
}

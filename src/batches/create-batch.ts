/**
 * Creating a batch: the whole request is validated while it streams in, originals go to R2 under keys
 * we generate, and only then — with a concurrency slot held — are all rows written in one atomic D1
 * batch and the work enqueued. Any failure before the commit deletes what was uploaded, so a rejected
 * request leaves nothing behind.
 *
 * Idempotency-Key: a request whose key the account has used before is read and validated the same
 * way but nothing is stored; if it is the same request (same files, languages and options) the
 * original batch is returned, otherwise it is refused with 409, since answering a different request
 * with an unrelated batch would hide the client's mistake.
 */
import { ApiError } from '../api/errors';
import { MAX_CONCURRENT_BATCHES } from '../api/limits';
import type { Config } from '../config';
import { insertBatchImageStatement, insertOutputStatement, type BatchImage } from '../db/batch-images';
import { findBatch, insertBatchStatement, type Batch } from '../db/batches';
import { findIdempotencyKey, insertIdempotencyKeyStatement, type IdempotencyRecord } from '../db/idempotency-keys';
import { nowIso } from '../db/time';
import type { JobMessage } from '../jobs/messages';
import { accountLimiter } from '../limits/account-limiter';
import { sha256Hex } from '../security/hashing';
import { newId } from '../security/random';
import { imageObjectKey } from '../storage/object-keys';
import { readBatchForm, type ArrivedImage, type BatchForm } from './read-batch-form';

export interface CreateBatchResult {
  batch: Batch;
  /** True when an Idempotency-Key matched an earlier request and its batch is returned instead. */
  replayed: boolean;
}

/** A file as it was kept: stored in R2 (`image`) or, for a replayed request, only hashed. */
interface KeptImage {
  sha256: string;
  image: BatchImage | null;
}

/** Validates the request, stores it and enqueues its work; or replays the batch of a known Idempotency-Key. */
export async function createBatch(
  env: Env,
  config: Config,
  input: { request: Request; accountId: string; idempotencyKey?: string },
): Promise<CreateBatchResult> {
  const { accountId, idempotencyKey } = input;
  const earlier = idempotencyKey ? await findIdempotencyKey(env.DB, accountId, idempotencyKey) : null;

  const batchId = newId('batch');
  const now = nowIso();
  const kept: KeptImage[] = [];
  const discardUploads = () => deleteQuietly(env.BUCKET, kept.flatMap((k) => (k.image ? [k.image.originalKey] : [])));

  const keepImage = async (arrived: ArrivedImage): Promise<KeptImage> => {
    const sha256 = await sha256Hex(arrived.bytes);
    if (earlier) return { sha256, image: null };
    const image = stagedImage(accountId, batchId, arrived, sha256, now);
    await env.BUCKET.put(image.originalKey, arrived.bytes, {
      httpMetadata: { contentType: arrived.probe.contentType },
      customMetadata: { account: accountId, batch: batchId, ...(arrived.filename ? { filename: arrived.filename } : {}) },
      sha256,
    });
    return { sha256, image };
  };

  try {
    const form = await readBatchForm(input.request, { allowInsecureWebhooks: config.ALLOW_INSECURE_WEBHOOKS, keepImage, kept });
    const fingerprint = idempotencyKey ? await requestFingerprint(form) : '';
    if (earlier) return await replay(env.DB, accountId, earlier, fingerprint);

    const images = form.images.map((k) => k.image!);
    const batch: Batch = {
      id: batchId,
      accountId,
      status: 'pending',
      targetLanguages: form.targetLanguages,
      sourceLang: form.sourceLang,
      excludeText: form.excludeText,
      outputFormat: form.outputFormat,
      webhookUrl: form.webhookUrl,
      totalImages: images.length,
      completedCount: 0,
      failedCount: 0,
      createdAt: now,
      startedAt: null,
      completedAt: null,
      updatedAt: now,
    };

    const limiter = accountLimiter(env, accountId);
    const slot = await limiter.acquireBatchSlot(batchId, MAX_CONCURRENT_BATCHES);
    if (!slot.granted) {
      throw new ApiError(
        'concurrency_limit',
        `This account already has ${MAX_CONCURRENT_BATCHES} batches pending or processing; retry when one finishes.`,
        undefined,
        { 'Retry-After': String(slot.retryAfterSeconds) },
      );
    }

    try {
      await env.DB.batch([
        insertBatchStatement(env.DB, batch),
        ...images.map((image) => insertBatchImageStatement(env.DB, image)),
        ...images.flatMap((image) => batch.targetLanguages.map((lang) => insertOutputStatement(env.DB, { imageId: image.id, lang, batchId, createdAt: now }))),
        ...(idempotencyKey ? [insertIdempotencyKeyStatement(env.DB, { accountId, key: idempotencyKey, requestFingerprint: fingerprint, batchId, createdAt: now })] : []),
      ]);
    } catch (error) {
      await limiter.releaseBatchSlot(batchId);
      // A concurrent request with the same Idempotency-Key committed first: answer as its retry.
      const winner = idempotencyKey ? await findIdempotencyKey(env.DB, accountId, idempotencyKey) : null;
      if (winner) {
        await discardUploads();
        return await replay(env.DB, accountId, winner, fingerprint);
      }
      throw error;
    }

    await enqueueImages(env.JOBS, images.map((image) => ({ type: 'ocr_image', accountId, batchId, imageId: image.id })));
    return { batch, replayed: false };
  } catch (error) {
    await discardUploads();
    throw error;
  }
}

function stagedImage(accountId: string, batchId: string, arrived: ArrivedImage, sha256: string, now: string): BatchImage {
  const id = newId('img');
  return {
    id,
    batchId,
    accountId,
    position: arrived.position,
    originalFilename: arrived.filename,
    format: arrived.probe.format,
    byteSize: arrived.bytes.byteLength,
    width: arrived.probe.width,
    height: arrived.probe.height,
    contentSha256: sha256,
    originalKey: imageObjectKey(accountId, batchId, id, 'original', arrived.probe.format),
    cleanKey: null,
    sourceLang: null,
    status: 'pending',
    errorCode: null,
    errorMessage: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The original batch of a repeated Idempotency-Key, if this request is the same one; else 409. */
async function replay(db: D1Database, accountId: string, record: IdempotencyRecord, fingerprint: string): Promise<CreateBatchResult> {
  const batch = await findBatch(db, accountId, record.batchId);
  if (!batch) throw new Error(`idempotency key points at missing batch ${record.batchId}`);
  if (record.requestFingerprint !== fingerprint) {
    throw new ApiError(
      'conflict',
      `This Idempotency-Key was already used for a different request (batch ${batch.id}); use a new key for a new batch.`,
      [{ field: 'Idempotency-Key', code: 'key_reused', message: 'The files, languages or options differ from the first request with this key.' }],
    );
  }
  return { batch, replayed: true };
}

/** After the commit the batch exists; if enqueueing fails it stays pending and the sweeper re-enqueues it. */
async function enqueueImages(queue: Queue, messages: JobMessage[]): Promise<void> {
  try {
    await queue.sendBatch(messages.map((body) => ({ body, contentType: 'json' as const })));
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', event: 'enqueue_failed', batch_id: messages[0]?.batchId, message: String(error) }));
  }
}

/** What makes two requests "the same" for an Idempotency-Key: the files' bytes in order and every option, as validated. */
async function requestFingerprint(form: BatchForm<KeptImage>): Promise<string> {
  return sha256Hex(
    JSON.stringify({
      images: form.images.map((k) => k.sha256),
      target_languages: form.targetLanguages,
      source_lang: form.sourceLang,
      exclude_text: form.excludeText,
      output_format: form.outputFormat,
      webhook_url: form.webhookUrl,
    }),
  );
}

async function deleteQuietly(bucket: R2Bucket, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  try {
    await bucket.delete(keys);
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', event: 'cleanup_failed', keys: keys.length, message: String(error) }));
  }
}

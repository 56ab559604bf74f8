/**
 * Creating a batch: the whole request is validated while it streams in, originals go to R2 under keys
 * we generate, and only then — with a concurrency slot held — are all rows written in one atomic D1
 * batch and the work enqueued. Any failure before the commit deletes what was uploaded, so a rejected
 * request leaves nothing behind.
 */
import { ApiError, type ErrorDetail } from '../api/errors';
import { MAX_CONCURRENT_BATCHES, MAX_FILE_BYTES, MAX_IMAGES_PER_BATCH, MULTIPART_OVERHEAD_BYTES } from '../api/limits';
import { readMultipart } from '../api/multipart';
import { BatchFieldsSchema } from '../api/schemas/requests';
import { checkImageFile } from '../api/uploads';
import type { Config } from '../config';
import { insertBatchImageStatement, insertOutputStatement, type BatchImage } from '../db/batch-images';
import { findBatch, insertBatchStatement, type Batch } from '../db/batches';
import { findIdempotencyKey, insertIdempotencyKeyStatement } from '../db/idempotency-keys';
import { nowIso } from '../db/time';
import type { JobMessage } from '../jobs/messages';
import type { LanguageCode } from '../languages';
import { accountLimiter } from '../limits/account-limiter';
import { sha256Hex } from '../security/hashing';
import { newId } from '../security/random';
import { imageObjectKey } from '../storage/object-keys';
import { validateFields } from '../api/form-fields';
import { checkWebhookUrl } from '../webhooks/webhook-url';
import { cleanFilename } from './filenames';

export interface CreateBatchResult {
  batch: Batch;
  /** True when an Idempotency-Key matched an earlier request and its batch is returned instead. */
  replayed: boolean;
}

interface StagedImage {
  image: BatchImage;
}

const MAX_BATCH_BODY_BYTES = MAX_IMAGES_PER_BATCH * MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES;

export async function createBatch(
  env: Env,
  config: Config,
  input: { request: Request; accountId: string; idempotencyKey?: string },
): Promise<CreateBatchResult> {
  const { accountId, idempotencyKey } = input;
  if (idempotencyKey) {
    const earlier = await replayIdempotent(env.DB, accountId, idempotencyKey);
    if (earlier) return earlier;
  }

  const batchId = newId('batch');
  const now = nowIso();
  const staged: StagedImage[] = [];
  const fileErrors: ApiError[] = [];
  const fields: Record<string, string[]> = {};
  let imageCount = 0;

  const discardUploads = () => deleteQuietly(env.BUCKET, staged.map((s) => s.image.originalKey));

  try {
    for await (const part of readMultipart(input.request, {
      maxFileBytes: MAX_FILE_BYTES,
      maxTotalBytes: MAX_BATCH_BODY_BYTES,
      maxParts: MAX_IMAGES_PER_BATCH + 40,
      describeOversizedPart: () => `images[${imageCount}]`,
    })) {
      const name = part.name.replace(/\[\d*\]$/, '');
      if (part.kind === 'field') {
        (fields[name] ??= []).push(part.value);
        continue;
      }
      if (name !== 'images') continue;
      const field = `images[${imageCount}]`;
      imageCount += 1;
      if (imageCount > MAX_IMAGES_PER_BATCH) {
        throw new ApiError('invalid_request', `A batch holds at most ${MAX_IMAGES_PER_BATCH} images.`, [
          { field, code: 'too_many_images', message: `At most ${MAX_IMAGES_PER_BATCH} images per batch.` },
        ]);
      }
      const filename = cleanFilename(part.filename);
      const checked = checkImageFile(part.bytes, field, filename ?? undefined);
      if (!checked.ok) {
        fileErrors.push(checked.status);
        continue;
      }
      if (fileErrors.length > 0) continue; // the batch is already rejected: keep validating, stop storing
      const imageId = newId('img');
      const key = imageObjectKey(accountId, batchId, imageId, 'original', checked.image.format);
      const sha = await sha256Hex(part.bytes);
      await env.BUCKET.put(key, part.bytes, {
        httpMetadata: { contentType: checked.image.contentType },
        customMetadata: { account: accountId, batch: batchId, ...(filename ? { filename } : {}) },
        sha256: sha,
      });
      staged.push({
        image: {
          id: imageId,
          batchId,
          accountId,
          position: imageCount - 1,
          originalFilename: filename,
          format: checked.image.format,
          byteSize: part.bytes.byteLength,
          width: checked.image.width,
          height: checked.image.height,
          contentSha256: sha,
          originalKey: key,
          cleanKey: null,
          sourceLang: null,
          status: 'pending',
          errorCode: null,
          errorMessage: null,
          createdAt: now,
          updatedAt: now,
        },
      });
    }

    const parsed = validateFields(BatchFieldsSchema, {
      target_languages: (fields.target_languages ?? []).flatMap((v) => v.split(',')).filter((v) => v.trim() !== ''),
      source_lang: last(fields.source_lang),
      exclude_text: last(fields.exclude_text),
      output_format: last(fields.output_format),
      webhook_url: last(fields.webhook_url),
    });
    if (imageCount === 0) {
      throw new ApiError('invalid_request', 'images[]: add at least one image file.', [{ field: 'images[]', code: 'required', message: 'At least one image is required.' }]);
    }
    if (fileErrors.length > 0) throw combineFileErrors(fileErrors);

    let webhookUrl: string | null = null;
    if (parsed.webhook_url !== undefined && parsed.webhook_url.trim() !== '') {
      const check = checkWebhookUrl(parsed.webhook_url, { allowInsecureLocalhost: config.ALLOW_INSECURE_WEBHOOKS });
      if (!check.ok) throw new ApiError('invalid_request', check.message, [{ field: 'webhook_url', code: 'invalid_url', message: check.message }]);
      webhookUrl = check.url;
    }

    const batch: Batch = {
      id: batchId,
      accountId,
      status: 'pending',
      targetLanguages: parsed.target_languages as LanguageCode[],
      sourceLang: parsed.source_lang ?? null,
      excludeText: parsed.exclude_text ?? null,
      outputFormat: parsed.output_format ?? null,
      webhookUrl,
      totalImages: staged.length,
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
      const fingerprint = idempotencyKey ? await requestFingerprint(batch, staged) : '';
      await env.DB.batch([
        insertBatchStatement(env.DB, batch),
        ...staged.map((s) => insertBatchImageStatement(env.DB, s.image)),
        ...staged.flatMap((s) => batch.targetLanguages.map((lang) => insertOutputStatement(env.DB, { imageId: s.image.id, lang, batchId, createdAt: now }))),
        ...(idempotencyKey ? [insertIdempotencyKeyStatement(env.DB, { accountId, key: idempotencyKey, requestFingerprint: fingerprint, batchId, createdAt: now })] : []),
      ]);
    } catch (error) {
      await limiter.releaseBatchSlot(batchId);
      // A concurrent request with the same Idempotency-Key committed first: answer with its batch.
      const winner = idempotencyKey ? await replayIdempotent(env.DB, accountId, idempotencyKey) : null;
      if (winner) {
        await discardUploads();
        return winner;
      }
      throw error;
    }

    await enqueueImages(env.JOBS, staged.map((s) => ({ type: 'ocr_image', accountId, batchId, imageId: s.image.id })));
    return { batch, replayed: false };
  } catch (error) {
    await discardUploads();
    throw error;
  }
}

async function replayIdempotent(db: D1Database, accountId: string, key: string): Promise<CreateBatchResult | null> {
  const record = await findIdempotencyKey(db, accountId, key);
  if (!record) return null;
  const batch = await findBatch(db, accountId, record.batchId);
  return batch ? { batch, replayed: true } : null;
}

/** After the commit the batch exists; if enqueueing fails it stays pending and the sweeper re-enqueues it. */
async function enqueueImages(queue: Queue, messages: JobMessage[]): Promise<void> {
  try {
    await queue.sendBatch(messages.map((body) => ({ body, contentType: 'json' as const })));
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', event: 'enqueue_failed', batch_id: messages[0]?.batchId, message: String(error) }));
  }
}

function combineFileErrors(errors: ApiError[]): ApiError {
  const first = errors[0];
  const details: ErrorDetail[] = errors.flatMap((e) => e.details ?? []);
  const message = errors.length === 1 ? first.message : `${errors.length} files were rejected; the first: ${first.message}`;
  return new ApiError(first.code, message, details);
}

async function requestFingerprint(batch: Batch, staged: StagedImage[]): Promise<string> {
  return sha256Hex(
    JSON.stringify({
      images: staged.map((s) => s.image.contentSha256),
      target_languages: batch.targetLanguages,
      source_lang: batch.sourceLang,
      exclude_text: batch.excludeText,
      output_format: batch.outputFormat,
      webhook_url: batch.webhookUrl,
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

const last = (values: string[] | undefined) => values?.[values.length - 1];

/** /api/v1/batch — asynchronous jobs of up to 20 images × 10 target languages. */
import { createRoute, z } from '@hono/zod-openapi';
import { createBatch } from '../batches/create-batch';
import { presentBatch, presentBatchSummary } from '../batches/present-batch';
import { presentBatchImageDetail } from '../batches/present-batch-image';
import { readConfig } from '../config';
import { findBatchImage, listBatchImages, listOutputs } from '../db/batch-images';
import { cancelBatch, findBatch, listBatches, type Batch } from '../db/batches';
import { findWebhookDeliveryForBatch } from '../db/webhook-deliveries';
import { accountLimiter } from '../limits/account-limiter';
import { urlSigner } from '../storage/public-url';
import type { AppEnv } from './context';
import { ApiError } from './errors';
import { createApiApp, errorResponses } from './openapi-app';
import { BatchCreatedSchema, BatchImageDetailSchema, BatchListSchema, BatchSchema } from './schemas/batches';
import { BatchFormSchema, BatchListQuerySchema } from './schemas/requests';
import type { Context } from 'hono';

const security = [{ bearerAuth: [] }];
// Ids are not length-checked: an id that cannot exist is simply not found (404), like any unknown id.
const BatchParams = z.object({ batch_id: z.string().openapi({ param: { name: 'batch_id', in: 'path' }, example: 'batch_abc123' }) });
const IdempotencyKeyHeader = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be 1–255 visible ASCII characters');

async function batchResponse(c: Context<AppEnv>, batch: Batch) {
  const [images, outputs, webhook] = await Promise.all([
    listBatchImages(c.env.DB, batch.id),
    listOutputs(c.env.DB, batch.id),
    batch.webhookUrl ? findWebhookDeliveryForBatch(c.env.DB, batch.id) : Promise.resolve(null),
  ]);
  return presentBatch(batch, images, outputs, webhook, urlSigner(readConfig(c.env), c.req.url));
}

async function requireBatch(c: Context<AppEnv>, id: string): Promise<Batch> {
  const batch = await findBatch(c.env.DB, c.get('accountId'), id);
  if (!batch) throw new ApiError('not_found', 'No batch with this id.');
  return batch;
}

export const batchesApi = createApiApp();

batchesApi.openAPIRegistry.registerPath({
  method: 'post',
  path: '/translate',
  tags: ['Batches'],
  summary: 'Create a batch of up to 20 images × 10 languages',
  description:
    'Validated whole before anything is stored: one bad file rejects the batch, naming it in `details[].field` (e.g. `images[2]`, 0-based). ' +
    'Send `Idempotency-Key` to make retries safe: the same request with the same key returns the original batch (201, `Idempotent-Replayed: true`); ' +
    'a different request (other files, languages or options) with a key already used → 409 `conflict`.',
  security,
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeader.optional() }),
    body: { content: { 'multipart/form-data': { schema: BatchFormSchema } }, required: true },
  },
  responses: {
    201: { description: 'The batch was created (or replayed for a repeated Idempotency-Key).', content: { 'application/json': { schema: BatchCreatedSchema } } },
    ...errorResponses(400, 409, 413, 415, 422, 429, 503),
  },
});

// Registered by hand (not through the zod form validator) because uploads are streamed, not buffered.
batchesApi.post('/translate', async (c) => {
  const config = readConfig(c.env);
  const rawKey = c.req.header('idempotency-key');
  const key = rawKey === undefined ? undefined : IdempotencyKeyHeader.safeParse(rawKey);
  if (key && !key.success) {
    throw new ApiError('invalid_request', 'Idempotency-Key must be 1–255 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'Invalid header value.' }]);
  }
  const { batch, replayed } = await createBatch(c.env, config, { request: c.req.raw, accountId: c.get('accountId'), idempotencyKey: key?.data });
  if (replayed) c.header('Idempotent-Replayed', 'true');
  c.header('Location', `/api/v1/batch/${batch.id}`);
  return c.json(
    { batch_id: batch.id, status: batch.status, total_images: batch.totalImages, target_languages: batch.targetLanguages, created_at: batch.createdAt },
    201,
  );
});

batchesApi
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Batches'],
      summary: "List the account's batches, newest first",
      security,
      request: { query: BatchListQuerySchema },
      responses: { 200: { description: 'One page of batches.', content: { 'application/json': { schema: BatchListSchema } } }, ...errorResponses(400, 503) },
    }),
    async (c) => {
      const { page = 1, limit = 20 } = c.req.valid('query');
      const { batches, total } = await listBatches(c.env.DB, c.get('accountId'), page, limit);
      return c.json({ batches: batches.map(presentBatchSummary), page, limit, total }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{batch_id}',
      tags: ['Batches'],
      summary: 'Get a batch with its images and outputs',
      security,
      request: { params: BatchParams },
      responses: { 200: { description: 'The batch.', content: { 'application/json': { schema: BatchSchema } } }, ...errorResponses(404, 503) },
    }),
    async (c) => c.json(await batchResponse(c, await requireBatch(c, c.req.valid('param').batch_id)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{batch_id}/cancel',
      tags: ['Batches'],
      summary: 'Cancel a pending or processing batch',
      description: 'No new work starts; finished outputs stay available; the concurrency slot is freed at once. A finished batch → 409.',
      security,
      request: { params: BatchParams },
      responses: { 200: { description: 'The cancelled batch.', content: { 'application/json': { schema: BatchSchema } } }, ...errorResponses(404, 409, 503) },
    }),
    async (c) => {
      const result = await cancelBatch(c.env.DB, c.get('accountId'), c.req.valid('param').batch_id);
      if (result.outcome === 'not_found') throw new ApiError('not_found', 'No batch with this id.');
      if (result.outcome === 'already_finished') {
        throw new ApiError('conflict', `The batch has already finished (status: ${result.batch.status}); only pending or processing batches can be cancelled.`);
      }
      await accountLimiter(c.env, c.get('accountId')).releaseBatchSlot(result.batch.id);
      return c.json(await batchResponse(c, result.batch), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{batch_id}/images/{image_id}',
      tags: ['Batches'],
      summary: 'Get one image of a batch with its regions per language (extension)',
      security,
      request: { params: BatchParams.extend({ image_id: z.string().openapi({ param: { name: 'image_id', in: 'path' } }) }) },
      responses: { 200: { description: 'The image.', content: { 'application/json': { schema: BatchImageDetailSchema } } }, ...errorResponses(404, 503) },
    }),
    async (c) => {
      const { batch_id, image_id } = c.req.valid('param');
      const batch = await requireBatch(c, batch_id);
      const image = await findBatchImage(c.env.DB, c.get('accountId'), batch.id, image_id);
      if (!image) throw new ApiError('not_found', 'No image with this id in this batch.');
      const outputs = (await listOutputs(c.env.DB, batch.id)).filter((o) => o.imageId === image.id);
      return c.json(await presentBatchImageDetail(c.env.DB, batch, image, outputs, urlSigner(readConfig(c.env), c.req.url)), 200);
    },
  );

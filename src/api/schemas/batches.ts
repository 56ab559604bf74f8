/** Response shapes of the batch endpoints (API.md "POST /api/v1/batch/translate" and after). */
import { z } from '@hono/zod-openapi';
import { RegionSchema, TimestampSchema } from './common';

const BatchStatus = z.enum(['pending', 'processing', 'completed', 'partially_completed', 'failed', 'cancelled']);
const ImageStatus = z.enum(['pending', 'processing', 'completed', 'failed', 'cancelled']);

export const BatchCreatedSchema = z
  .object({
    batch_id: z.string().openapi({ example: 'batch_abc123' }),
    status: BatchStatus,
    total_images: z.number().int(),
    target_languages: z.array(z.string()),
    created_at: TimestampSchema,
  })
  .openapi('BatchCreated');

export const BatchSummarySchema = z
  .object({
    batch_id: z.string(),
    status: BatchStatus,
    total_images: z.number().int(),
    completed_count: z.number().int(),
    failed_count: z.number().int(),
    target_languages: z.array(z.string()),
    created_at: TimestampSchema,
  })
  .openapi('BatchSummary');

const OutputUrlsSchema = z
  .object({ translated_image_url: z.url(), original_image_url: z.url(), clean_image_url: z.url() })
  .openapi('OutputUrls');

export const BatchImageSchema = z
  .object({
    image_id: z.string(),
    original_filename: z.string().nullable(),
    status: ImageStatus,
    error: z.object({ code: z.string(), message: z.string() }).optional().openapi({ description: '(extension) Why the image failed.' }),
    outputs: z.record(z.string(), OutputUrlsSchema).openapi({ description: 'One entry per target language that has finished for this image.' }),
  })
  .openapi('BatchImage');

export const BatchSchema = BatchSummarySchema.extend({
  completed_at: TimestampSchema.nullable(),
  webhook: z
    .object({ status: z.string(), attempts: z.number().int(), last_status_code: z.number().int().nullable() })
    .optional()
    .openapi({ description: '(extension) Delivery state of the webhook, when the batch has a webhook_url.' }),
  images: z.array(BatchImageSchema),
}).openapi('Batch');

export const BatchListSchema = z
  .object({ batches: z.array(BatchSummarySchema), page: z.number().int(), limit: z.number().int(), total: z.number().int() })
  .openapi('BatchList');

export const BatchImageDetailSchema = BatchImageSchema.extend({
  source_lang: z.string().nullable(),
  regions: z.record(z.string(), z.array(RegionSchema)).openapi({ description: 'Regions per finished target language, shaped as in the synchronous response.' }),
}).openapi('BatchImageDetail');

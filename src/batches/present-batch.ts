/** Shapes batches for the API (GET /batch/{id}, GET /batch, cancel, webhooks), signing fresh URLs each time. */
import type { Batch } from '../db/batches';
import type { BatchImage, ImageOutput } from '../db/batch-images';
import type { WebhookDeliverySummary } from '../db/webhook-deliveries';
import type { UrlSigner } from '../storage/public-url';

export function presentBatchSummary(batch: Batch) {
  return {
    batch_id: batch.id,
    status: batch.status,
    total_images: batch.totalImages,
    completed_count: batch.completedCount,
    failed_count: batch.failedCount,
    target_languages: batch.targetLanguages,
    created_at: batch.createdAt,
  };
}

export async function presentBatch(
  batch: Batch,
  images: BatchImage[],
  outputs: ImageOutput[],
  webhook: WebhookDeliverySummary | null,
  sign: UrlSigner,
) {
  const outputsByImage = new Map<string, ImageOutput[]>();
  for (const output of outputs) {
    const list = outputsByImage.get(output.imageId) ?? [];
    list.push(output);
    outputsByImage.set(output.imageId, list);
  }
  return {
    ...presentBatchSummary(batch),
    completed_at: batch.completedAt,
    ...(batch.webhookUrl
      ? { webhook: webhook ? { status: webhook.status, attempts: webhook.attempts, last_status_code: webhook.lastStatusCode } : { status: 'not_sent', attempts: 0, last_status_code: null } }
      : {}),
    images: await Promise.all(images.map((image) => presentImage(image, outputsByImage.get(image.id) ?? [], batch.targetLanguages, sign))),
  };
}

async function presentImage(image: BatchImage, outputs: ImageOutput[], languageOrder: string[], sign: UrlSigner) {
  const finished = outputs
    .filter((o) => o.status === 'completed' && o.translatedKey && image.cleanKey)
    .sort((a, b) => languageOrder.indexOf(a.lang) - languageOrder.indexOf(b.lang));
  const entries = await Promise.all(
    finished.map(async (o) => {
      const [translated, original, clean] = await Promise.all([sign(o.translatedKey!), sign(image.originalKey), sign(image.cleanKey!)]);
      return [o.lang, { translated_image_url: translated, original_image_url: original, clean_image_url: clean }] as const;
    }),
  );
  return {
    image_id: image.id,
    original_filename: image.originalFilename,
    status: image.status,
    ...(image.status === 'failed' && image.errorCode ? { error: { code: image.errorCode, message: image.errorMessage ?? '' } } : {}),
    outputs: Object.fromEntries(entries),
  };
}

/** Shapes one batch image with its regions per finished language (GET /batch/{id}/images/{image_id}). */
import type { BatchImage, ImageOutput } from '../db/batch-images';
import type { Batch } from '../db/batches';
import { listRegions, listRegionTranslations } from '../db/regions';
import type { UrlSigner } from '../storage/public-url';
import { presentBatch } from './present-batch';

export async function presentBatchImageDetail(db: D1Database, batch: Batch, image: BatchImage, outputs: ImageOutput[], sign: UrlSigner) {
  const [regions, translations, presented] = await Promise.all([
    listRegions(db, image.id),
    listRegionTranslations(db, image.id),
    presentBatch(batch, [image], outputs, null, sign),
  ]);
  const finishedLangs = outputs
    .filter((o) => o.status === 'completed')
    .map((o) => o.lang)
    .sort((a, b) => batch.targetLanguages.indexOf(a) - batch.targetLanguages.indexOf(b));
  const regionsByLang = Object.fromEntries(
    finishedLangs.map((lang) => [
      lang,
      regions.map((r) => ({
        id: `region_${r.position + 1}`,
        original_text: r.originalText,
        translated_text: translations.get(lang)?.get(r.position) ?? r.originalText,
        confidence: r.confidence,
        bounding_box: r.box,
        ...(r.excluded ? { excluded: true } : {}),
      })),
    ]),
  );
  return { ...presented.images[0], source_lang: image.sourceLang, regions: regionsByLang };
}

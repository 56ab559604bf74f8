/** POST /api/v1/translate-image — translate the text in one image, synchronously. */
import { z } from '@hono/zod-openapi';
import { readConfig } from '../config';
import { engineNotice } from '../translate';
import { CONTENT_TYPES } from '../pipeline/image/probe';
import { StageTimer } from '../pipeline/stage-timer';
import { translateImage, type TranslatedImage } from '../pipeline/translate-image';
import type { ImageFormat } from '../pipeline/types';
import { sha256Hex } from '../security/hashing';
import { newId } from '../security/random';
import { r2AnalysisStore } from '../storage/analysis-store';
import { imageObjectKey, type ImageRole } from '../storage/object-keys';
import { urlSigner } from '../storage/public-url';
import { createApiApp, errorResponses } from './openapi-app';
import { pipelineDependencies } from './pipeline-dependencies';
import { pipelineError } from './pipeline-errors';
import { presentRegions } from './present-translation';
import { rateLimit } from './rate-limit';
import { RegionSchema } from './schemas/common';
import { TranslateImageFormSchema } from './schemas/requests';
import { readTranslateImageForm } from './translate-image-form';

export const TranslateImageResponseSchema = z
  .object({
    original_image_url: z.url(),
    translated_image_url: z.url(),
    clean_image_url: z.url(),
    source_lang: z.string().openapi({ description: '(extension) The given or detected source language.' }),
    target_lang: z.string().openapi({ description: '(extension) Echoes the request.' }),
    regions: z.array(RegionSchema),
    output_width: z.number().int().optional().openapi({ description: '(extension) Set when outputs were made at a working size (inputs over 16 MP).' }),
    output_height: z.number().int().optional(),
    translation_engine: z.string().nullable().optional().openapi({ description: '(extension) The engine that translated the text (null when nothing needed translating).' }),
    translation_notice: z.string().optional().openapi({ description: '(extension) Present when the engine is the offline development dictionary: its output is not machine translation.' }),
  })
  .openapi('TranslateImageResult');

export const translateImageApi = createApiApp();

translateImageApi.openAPIRegistry.registerPath({
  method: 'post',
  path: '/',
  tags: ['Translate'],
  summary: 'Translate the text in one image',
  description: 'The response carries a `Server-Timing` header with the time of each pipeline stage.',
  security: [{ bearerAuth: [] }],
  request: { body: { content: { 'multipart/form-data': { schema: TranslateImageFormSchema } }, required: true } },
  responses: {
    200: { description: 'The three images and every text region.', content: { 'application/json': { schema: TranslateImageResponseSchema } } },
    ...errorResponses(400, 413, 415, 422, 429, 502, 503),
  },
});

// Registered by hand (not through the zod form validator) because the upload is streamed with limits.
translateImageApi.post(
  '/',
  rateLimit('translate-image', (env) => readConfig(env).TRANSLATE_RATE_LIMIT_PER_MINUTE),
  async (c) => {
    const started = performance.now();
    const config = readConfig(c.env);
    const accountId = c.get('accountId');
    const form = await readTranslateImageForm(c.req.raw);
    const { translator, models } = pipelineDependencies(c.env);
    const timer = new StageTimer();
    const outputFormat = form.fields.output_format ?? form.probe.format;
    const contentSha256 = await sha256Hex(form.bytes);

    let result: TranslatedImage;
    try {
      result = await translateImage(
        {
          bytes: form.bytes,
          format: form.probe.format,
          contentSha256,
          targetLang: form.fields.target_lang,
          sourceLang: form.fields.source_lang,
          excludeText: form.fields.exclude_text,
          outputFormat,
        },
        { models, translator, images: c.env.IMAGES, store: r2AnalysisStore(c.env.BUCKET, accountId), timer, waitUntil: (work) => c.executionCtx.waitUntil(work) },
      );
    } catch (error) {
      throw pipelineError(error);
    }

    const requestScope = newId('req');
    const imageId = newId('img');
    const keyOf = (role: ImageRole, format: ImageFormat) => imageObjectKey(accountId, requestScope, imageId, role, format);
    const objects = [
      { key: keyOf('original', form.probe.format), body: form.bytes, format: form.probe.format },
      { key: keyOf('clean', outputFormat), body: result.clean, format: outputFormat },
      { key: keyOf(`translated-${form.fields.target_lang}`, outputFormat), body: result.translated, format: outputFormat },
    ];
    await timer.time('store', () => storeAll(c.env.BUCKET, objects, { account: accountId, ...(form.filename ? { filename: form.filename } : {}) }));

    const sign = urlSigner(config, c.req.url);
    const [originalUrl, cleanUrl, translatedUrl] = await Promise.all(objects.map((o) => sign(o.key)));
    const original = { width: form.probe.width, height: form.probe.height };
    const reduced = result.analysis.scale < 1;

    const totalMs = performance.now() - started;
    c.header('Server-Timing', `${timer.serverTiming()}, total;dur=${totalMs.toFixed(1)}`);
    console.log(
      JSON.stringify({
        level: 'info',
        event: 'translate_image',
        request_id: c.get('requestId'),
        account_id: accountId,
        input: { bytes: form.bytes.byteLength, format: form.probe.format, width: original.width, height: original.height },
        output: { format: outputFormat, width: result.analysis.width, height: result.analysis.height, clean_bytes: result.clean.byteLength, translated_bytes: result.translated.byteLength },
        source_lang: result.analysis.sourceLang,
        detected: result.analysis.detected,
        target_lang: form.fields.target_lang,
        regions: result.analysis.regions.length,
        engine: result.translations.engine,
        analysis_reused: result.analysisReused,
        stages_ms: timer.toJSON(),
        total_ms: Math.round(totalMs),
      }),
    );

    const notice = engineNotice(result.translations.engine);
    return c.json(
      {
        original_image_url: originalUrl,
        translated_image_url: translatedUrl,
        clean_image_url: cleanUrl,
        source_lang: result.analysis.sourceLang,
        target_lang: form.fields.target_lang,
        regions: presentRegions(result, original),
        ...(reduced ? { output_width: result.analysis.width, output_height: result.analysis.height } : {}),
        translation_engine: result.translations.engine,
        ...(notice ? { translation_notice: notice } : {}),
      },
      200,
    );
  },
);

/** Stores every object or none: if one write fails, the others are deleted before the error surfaces. */
async function storeAll(bucket: R2Bucket, objects: { key: string; body: Uint8Array; format: ImageFormat }[], metadata: Record<string, string>) {
  const results = await Promise.allSettled(
    objects.map((o) => bucket.put(o.key, o.body, { httpMetadata: { contentType: CONTENT_TYPES[o.format] }, customMetadata: metadata })),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await bucket.delete(objects.map((o) => o.key)).catch(() => undefined);
    throw failed.reason;
  }
}

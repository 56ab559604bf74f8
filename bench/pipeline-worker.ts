/**
 * Worker run by bench/render.mjs: the real pipeline (translateImage) on a posted image, with the
 * translator the configuration names (offline by default), no storage. Answers with the regions, the
 * translations, the stage times and — unless `?images=0` — both output pictures in base64, so the
 * driver can judge them with the native OCR and write them out to look at.
 */
import { isLanguageCode } from '../src/languages';
import { FULL_RESOLUTION_LIMIT } from '../src/pipeline/image/decode-image';
import { probeImage } from '../src/pipeline/image/probe';
import { assetModelSource } from '../src/pipeline/ocr/models';
import { engineHeapBytes } from '../src/pipeline/ocr/tesseract-engine';
import { StageTimer } from '../src/pipeline/stage-timer';
import { translateImage } from '../src/pipeline/translate-image';
import { toBase64 } from '../src/security/encoding';
import { createTranslator } from '../src/translate';

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const bytes = new Uint8Array(await request.arrayBuffer());
    const probe = probeImage(bytes);
    if (!probe.ok) return Response.json({ error: probe.message }, { status: 422 });
    const source = url.searchParams.get('source') ?? '';
    const target = url.searchParams.get('target') ?? 'en';
    const format = url.searchParams.get('format');
    if (!isLanguageCode(target)) return Response.json({ error: 'bad target' }, { status: 400 });
    const timer = new StageTimer();
    const result = await translateImage(
      {
        bytes,
        format: probe.image.format,
        contentSha256: 'bench',
        targetLang: target,
        sourceLang: isLanguageCode(source) ? source : undefined,
        excludeText: url.searchParams.get('exclude') ?? undefined,
        outputFormat: format === 'png' || format === 'jpeg' || format === 'webp' ? format : probe.image.format,
      },
      { models: assetModelSource(env.ASSETS), translator: createTranslator(env), images: env.IMAGES, timer },
    );
    const withImages = url.searchParams.get('images') !== '0';
    return Response.json({
      width: result.analysis.width,
      height: result.analysis.height,
      scale: result.analysis.scale,
      fullResolutionLimit: FULL_RESOLUTION_LIMIT,
      sourceLang: result.analysis.sourceLang,
      engine: result.translations.engine,
      regions: result.analysis.regions.map((region, i) => ({
        text: region.text,
        translation: result.translations.texts[i],
        box: region.box,
        drawn: result.analysis.styles[i] !== null,
        style: result.analysis.styles[i],
      })),
      stages: timer.toJSON(),
      tesseractHeapBytes: await engineHeapBytes(),
      bytes: { clean: result.clean.length, translated: result.translated.length },
      ...(withImages ? { clean: toBase64(result.clean), translated: toBase64(result.translated) } : {}),
    });
  },
} satisfies ExportedHandler<Env>;

// wrangler.toml binds this Durable Object class, so every entrypoint run with it must export it.
export { AccountLimiter } from '../src/limits/account-limiter';

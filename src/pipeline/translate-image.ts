/**
 * Translating one image, end to end, as a plain function: the synchronous endpoint calls it, and batch
 * jobs call its two halves (image-analysis.ts, translated-rendering.ts). No HTTP, no D1: storage of the
 * reusable analysis goes through the AnalysisStore interface.
 *
 *   decode → OCR → remove text → encode clean   (skipped when the analysis of the same image is stored)
 *              ↘ translate (started as soon as the text is read) → render → encode translated
 */
import type { LanguageCode } from '../languages';
import { sha256Hex } from '../security/hashing';
import type { Translator } from '../translate';
import type { AnalysisId, AnalysisStore } from './analysis-store';
import { parseExcludeText } from './exclude-text';
import { withHeavyWorkSlot } from './heavy-work-gate';
import { analyzeImage, decodeUpload, type ImageAnalysis, type RecognizedText } from './image-analysis';
import { encodeImage } from './image/encode-image';
import type { ModelSource } from './ocr/models';
import type { StageTimer } from './stage-timer';
import { drawTranslations, translateRegions, type RegionTranslations } from './translated-rendering';
import type { ImageFormat, RgbaImage } from './types';

export interface TranslateImageInput {
  bytes: Uint8Array;
  format: ImageFormat;
  /** SHA-256 (hex) of `bytes`: with the source language and exclude patterns, the key of the stored analysis. */
  contentSha256: string;
  targetLang: LanguageCode;
  sourceLang?: LanguageCode;
  excludeText?: string;
  outputFormat: ImageFormat;
}

export interface TranslateImageDeps {
  models: ModelSource;
  translator: Translator;
  images?: ImagesBinding;
  /** Reuse of analyses across requests (scoped to one account); omit to always analyse. */
  store?: AnalysisStore;
  timer: StageTimer;
  /** Absolute time by which translation must have answered. */
  deadline?: number;
  /** Keeps background work (the cache write) alive after the response (ExecutionContext.waitUntil). */
  waitUntil?: (work: Promise<unknown>) => void;
  /** Without waitUntil, background work is collected here for the caller to await. */
  pending?: Promise<unknown>[];
}

export interface TranslatedImage {
  analysis: ImageAnalysis;
  translations: RegionTranslations;
  clean: Uint8Array;
  translated: Uint8Array;
  outputFormat: ImageFormat;
  /** True when OCR and text removal were skipped because the analysis was stored. */
  analysisReused: boolean;
}

/** Runs the whole pipeline for one image and one target language. */
export function translateImage(input: TranslateImageInput, deps: TranslateImageDeps): Promise<TranslatedImage> {
  const queued = performance.now();
  return withHeavyWorkSlot(async () => {
    deps.timer.add('queue', performance.now() - queued);
    const excludePatterns = parseExcludeText(input.excludeText);
    const key = await analysisId(input, excludePatterns);
    // Translation is started as soon as the text is known and awaited only when the picture needs it:
    // for a network engine its latency overlaps text removal and encoding.
    let translating: Promise<RegionTranslations> | undefined;
    const translate = (text: RecognizedText) => {
      translating = translateRegions(text, input.targetLang, deps.translator, deps.timer, { deadline: deps.deadline });
      translating.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    };

    const stored = deps.store ? await deps.timer.time('cache', () => deps.store!.get(key)) : null;
    let analysis: ImageAnalysis;
    let cleanPixels: () => Promise<RgbaImage>;
    let cleanBytes: Uint8Array;
    if (stored) {
      analysis = stored.analysis;
      translate(analysis);
      // Decoded (once) only where the pixels are needed: to re-encode them, or to draw on them.
      let decoded: Promise<RgbaImage> | undefined;
      cleanPixels = () => (decoded ??= decodeUpload(stored.clean, stored.cleanFormat, deps).then((d) => d.image));
      cleanBytes = stored.cleanFormat === input.outputFormat ? stored.clean : await encode(await cleanPixels(), input.outputFormat, deps);
    } else {
      const fresh = await analyzeImage(input.bytes, { format: input.format, sourceLang: input.sourceLang, excludePatterns }, { ...deps, onRecognized: translate });
      analysis = fresh.analysis;
      cleanPixels = async () => fresh.clean;
      cleanBytes = await encode(fresh.clean, input.outputFormat, deps);
      // Stored off the critical path where the caller allows it: the bytes are final, nothing races.
      if (deps.store) persist(deps, deps.store.put(key, { analysis, clean: cleanBytes, cleanFormat: input.outputFormat }));
    }

    const translations = await translating!;
    let translated: Uint8Array;
    if (analysis.sourceLang === input.targetLang) {
      // Nothing to translate: the "translated" picture is the original itself.
      translated = input.format === input.outputFormat && analysis.scale === 1 ? input.bytes : await encode((await decodeUpload(input.bytes, input.format, deps)).image, input.outputFormat, deps);
    } else if (!analysis.styles.some((style) => style !== null)) {
      // No text to redraw: the translated picture is the clean one (which is then the original's pixels).
      translated = cleanBytes;
    } else {
      translated = await encode(await drawTranslations(await cleanPixels(), analysis, translations, deps.timer), input.outputFormat, deps);
    }
    return { analysis, translations, clean: cleanBytes, translated, outputFormat: input.outputFormat, analysisReused: stored !== null };
  });
}

/** Hands a background write to the caller (waitUntil), or waits for it when there is no one to hand it to. */
function persist(deps: TranslateImageDeps, write: Promise<void>): void {
  const logged = write.catch((error) => console.warn(JSON.stringify({ level: 'warn', event: 'analysis_cache_write_failed', message: String(error) })));
  if (deps.waitUntil) deps.waitUntil(logged);
  else deps.pending?.push(logged);
}

function encode(image: RgbaImage, format: ImageFormat, deps: Pick<TranslateImageDeps, 'images' | 'timer'>): Promise<Uint8Array> {
  return deps.timer.time('encode', () => encodeImage(image, format, deps.images));
}

async function analysisId(input: TranslateImageInput, excludePatterns: string[]): Promise<AnalysisId> {
  const patterns = excludePatterns.map((p) => p.toLowerCase()).sort().join('\u0000');
  // The first 8 bytes of the digest (16 hex characters) name the pattern set in cache keys.
  return { contentSha256: input.contentSha256, sourceLang: input.sourceLang ?? 'auto', excludeHash: patterns ? (await sha256Hex(patterns)).slice(0, 16) : 'none' };
}

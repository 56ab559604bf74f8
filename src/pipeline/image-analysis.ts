/**
 * The language-independent half of translating an image: decode, find and read the text, remove it.
 * Its result — the analysis (regions, styles, language) plus the clean picture — depends only on the
 * image, the source language and exclude_text, so it is computed once and reused for every target
 * language: by the synchronous endpoint through its content-hash cache, and by batch jobs.
 */
import type { LanguageCode } from '../languages';
import { decodeImage } from './image/decode-image';
import { probeImage } from './image/probe';
import { recognizeText } from './ocr/recognize-text';
import { LARGE_PICTURE_PIXELS, releaseEngines } from './ocr/tesseract-engine';
import type { ModelSource } from './ocr/models';
import { fillMasks, planRemoval } from './render/remove-text';
import type { StageTimer } from './stage-timer';
import type { ImageFormat, RegionStyle, RgbaImage, TextRegion } from './types';

/**
 * Makes room for the pixels of a picture of `width` × `height`: over LARGE_PICTURE_PIXELS it is decoded
 * and drawn on (masked, inpainted, rendered, encoded) without the Tesseract instances (16–64 MiB of heap)
 * kept alongside; at 16 MP the RGBA alone is 64 MiB of the isolate's 128 MB.
 */
export async function makeRoomFor(width: number, height: number): Promise<void> {
  if (width * height > LARGE_PICTURE_PIXELS) await releaseEngines();
}

/** Bumped whenever the shape or meaning of a stored analysis changes, so old cache entries are ignored. */
export const ANALYSIS_VERSION = 1;

export interface ImageAnalysis {
  version: typeof ANALYSIS_VERSION;
  sourceLang: LanguageCode;
  /** True when sourceLang was detected from the text rather than given. */
  detected: boolean;
  /** Every region found, in the pixels of the working image (see `scale`). */
  regions: TextRegion[];
  /** One style per region (null for regions left untouched: no letters, or wholly excluded). */
  styles: (RegionStyle | null)[];
  /** Size of the working image, which is also the size of the output images. */
  width: number;
  height: number;
  /** Working width / original width: 1 at full resolution, < 1 for images over the full-resolution limit. */
  scale: number;
}

export interface AnalysisDeps {
  models: ModelSource;
  images?: ImagesBinding;
  timer: StageTimer;
  /**
   * Told the text as soon as it is read, before the (slower) removal: the caller can start translating
   * — network I/O for most engines — while the isolate inpaints.
   */
  onRecognized?: (text: RecognizedText) => void;
}

/** What translation needs of an analysis: the regions and their language. */
export type RecognizedText = Pick<ImageAnalysis, 'regions' | 'sourceLang'>;

/** Thrown when the bytes passed the header checks but cannot be decoded (corrupt or truncated data). */
export class ImageDecodeError extends Error {
  constructor(cause: unknown) {
    super(`The image could not be decoded: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ImageDecodeError';
  }
}

/**
 * Decodes an upload to upright RGBA at the working size, mapping decoder failures to ImageDecodeError.
 * Room is made first for a large picture (makeRoomFor): every full-size decode comes through here.
 */
export async function decodeUpload(bytes: Uint8Array, format: ImageFormat, deps: Pick<AnalysisDeps, 'images' | 'timer'>) {
  const probe = probeImage(bytes);
  if (probe.ok) await makeRoomFor(probe.image.width, probe.image.height);
  try {
    return await deps.timer.time('decode', () => decodeImage(bytes, { format, images: deps.images }));
  } catch (error) {
    throw new ImageDecodeError(error);
  }
}

/** A region is redrawn only if it has letters and is not wholly excluded; others keep their pixels. */
export function isTranslatable(region: TextRegion): boolean {
  const outsideExcluded = region.text.split('').filter((_, i) => !region.excludedSpans.some((s) => i >= s.start && i < s.end)).join('');
  return /\p{L}/u.test(outsideExcluded);
}

/**
 * Reads and removes the text of one image. Returns the analysis and the clean picture (the decoded
 * buffer, modified in place: the isolate cannot afford a second full-size copy).
 */
export async function analyzeImage(
  bytes: Uint8Array,
  options: { format: ImageFormat; sourceLang?: LanguageCode; excludePatterns: string[] },
  deps: AnalysisDeps,
): Promise<{ analysis: ImageAnalysis; clean: RgbaImage }> {
  const { image, scale } = await decodeUpload(bytes, options.format, deps);
  const ocr = await deps.timer.time('ocr', () =>
    recognizeText(image, { sourceLang: options.sourceLang, excludePatterns: options.excludePatterns, models: deps.models, images: deps.images }),
  );
  deps.onRecognized?.({ regions: ocr.regions, sourceLang: ocr.sourceLang });
  await makeRoomFor(image.width, image.height);
  const translatable = ocr.regions.map(isTranslatable);
  const toRemove = ocr.regions.filter((_, i) => translatable[i]);
  const plans = await deps.timer.time('mask', () => planRemoval(image, toRemove));
  await deps.timer.time('inpaint', () => fillMasks(image, plans));
  let next = 0;
  const styles = ocr.regions.map((_, i) => (translatable[i] ? plans[next++].style : null));
  return {
    analysis: {
      version: ANALYSIS_VERSION,
      sourceLang: ocr.sourceLang,
      detected: ocr.detected,
      regions: ocr.regions,
      styles,
      width: image.width,
      height: image.height,
      scale,
    },
    clean: image,
  };
}

/**
 * Where an image's analysis and clean picture are kept for reuse. The pipeline only sees this
 * interface; src/storage provides the R2 implementation.
 */
import type { LanguageCode } from '../languages';
import type { ImageAnalysis } from './image-analysis';
import type { ImageFormat } from './types';

export interface StoredAnalysis {
  analysis: ImageAnalysis;
  /**
   * The clean picture at the analysis's working size, in the format it was first delivered in: storing
   * the bytes already encoded for the client costs no second encode (PNG stays lossless; a JPEG or WebP
   * clean image is reused at the quality it was sent at).
   */
  clean: Uint8Array;
  cleanFormat: ImageFormat;
}

/** What an analysis depends on: the image bytes, the source language setting and the exclude patterns. */
export interface AnalysisId {
  contentSha256: string;
  sourceLang: LanguageCode | 'auto';
  /** A short hash of the normalised exclude_text patterns, or 'none'. */
  excludeHash: string;
}

export interface AnalysisStore {
  get(id: AnalysisId): Promise<StoredAnalysis | null>;
  put(id: AnalysisId, value: StoredAnalysis): Promise<void>;
}

/**
 * The shapes the image pipeline passes between its stages. OCR (src/pipeline/ocr), text removal and
 * rendering (src/pipeline/render), translation (src/translate) and the orchestration that joins them
 * all speak these types, so each half can be built and tested on its own.
 *
 * Coordinates are pixels of the image the stage was given, origin top-left, after EXIF orientation.
 */
import type { LanguageCode } from '../languages';

/** Straight (not premultiplied) RGBA, row-major, 4 bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  box: Box;
  /** True when the word is part of text matched by an exclude_text pattern. */
  excluded: boolean;
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  box: Box;
  words: OcrWord[];
}

/** Character offsets [start, end) into TextRegion.text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A block of text that reads as one unit: a line, or the lines of one sign or paragraph. */
export interface TextRegion {
  /** Lines joined with '\n'. */
  text: string;
  /** 0..1 */
  confidence: number;
  box: Box;
  lines: OcrLine[];
  /** Spans of `text` matched by exclude_text: never translated, their pixels left untouched. */
  excludedSpans: TextSpan[];
  /**
   * The region's own language, where its text clearly reads as another than the image's (the Spanish
   * line of a bilingual sign); translated from it. Absent: the image's language.
   */
  language?: LanguageCode;
}

export interface OcrResult {
  regions: TextRegion[];
  /** The language given by the client, or the one detected from the text. */
  sourceLang: LanguageCode;
  /** True when sourceLang was detected rather than given. */
  detected: boolean;
}

export type Rgb = [number, number, number];

/**
 * How a region's text looked, estimated from its pixels when the text is removed, and used to draw the
 * translation in its place. Sizes are in pixels of the image the region was found in.
 */
export interface RegionStyle {
  /** Colour of the letters. */
  textColor: Rgb;
  /** Colour of the background around the letters (the median of the box border). */
  backgroundColor: Rgb;
  /** Font size (em) that reproduces the original letters' height. */
  fontSize: number;
  /** Distance between baselines of consecutive lines; for one line, about 1.2 × fontSize. */
  lineHeight: number;
  bold: boolean;
  /** Stroke width / fontSize as measured, what `bold` was decided from (absent where styles are made up). */
  strokeRatio?: number;
  align: 'left' | 'center' | 'right';
  /** A contour around the letters, where the original has one or where contrast would be poor. */
  outline: { color: Rgb; width: number } | null;
  /** Where the translation may be drawn: the region's box, never beyond content that is not ours. */
  box: Box;
  /**
   * How far the text is turned clockwise, in degrees: 90 reads top to bottom, 180 is upside down, 270
   * reads bottom to top. Absent or 0 for upright text. The other sizes are measured along the text.
   */
  rotation?: 0 | 90 | 180 | 270;
}

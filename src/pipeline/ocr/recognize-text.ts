/**
 * OCR for one upright image: text regions with confidences and boxes, and the source language.
 *
 * 1. A grey working copy of at most ~3 MP (inputs may be 16 MP).
 * 2. Text lines are found before recognition (text-detection.ts), in both polarities; if the lines run
 *    vertically the page is turned 90°, and weak readings are checked upside down, so content rotated by
 *    90°, 180° or 270° is read upright.
 * 3. Each line is read on its own, normalised to black on white at a good size (line-recognition.ts):
 *    with the client's language model, or, when the language is not given, with the compact Latin model,
 *    then the language is detected from that text and lines the Latin model was unsure of are read again
 *    with the detected language's model, keeping whichever reading is more confident.
 * 4. Lines are grouped into regions, noise dropped, exclude_text marked, and every box mapped back to the
 *    pixels of the image given.
 */
import type { OCREngine } from 'tesseract-wasm';
import type { LanguageCode } from '../../languages';
import { markExcluded, excludeMatcher } from '../exclude-text';
import { detectLanguage, FALLBACK_LANGUAGE } from '../language/detect-language';
import type { Box, OcrResult, RgbaImage, TextRegion } from '../types';
import { grayScaled, rotateGray, type GrayImage } from './gray-image';
import { recognizeLine, type LineReading } from './line-recognition';
import { LATIN_MODEL, modelFileFor, type ModelSource } from './models';
import { withEngine } from './tesseract-engine';
import { detectTextLines, type LineCandidate } from './text-detection';
import { groupRegions, keepWord, type ReadFragment } from './text-regions';

export interface RecognizeOptions {
  /** The client's source language; omitted → detected from the text. */
  sourceLang?: LanguageCode;
  /** exclude_text patterns (see exclude-text.ts). */
  excludePatterns?: string[];
  models: ModelSource;
  /**
   * Accepted for the pipeline's sake but not needed: the caller already holds decoded pixels, and the
   * working copy is made from them in one pass (see DESIGN.md on memory).
   */
  images?: ImagesBinding;
}

/** Working copies are at most this many pixels. */
const WORKING_PIXELS = 3_000_000;
/** Lines the first (Latin) pass read at least this confidently are not read again. */
const REREAD_BELOW = 0.9;
/** Below this mean confidence on its strongest lines, the page is also tried upside down. */
const UPRIGHT_DOUBT = 0.75;

let runs = 0;

/** How many times recognizeText has run in this isolate (lets tests see that a cached result skipped OCR). */
export function ocrRunCount(): number {
  return runs;
}

/** Finds and reads the text of `image` (already upright per EXIF). Boxes are in pixels of `image`. */
export async function recognizeText(image: RgbaImage, options: RecognizeOptions): Promise<OcrResult> {
  runs++;
  const scale = Math.min(1, Math.sqrt(WORKING_PIXELS / (image.width * image.height)));
  const working = grayScaled(image, scale);

  const { regions, sourceLang, detected } = await withEngine(options.models, async (engineFor) => {
    const firstModel = options.sourceLang ? modelFileFor(options.sourceLang) : LATIN_MODEL;
    const first = await engineFor(firstModel);
    const page = orientPage(first, working);
    let readings = page.lines.map((line) => recognizeLine(first, page.gray, line));

    let language = options.sourceLang;
    if (!language) {
      const text = readings.map((r) => r.words.filter(keepWord).map((w) => w.text).join(' ')).filter(Boolean);
      language = text.length ? (await detectLanguage(text, options.models)).language : FALLBACK_LANGUAGE;
      readings = await rereadWeakLines(await engineFor(modelFileFor(language)), page.gray, page.lines, readings);
    }
    const fragments: ReadFragment[] = readings.map((reading, i) => ({
      words: reading.words,
      charHeight: page.lines[i].charHeight,
    }));
    const grouped = groupRegions(fragments);
    return { regions: grouped.map((r) => toImageCoordinates(r, page, scale, image)), sourceLang: language, detected: !options.sourceLang };
  });

  const matcher = excludeMatcher(options.excludePatterns ?? []);
  return { regions: regions.map((r) => markExcluded(r, matcher)), sourceLang, detected };
}

async function rereadWeakLines(
  engine: OCREngine,
  gray: GrayImage,
  lines: LineCandidate[],
  readings: LineReading[],
): Promise<LineReading[]> {
  return readings.map((reading, i) => {
    if (reading.confidence >= REREAD_BELOW || reading.words.length === 0) return reading;
    const again = recognizeLine(engine, gray, lines[i]);
    // Prefer the language model on a tie: its dictionary fixes plausible-looking misreadings.
    return again.confidence >= reading.confidence - 0.02 ? again : reading;
  });
}

interface OrientedPage {
  gray: GrayImage;
  lines: LineCandidate[];
  /** Clockwise quarter turns applied to the working copy to make the text upright. */
  turns: number;
}

/**
 * Finds the lines of `working` and the quarter turns that make them upright: lines chained top to bottom
 * mean the page is on its side; a weak reading of the strongest lines is compared with reading them
 * upside down.
 */
function orientPage(engine: OCREngine, working: GrayImage): OrientedPage {
  let turns = 0;
  let gray = working;
  let detection = detectTextLines(gray);
  if (detection.verticalRatio > 1) {
    const turned = rotateGray(working, 1);
    const turnedDetection = detectTextLines(turned);
    if (turnedDetection.verticalRatio < 1) {
      turns = 1;
      gray = turned;
      detection = turnedDetection;
    }
  }
  const strongest = [...detection.lines]
    .sort((a, b) => b.characters * b.charHeight - a.characters * a.charHeight)
    .slice(0, 3);
  if (strongest.length === 0) return { gray, lines: detection.lines, turns };
  const upright = strongest.map((l) => recognizeLine(engine, gray, l).confidence);
  const mean = upright.reduce((a, b) => a + b, 0) / upright.length;
  if (mean >= UPRIGHT_DOUBT && turns === 0) return { gray, lines: detection.lines, turns };
  const flipped = strongest.map((l) => recognizeLine(engine, gray, l, true).confidence);
  const flippedMean = flipped.reduce((a, b) => a + b, 0) / flipped.length;
  if (flippedMean <= mean + 0.05) return { gray, lines: detection.lines, turns };
  const upsideDown = rotateGray(gray, 2);
  return { gray: upsideDown, lines: detectTextLines(upsideDown).lines, turns: turns + 2 };
}

/** Maps a region from the (turned, scaled) working copy back to pixels of the input image. */
function toImageCoordinates(region: TextRegion, page: OrientedPage, scale: number, image: RgbaImage): TextRegion {
  const W = page.turns % 2 === 0 ? page.gray.width : page.gray.height;
  const H = page.turns % 2 === 0 ? page.gray.height : page.gray.width;
  const map = (b: Box): Box => {
    let { x, y, width, height } = b;
    switch (page.turns % 4) {
      case 1: // working = source turned clockwise: source x = working y, source y = H - working right
        [x, y, width, height] = [b.y, H - (b.x + b.width), b.height, b.width];
        break;
      case 2:
        [x, y] = [W - (b.x + b.width), H - (b.y + b.height)];
        break;
      case 3:
        [x, y, width, height] = [W - (b.y + b.height), b.x, b.height, b.width];
        break;
    }
    const x0 = Math.max(0, Math.floor(x / scale));
    const y0 = Math.max(0, Math.floor(y / scale));
    const x1 = Math.min(image.width, Math.ceil((x + width) / scale));
    const y1 = Math.min(image.height, Math.ceil((y + height) / scale));
    return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
  };
  return {
    ...region,
    box: map(region.box),
    lines: region.lines.map((line) => ({
      ...line,
      box: map(line.box),
      words: line.words.map((w) => ({ ...w, box: map(w.box) })),
    })),
  };
}

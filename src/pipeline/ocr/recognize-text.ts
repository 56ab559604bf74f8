/**
 * OCR for one upright image: text regions with confidences and boxes, and the source language.
 *
 * 1. A grey working copy of at most ~3 MP (inputs may be 16 MP).
 * 2. Text lines are found before recognition (text-detection.ts), in both polarities, and re-segmented
 *    by their own letters' grey and colour (line-refinement.ts), so that only their letters are read; if
 *    the lines run vertically the page is turned 90°, and weak readings are checked upside down
 *    (page-orientation.ts), so content rotated by 90°, 180° or 270° is read upright.
 * 3. Each line is read on its own, normalised to black on white at a good size (line-recognition.ts),
 *    with the client's language model. When the language is not given, the strongest lines are read
 *    first with the compact Latin model (which knows every letter of our languages), the language is
 *    detected from that sample, and the lines are read with that language's model; a sample line keeps
 *    whichever reading is more confident. On clean type (every sample line read confidently) the Latin
 *    model reads all lines of a page that mixes languages, and the language model only its weak ones
 *    (see CLEAN_SAMPLE).
 * 4. Lines are grouped into regions, noise dropped, exclude_text marked, and every box mapped back to the
 *    pixels of the image given.
 */
import type { OCREngine } from 'tesseract-wasm';
import type { LanguageCode } from '../../languages';
import { markExcluded, excludeMatcher } from '../exclude-text';
import { detectLanguage, detectWithTable, FALLBACK_LANGUAGE, languageTable } from '../language/detect-language';
import type { NgramTable } from '../language/ngram-table';
import type { Box, OcrResult, RgbaImage, TextRegion } from '../types';
import { grayScaled } from './gray-image';
import { recognizeLine, type LineReading } from './line-recognition';
import { LATIN_MODEL, modelFileFor, type ModelSource } from './models';
import { byStrength, orientPage, type OrientedPage } from './page-orientation';
import { LARGE_PICTURE_PIXELS, withEngine } from './tesseract-engine';
import { groupRegions, keptWords, mayBeConfirmed, type ReadFragment } from './text-regions';
import { colourSampler } from './working-colour';

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
/** Sample lines the Latin model read at least this confidently are not read again. */
const KEEP_SAMPLE_ABOVE = 0.85;
/** Letters of text the language is detected from, at least (when the image has them)... */
const SAMPLE_LETTERS = 60;
/** ...read from at most this many lines (a photo has many candidates and little text). */
const SAMPLE_MAX_LINES = 8;
/**
 * A sample line read below this confidence, with no word worth keeping, is not read again unless it has
 * at least NOISE_CHARACTERS characters: the Latin model, without a dictionary, reads condensed capitals
 * and type over photos poorly where the language model does well, but noise rarely chains that long.
 */
const NOISE_BELOW = 0.3;
const NOISE_CHARACTERS = 6;
/** ...and, however many characters, one read below this is not text the language model reads either. */
const UNREADABLE_BELOW = 0.05;
/**
 * When the Latin model read every sample line this confidently (clean type: a scan, a screenshot) and
 * the sample mixes languages, it reads the other lines too, and the language model only those it read
 * below KEEP_SAMPLE_ABOVE. Read by the language model first, every line of another language would be
 * read a second time (see rereadForeignLines): eurotext's six languages took 23 line readings for 12
 * lines, now 16, with the same recall on every benchmark set. A clean page in one language is read by
 * its language model, which in WebAssembly reads a line in about 0.6 of the Latin model's time.
 */
const CLEAN_SAMPLE = 0.88;
/** Lines with fewer letters are too short to tell their own language. */
const FOREIGN_LINE_LETTERS = 15;

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

  // A large picture is read with one Tesseract instance at a time (see LARGE_PICTURE_PIXELS).
  const maxInstances = image.width * image.height > LARGE_PICTURE_PIXELS ? 1 : undefined;
  const { regions, sourceLang, detected } = await withEngine(options.models, async (engineFor) => {
    const firstModel = options.sourceLang ? modelFileFor(options.sourceLang) : LATIN_MODEL;
    const first = await engineFor(firstModel);
    const page = orientPage(first, working, (turns) => colourSampler(image, scale, turns));
    const readings: (LineReading | undefined)[] = page.lines.map((_, i) => page.sample.get(i));

    let language = options.sourceLang;
    // Readings made with the Latin model (the sample, when detecting) need no second look as foreign.
    const readByLatin = new Set<LineReading>();
    // Readings already compared with the other model's (see confirmedBy).
    const compared = new Set<LineReading>();
    if (!language) {
      // Detect from a sample read with the Latin model (the strongest lines, enough letters to judge),
      // then read every line with the detected language's model, which is both faster and, with its
      // dictionary, more accurate than the Latin model. Sample lines keep the better of their readings.
      extendSample(first, page, readings);
      if (readsCleanly(readings) && mixesLanguages(await languageTable(options.models), readings)) {
        for (let i = 0; i < page.lines.length; i++) readings[i] ??= recognizeLine(first, page.gray, page.lines[i]);
      }
      for (const reading of readings) if (reading) readByLatin.add(reading);
      const text = readings.flatMap((r) => (r ? [keptWords(r.words).map((w) => w.text).join(' ')] : []));
      language = text.some(Boolean) ? (await detectLanguage(text, options.models)).language : FALLBACK_LANGUAGE;
      const second = await engineFor(modelFileFor(language));
      for (let i = 0; i < page.lines.length; i++) {
        const sampled = readings[i];
        if (sampled && sampled.confidence >= KEEP_SAMPLE_ABOVE) continue;
        // What the Latin model could not read at all is most often noise the other model will not read either.
        const noise = sampled && sampled.confidence < NOISE_BELOW && keptWords(sampled.words).length === 0;
        if (noise && (page.lines[i].characters < NOISE_CHARACTERS || sampled.confidence < UNREADABLE_BELOW)) continue;
        const again = recognizeLine(second, page.gray, page.lines[i]);
        if (!sampled) {
          readings[i] = again;
          continue;
        }
        // On a near tie prefer the language model: its dictionary fixes plausible-looking misreadings.
        const chosen = again.confidence >= sampled.confidence - 0.02 ? again : sampled;
        const reading = confirmedBy(chosen, chosen === again ? sampled : again);
        if (chosen === sampled) readByLatin.add(reading);
        compared.add(reading);
        readings[i] = reading;
      }
    } else {
      for (let i = 0; i < page.lines.length; i++) readings[i] ??= recognizeLine(first, page.gray, page.lines[i]);
    }
    await confirmUnsureWords(page, readings, readByLatin, compared, modelFileFor(language), engineFor);
    await rereadForeignLines(page, readings, readByLatin, language, engineFor, options.models);
    const fragments: ReadFragment[] = readings.map((reading, i) => ({
      words: reading?.words ?? [],
      charHeight: page.lines[i].charHeight,
      polarity: page.lines[i].polarity,
      inkLevel: page.lines[i].inkLevel,
      paperLevel: page.lines[i].paperLevel,
    }));
    const grouped = groupRegions(fragments);
    if (!options.sourceLang && grouped.length > 0) {
      // The sample may have been the strongest lines of a page that mixes languages: the language
      // reported is that of all the text read (the lines keep their readings).
      language = (await detectLanguage(grouped.map((r) => r.text), options.models)).language;
    }
    const table = await languageTable(options.models);
    return {
      regions: grouped.map((r) => toImageCoordinates(withOwnLanguage(r, language!, table), page, scale, image)),
      sourceLang: language,
      detected: !options.sourceLang,
    };
  }, { maxInstances });

  const matcher = excludeMatcher(options.excludePatterns ?? []);
  return { regions: regions.map((r) => markExcluded(r, matcher)), sourceLang, detected };
}

/**
 * A page in one language may hold lines in another (a bilingual sign, a quotation, a specimen page). A
 * language model misreads foreign letters with full confidence (marrón → marron), so a line whose own
 * text clearly reads as another language is read again with the Latin model, which knows the letters of
 * all our languages, and that reading is kept unless clearly less confident.
 */
async function rereadForeignLines(
  page: OrientedPage,
  readings: (LineReading | undefined)[],
  readByLatin: Set<LineReading>,
  language: LanguageCode,
  engineFor: (model: string) => Promise<OCREngine>,
  models: ModelSource,
): Promise<void> {
  const table = await languageTable(models);
  let latin: OCREngine | undefined;
  for (let i = 0; i < page.lines.length; i++) {
    const reading = readings[i];
    if (!reading || readByLatin.has(reading)) continue;
    if (!foreignLanguage(table, keptWords(reading.words).map((w) => w.text).join(' '), language)) continue;
    latin ??= await engineFor(LATIN_MODEL);
    const again = recognizeLine(latin, page.gray, page.lines[i]);
    if (again.confidence >= reading.confidence - 0.05) readings[i] = again;
  }
}

/**
 * `region` with its own language when its text clearly reads as another language than the page's (see
 * TextRegion.language): FOREIGN_LINE_LETTERS letters at least, and a reliable guess. Danish and
 * Norwegian are not told apart per region: on a few words they are too alike (see detect-language.ts).
 */
function withOwnLanguage(region: TextRegion, page: LanguageCode, table: NgramTable): TextRegion {
  const language = foreignLanguage(table, region.text.replace(/\n/g, ' '), page);
  if (!language || ((language === 'da' || language === 'no') && (page === 'da' || page === 'no'))) return region;
  return { ...region, language };
}

/** The language `text` clearly reads as, when it is not `page`'s. */
function foreignLanguage(table: NgramTable, text: string, page: LanguageCode): LanguageCode | undefined {
  const language = clearLanguage(table, text);
  return language !== page ? language : undefined;
}

/** The language `text` clearly reads as: FOREIGN_LINE_LETTERS letters at least and a reliable guess. */
function clearLanguage(table: NgramTable, text: string): LanguageCode | undefined {
  if ((text.match(/\p{L}/gu)?.length ?? 0) < FOREIGN_LINE_LETTERS) return undefined;
  const guess = detectWithTable(table, [text]);
  return guess.reliable ? guess.language : undefined;
}

/** True when every line of the sample (two at least) was read at CLEAN_SAMPLE or better: a scan or a screenshot. */
function readsCleanly(readings: (LineReading | undefined)[]): boolean {
  const read = readings.filter((r): r is LineReading => r !== undefined);
  return read.length >= 2 && read.every((r) => r.confidence >= CLEAN_SAMPLE);
}

/** True when the sample holds lines that clearly read as two languages or more (Danish and Norwegian as one). */
function mixesLanguages(table: NgramTable, readings: (LineReading | undefined)[]): boolean {
  const languages = new Set<LanguageCode>();
  for (const reading of readings) {
    const language = reading && clearLanguage(table, keptWords(reading.words).map((w) => w.text).join(' '));
    if (language) languages.add(language === 'no' ? 'da' : language);
  }
  return languages.size >= 2;
}

/**
 * A line read with a sure word beside an unsure one that may be a word (mayBeConfirmed) and not yet
 * compared with the other model's reading is read by the other model too (the Latin model when the
 * language model read it, and the reverse), to confirm its words (see confirmedBy). Rare: a pole or a
 * branch across a word of a sign; one more line reading each.
 */
async function confirmUnsureWords(
  page: OrientedPage,
  readings: (LineReading | undefined)[],
  readByLatin: Set<LineReading>,
  compared: Set<LineReading>,
  languageModel: string,
  engineFor: (model: string) => Promise<OCREngine>,
): Promise<void> {
  for (let i = 0; i < page.lines.length; i++) {
    const reading = readings[i];
    if (!reading || compared.has(reading) || !mayBeConfirmed(reading.words)) continue;
    const latin = readByLatin.has(reading);
    const other = recognizeLine(await engineFor(latin ? languageModel : LATIN_MODEL), page.gray, page.lines[i]);
    const confirmed = confirmedBy(reading, other);
    if (latin) readByLatin.add(confirmed);
    compared.add(confirmed);
    readings[i] = confirmed;
  }
}

/**
 * `reading` with its words marked confirmed where `other` (the same line read by the other model) has a
 * word over the same place spelt alike but for one letter (see RecognisedWord.confirmed).
 */
function confirmedBy(reading: LineReading, other: LineReading): LineReading {
  const words = reading.words.map((word) => {
    const alike = other.words.some((o) => overlapShare(word.box, o.box) >= 0.5 && withinOneEdit(word.text.toLowerCase(), o.text.toLowerCase()));
    return alike ? { ...word, confirmed: true } : word;
  });
  return { ...reading, words };
}

/** How much of the narrower of two boxes their horizontal overlap covers. */
function overlapShare(a: Box, b: Box): number {
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return overlap / Math.max(1, Math.min(a.width, b.width));
}

/** True when `a` becomes `b` by at most one letter replaced, added or removed. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Reads more of the strongest lines with the first-pass model until the sample has enough letters. */
function extendSample(engine: OCREngine, page: OrientedPage, readings: (LineReading | undefined)[]): void {
  const letters = () =>
    readings.reduce((n, r) => n + (r ? keptWords(r.words).reduce((m, w) => m + w.text.length, 0) : 0), 0);
  for (const i of byStrength(page.lines).slice(0, SAMPLE_MAX_LINES)) {
    if (letters() >= SAMPLE_LETTERS) break;
    readings[i] ??= recognizeLine(engine, page.gray, page.lines[i]);
  }
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

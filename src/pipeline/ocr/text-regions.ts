/**
 * Turns recognised line fragments into what the API returns: lines (words on one baseline, read left to
 * right) grouped into regions that read as one unit — the lines of one sign, paragraph or button. Lines
 * join a region when their text is about the same size, they are stacked closely (gap under about one
 * character height), they overlap horizontally (left-, right- or centre-aligned blocks all overlap)
 * and they are of one design: same polarity, letters of about one grey (see SAME_INK) and papers of
 * about one grey (white letters on a sign's coloured header and dark letters on its body are two
 * designs, each drawn back in its own colour and place; the paper may still vary across a block, as a
 * gradient or a shadow makes it, by up to half the letters' contrast).
 * Noise is dropped first: words Tesseract is unsure of, words without a letter or digit, and lines
 * that are a single letter alone.
 */
import type { Box, OcrLine, OcrWord, TextRegion } from '../types';
import { meanConfidence, type RecognisedWord } from './line-recognition';
import type { Polarity } from './text-detection';

export interface ReadFragment {
  words: RecognisedWord[];
  charHeight: number;
  /** Dark letters on lighter paper, or light letters on darker paper. */
  polarity: Polarity;
  /** Mean grey of the letters and of the paper around them. */
  inkLevel: number;
  paperLevel: number;
}

/** Words below this confidence are noise (tuned on the fixtures and generated images). */
const MIN_WORD_CONFIDENCE = 0.5;
/** Short words need more: 1–2 characters are most often a misread texture or pictogram. */
const MIN_SHORT_WORD_CONFIDENCE = 0.75;
/** How much less confidence a word needs on a line that also holds a confidently read long word. */
const STRONG_LINE_BONUS = 0.2;
/** A line whose words average below this is dropped whole. */
const MIN_LINE_CONFIDENCE = 0.6;
/**
 * On a line read this poorly as a whole, a confidently read letter or two is a shape that happens to
 * look like one (a window frame read as "À" among unreadable strokes), not a word.
 */
const WEAK_LINE_CONFIDENCE = 0.3;
/**
 * Among short words only (no word of four letters or more beside them), three letters are short too,
 * and a line that is one such word alone needs this much: a branch or a grille read as "sar" or "ve".
 */
const LONE_SHORT_WORD_CONFIDENCE = 0.8;

/**
 * Signs that are words of their own ("&", "@", "€", "+", "%"): kept, unlike other punctuation, when read
 * confidently beside a confidently read long word. Dropped, they stay in the picture under the
 * translation drawn over them.
 */
const WORD_SIGN = /^[&@€$£¥%§#+]$/u;

const lettersOf = (word: { text: string }) => word.text.replace(/[^\p{L}\p{N}]/gu, '').length;

/**
 * A word both models read alike (RecognisedWord.confirmed) is kept, however unsure Tesseract is of it,
 * when it has CONFIRMED_LETTERS letters and nothing else, beside a word read at ANCHOR_CONFIDENCE on the
 * same line: "nur heute" with a dark pole across "heute" (0.06) is read "nur hedte" by the Latin model.
 */
const CONFIRMED_LETTERS = 4;
const ANCHOR_CONFIDENCE = 0.9;

function keepConfirmed(word: RecognisedWord): boolean {
  return word.confirmed === true && confirmable(word);
}

/** The word of a line read surely enough to vouch for a confirmed word beside it. */
const anchorOf = (words: RecognisedWord[]) => words.find((w) => w.confidence >= ANCHOR_CONFIDENCE && lettersOf(w) >= 2);

const confirmable = (word: RecognisedWord) => /^\p{L}+$/u.test(word.text) && word.text.length >= CONFIRMED_LETTERS;

/** True when a line's words hold one that would be kept if confirmed (see keepConfirmed) and is not kept yet. */
export function mayBeConfirmed(words: RecognisedWord[]): boolean {
  const anchor = anchorOf(words);
  if (!anchor) return false;
  const kept = new Set(keptWords(words));
  return words.some((w) => w !== anchor && !w.confirmed && !kept.has(w) && confirmable(w));
}

/** Drops noise words: too unsure, or no letter or digit at all (lone punctuation, rules, bullets; see WORD_SIGN). */
export function keepWord(word: RecognisedWord, lineIsStrong = false, lineIsWeak = false, lineOfShortWords = false): boolean {
  if (!/[\p{L}\p{N}]/u.test(word.text)) return lineIsStrong && WORD_SIGN.test(word.text) && word.confidence >= MIN_SHORT_WORD_CONFIDENCE;
  const letters = lettersOf(word);
  if (letters <= 2 && lineIsWeak) return false;
  const short = letters <= 2 || (letters === 3 && lineOfShortWords);
  const needed = short ? MIN_SHORT_WORD_CONFIDENCE : MIN_WORD_CONFIDENCE;
  // Next to a confidently read long word, a word is more likely real: ask for less.
  return word.confidence >= (lineIsStrong ? needed - STRONG_LINE_BONUS : needed);
}

/** The words of one line worth keeping (see keepWord, and keepConfirmed for words both models read). */
export function keptWords(words: RecognisedWord[]): RecognisedWord[] {
  const strong = words.some((w) => w.confidence >= 0.8 && lettersOf(w) >= 4);
  const weak = meanConfidence(words) < WEAK_LINE_CONFIDENCE;
  const shortOnly = !words.some((w) => lettersOf(w) >= 4);
  const anchor = anchorOf(words);
  const kept = words.filter((w) => keepWord(w, strong, weak, shortOnly) || (anchor !== undefined && w !== anchor && keepConfirmed(w)));
  if (kept.length === 1 && lettersOf(kept[0]) <= 3 && kept[0].confidence < LONE_SHORT_WORD_CONFIDENCE) return [];
  return kept;
}

/** Groups fragments into lines and lines into regions. Boxes stay in the fragments' coordinates. */
export function groupRegions(fragments: ReadFragment[]): TextRegion[] {
  const cleaned = fragments
    .map((f) => ({ ...f, words: keptWords(f.words) }))
    .filter((f) => f.words.length > 0 && lineConfidence(f.words) >= MIN_LINE_CONFIDENCE && !loneLetter(f.words.map((w) => w.text).join(' ')));

  const lines = mergeIntoLines(cleaned);
  const order = lines.map((_, i) => i).sort((a, b) => lines[a].box.y - lines[b].box.y);
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const a = lines[order[i]];
      const b = lines[order[j]];
      const h = Math.max(a.charHeight, b.charHeight);
      if (b.box.y - (a.box.y + a.box.height) > 1.5 * h) break;
      if (sameBlock(a, b)) parent[find(order[j])] = find(order[i]);
    }
  }
  const groups = new Map<number, BuiltLine[]>();
  for (let i = 0; i < lines.length; i++) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), lines[i]]);
  }
  const regions = [...groups.values()].map(toRegion);
  return regions.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

/** How surely a line was read: its words' mean confidence, leaving out those kept only as confirmed (see keepConfirmed). */
function lineConfidence(words: RecognisedWord[]): number {
  const sure = words.filter((w) => !(w.confirmed && w.confidence < MIN_WORD_CONFIDENCE));
  return sure.length ? meanConfidence(sure) : meanConfidence(words);
}

/**
 * A line that is one letter alone is a shape that looks like one far more often than a word (a
 * pictogram, a window, a branch), and a single letter needs no translation: erasing it would only
 * leave a smear where the shape was. Digits stay (a gate, a price).
 */
function loneLetter(text: string): boolean {
  return text.replace(/[^\p{L}\p{N}]/gu, '').length < 2 && !/\p{N}/u.test(text);
}

interface BuiltLine {
  box: Box;
  charHeight: number;
  polarity: Polarity;
  inkLevel: number;
  paperLevel: number;
  words: RecognisedWord[];
}

/**
 * Letters of one block differ in grey by at most this share of their contrast; more, and they are
 * another design (an app's black title over its grey subtitle: 67 and 108 on paper at 252).
 */
const SAME_INK = 0.15;

function sameDesign(a: BuiltLine, b: BuiltLine): boolean {
  const contrast = Math.min(Math.abs(a.inkLevel - a.paperLevel), Math.abs(b.inkLevel - b.paperLevel));
  return (
    a.polarity === b.polarity &&
    Math.abs(a.paperLevel - b.paperLevel) <= 0.5 * contrast &&
    Math.abs(a.inkLevel - b.inkLevel) <= SAME_INK * contrast
  );
}

function sameBlock(a: BuiltLine, b: BuiltLine): boolean {
  if (!sameDesign(a, b)) return false;
  const ratio = Math.max(a.charHeight, b.charHeight) / Math.min(a.charHeight, b.charHeight);
  if (ratio > 1.35) return false;
  const h = (a.charHeight + b.charHeight) / 2;
  const gap = Math.max(a.box.y, b.box.y) - Math.min(a.box.y + a.box.height, b.box.y + b.box.height);
  if (gap > 1.1 * h) return false;
  const overlap = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x);
  return overlap > 0.25 * Math.min(a.box.width, b.box.width);
}

/** Fragments on the same baseline with a word-sized gap between them form one line. */
function mergeIntoLines(fragments: ReadFragment[]): BuiltLine[] {
  const lines: BuiltLine[] = fragments.map((f) => ({ ...f, box: unionBox(f.words.map((w) => w.box)) }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i];
        const b = lines[j];
        const ratio = Math.max(a.charHeight, b.charHeight) / Math.min(a.charHeight, b.charHeight);
        const vOverlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
        const gap = Math.max(a.box.x, b.box.x) - Math.min(a.box.x + a.box.width, b.box.x + b.box.width);
        const h = Math.max(a.charHeight, b.charHeight);
        if (a.polarity === b.polarity && ratio <= 1.4 && vOverlap >= 0.6 * Math.min(a.box.height, b.box.height) && gap <= 2 * h) {
          lines[i] = {
            box: unionBox([a.box, b.box]),
            polarity: a.polarity,
            inkLevel: (a.inkLevel + b.inkLevel) / 2,
            paperLevel: (a.paperLevel + b.paperLevel) / 2,
            charHeight: (a.charHeight * a.words.length + b.charHeight * b.words.length) / (a.words.length + b.words.length),
            words: [...a.words, ...b.words].sort((p, q) => p.box.x - q.box.x),
          };
          lines.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return lines;
}

function toRegion(lines: BuiltLine[]): TextRegion {
  const sorted = [...lines].sort((a, b) => a.box.y - b.box.y);
  const ocrLines: OcrLine[] = sorted.map((line) => {
    const words: OcrWord[] = line.words.map((w) => ({ text: w.text, confidence: w.confidence, box: w.box, excluded: false }));
    return { text: words.map((w) => w.text).join(' '), confidence: meanConfidence(words), box: line.box, words };
  });
  return {
    text: ocrLines.map((l) => l.text).join('\n'),
    confidence: meanConfidence(ocrLines.flatMap((l) => l.words)),
    box: unionBox(ocrLines.map((l) => l.box)),
    lines: ocrLines,
    excludedSpans: [],
  };
}

/** The smallest box holding all of `boxes`. */
export function unionBox(boxes: Box[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

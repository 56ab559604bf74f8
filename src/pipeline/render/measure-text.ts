/**
 * Text as the renderer will draw it: normalised to what the font can show, and measured with the font's
 * own advances, kerning and glyph outlines' extents. Measurements are in font units (y up, the pen
 * starting at 0 on the baseline); scale by fontSize / unitsPerEm for pixels.
 */
import type { FontFile } from './font-file';

export interface TextExtent {
  /** Where the pen ends: the sum of advances and kerning. */
  advance: number;
  /** Ink extents: leftmost and rightmost outline x, highest and lowest outline y (0 when `inkless`). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** True when no glyph has an outline (spaces only). */
  inkless: boolean;
}

/** Characters that occupy no space and only mark where a line may break or must not; the font need not draw them. */
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/gu;
/** Controls other than the line break, and the line and paragraph separators. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/gu;
/** Stand-ins for signs Noto Sans has no glyph for and NFKD does not map. */
const STAND_INS: Record<string, string> = { '\u2212': '-', '\u2043': '-', '\u2219': '\u00b7', '\u22c5': '\u00b7' };

/**
 * The text to draw: NFC-normalised (a decomposed "é" becomes the one glyph), controls and tabs turned
 * into spaces, runs of spaces collapsed, lines ("\n") kept. A character the font lacks is replaced by
 * its compatibility decomposition where the font has that ("ﬁ" → "fi", "²" stays, "Ǆ" → "DŽ"), by a
 * stand-in for a few signs, or else dropped: a missing-glyph box in a picture reads as a bug, a
 * missing emoji or arrow rarely changes the meaning.
 */
export function drawableText(text: string, font: FontFile): string {
  const normalised = text.normalize('NFC').replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
  let out = '';
  for (const ch of normalised) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n' || font.glyphOf(cp) !== 0) {
      out += ch;
      continue;
    }
    const standIn = STAND_INS[ch];
    if (standIn) {
      out += standIn;
      continue;
    }
    for (const part of ch.normalize('NFKD')) if (font.glyphOf(part.codePointAt(0)!) !== 0) out += part;
  }
  // NFKD parts may recompose (a base letter and its accent), and collapsing spaces comes last.
  return out
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();
}

/** Measures `text` (already drawable) on one line. */
export function measureText(text: string, font: FontFile): TextExtent {
  let pen = 0;
  let previous = -1;
  let left = Infinity;
  let right = -Infinity;
  let top = -Infinity;
  let bottom = Infinity;
  for (const ch of text) {
    const glyph = font.glyphOf(ch.codePointAt(0)!);
    const advance = font.advance(glyph);
    // Combining marks have no advance and are attached to their base, so they do not break a kerning pair.
    if (previous >= 0 && advance > 0) pen += font.kerning(previous, glyph);
    const b = font.bounds(glyph);
    if (!b.empty) {
      left = Math.min(left, pen + b.xMin);
      right = Math.max(right, pen + b.xMax);
      top = Math.max(top, b.yMax);
      bottom = Math.min(bottom, b.yMin);
    }
    pen += advance;
    if (advance > 0) previous = glyph;
  }
  const inkless = left === Infinity;
  return inkless ? { advance: pen, left: 0, right: 0, top: 0, bottom: 0, inkless } : { advance: pen, left, right, top, bottom, inkless };
}

/**
 * Reads the metrics of a TrueType font (the tables layout needs: cmap, hmtx, glyph bounding boxes,
 * vertical metrics and GPOS kerning) straight from its bytes, so line breaking and fitting are decided
 * with the same numbers resvg draws with, without asking resvg to lay text out. Only what our fonts use
 * is supported: cmap formats 4 and 12, TrueType outlines (glyf/loca).
 */
import { readKerning, type Kerning } from './kerning';

/** Glyph outline extents in font units (y up); all zero for a glyph without an outline (a space). */
export interface GlyphBounds {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  empty: boolean;
}

export interface FontFile {
  unitsPerEm: number;
  /** Typographic ascender and descender (descender negative), font units. */
  ascender: number;
  descender: number;
  capHeight: number;
  xHeight: number;
  /** The glyph drawn for a code point, or 0 (.notdef) when the font has none. */
  glyphOf(codePoint: number): number;
  advance(glyph: number): number;
  bounds(glyph: number): GlyphBounds;
  /** Horizontal adjustment between two adjacent glyphs (GPOS `kern`), font units. */
  kerning(left: number, right: number): number;
}

const EMPTY: GlyphBounds = { xMin: 0, yMin: 0, xMax: 0, yMax: 0, empty: true };

/** Parses a TrueType font. Throws on a font without the tables listed in the header. */
export function parseFontFile(bytes: Uint8Array): FontFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(view);
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const head = table('head');
  const hhea = table('hhea');
  const unitsPerEm = view.getUint16(head + 18);
  const longLoca = view.getInt16(head + 50) === 1;
  const numGlyphs = view.getUint16(table('maxp') + 4);
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const advances = new Uint16Array(numGlyphs);
  const hmtx = table('hmtx');
  for (let g = 0; g < numGlyphs; g++) {
    advances[g] = view.getUint16(hmtx + 4 * Math.min(g, numberOfHMetrics - 1));
  }
  const bounds = glyphBounds(view, table('loca'), table('glyf'), numGlyphs, longLoca);
  const cmap = readCmap(view, table('cmap'));
  const os2 = tables.get('OS/2');
  const version = os2 === undefined ? 0 : view.getUint16(os2);
  const kerning: Kerning = tables.has('GPOS') ? readKerning(view, table('GPOS')) : () => 0;
  return {
    unitsPerEm,
    ascender: os2 === undefined ? view.getInt16(hhea + 4) : view.getInt16(os2 + 68),
    descender: os2 === undefined ? view.getInt16(hhea + 6) : view.getInt16(os2 + 70),
    // Fonts before OS/2 version 2 lack these; the usual proportions stand in.
    capHeight: version >= 2 ? view.getInt16(os2! + 88) : Math.round(unitsPerEm * 0.7),
    xHeight: version >= 2 ? view.getInt16(os2! + 86) : Math.round(unitsPerEm * 0.5),
    glyphOf: (codePoint) => cmap.get(codePoint) ?? 0,
    advance: (glyph) => advances[glyph] ?? 0,
    bounds: (glyph) => bounds[glyph] ?? EMPTY,
    kerning,
  };
}

function tableDirectory(view: DataView): Map<string, number> {
  const tag = view.getUint32(0);
  if (tag !== 0x00010000 && tag !== 0x74727565 /* 'true' */) throw new Error('not a TrueType font');
  const count = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    tables.set(name, view.getUint32(record + 8));
  }
  return tables;
}

function glyphBounds(view: DataView, loca: number, glyf: number, numGlyphs: number, longLoca: boolean): GlyphBounds[] {
  const offset = (g: number) => (longLoca ? view.getUint32(loca + 4 * g) : 2 * view.getUint16(loca + 2 * g));
  const result: GlyphBounds[] = [];
  for (let g = 0; g < numGlyphs; g++) {
    const start = offset(g);
    if (offset(g + 1) === start) {
      result.push(EMPTY);
      continue;
    }
    const at = glyf + start;
    result.push({
      xMin: view.getInt16(at + 2),
      yMin: view.getInt16(at + 4),
      xMax: view.getInt16(at + 6),
      yMax: view.getInt16(at + 8),
      empty: false,
    });
  }
  return result;
}

/** Code point → glyph from the best Unicode subtable: format 12 (full Unicode) if present, else format 4. */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const count = view.getUint16(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const sub = cmap + view.getUint32(cmap + 8 + 8 * i);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(sub);
    if (format === 12) format12 = sub;
    else if (format === 4) format4 = sub;
  }
  const map = new Map<number, number>();
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    for (let i = 0; i < groups; i++) {
      const group = format12 + 16 + 12 * i;
      const start = view.getUint32(group);
      const end = view.getUint32(group + 4);
      const glyph = view.getUint32(group + 8);
      for (let c = start; c <= end; c++) map.set(c, glyph + c - start);
    }
    return map;
  }
  if (format4 < 0) throw new Error('font has no Unicode cmap');
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(starts + 2 * s);
    const end = view.getUint16(ends + 2 * s);
    const delta = view.getInt16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        // idRangeOffset is relative to its own position in the array (the format's well-known quirk).
        const at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

/**
 * Pair kerning from a font's GPOS table, as a shaper applies it: the lookups of every `kern` feature,
 * in lookup order, each contributing the value of its first subtable that covers the pair (pair
 * adjustment formats 1 and 2, directly or inside extension lookups). Contextual kerning (chained
 * lookups) is not read; in Noto Sans it only touches combining marks after a dotless i.
 */

/** Adjustment of the advance between two adjacent glyphs, font units. */
export type Kerning = (left: number, right: number) => number;

type PairTable = (left: number, right: number) => number | undefined;

const PAIR_ADJUSTMENT = 2;
const EXTENSION = 9;

export function readKerning(view: DataView, gpos: number): Kerning {
  const featureList = gpos + view.getUint16(gpos + 6);
  const lookupList = gpos + view.getUint16(gpos + 8);
  const indices = new Set<number>();
  const features = view.getUint16(featureList);
  for (let i = 0; i < features; i++) {
    const record = featureList + 2 + 6 * i;
    const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (tag !== 'kern') continue;
    const feature = featureList + view.getUint16(record + 4);
    const count = view.getUint16(feature + 2);
    for (let k = 0; k < count; k++) indices.add(view.getUint16(feature + 4 + 2 * k));
  }
  const lookups: PairTable[][] = [];
  for (const index of [...indices].sort((a, b) => a - b)) {
    const lookup = lookupList + view.getUint16(lookupList + 2 + 2 * index);
    const type = view.getUint16(lookup);
    const subtables: PairTable[] = [];
    const count = view.getUint16(lookup + 4);
    for (let s = 0; s < count; s++) {
      let sub = lookup + view.getUint16(lookup + 6 + 2 * s);
      let subType = type;
      if (type === EXTENSION) {
        subType = view.getUint16(sub + 2);
        sub += view.getUint32(sub + 4);
      }
      if (subType === PAIR_ADJUSTMENT) subtables.push(pairTable(view, sub));
    }
    if (subtables.length) lookups.push(subtables);
  }
  const cache = new Map<number, number>();
  return (left, right) => {
    const key = left * 65536 + right;
    let value = cache.get(key);
    if (value === undefined) {
      value = 0;
      for (const subtables of lookups) {
        for (const table of subtables) {
          const found = table(left, right);
          if (found !== undefined) {
            value += found;
            break;
          }
        }
      }
      cache.set(key, value);
    }
    return value;
  };
}

/** One pair adjustment subtable: the x-advance change it applies, or undefined when it does not apply. */
function pairTable(view: DataView, sub: number): PairTable {
  const format = view.getUint16(sub);
  const coverage = readCoverage(view, sub + view.getUint16(sub + 2));
  const format1 = view.getUint16(sub + 4);
  const format2 = view.getUint16(sub + 6);
  const size1 = 2 * popCount(format1);
  const size2 = 2 * popCount(format2);
  // The first glyph's x-advance plus the second's (a second value record rarely carries one).
  const advanceOf = (record: number) =>
    xAdvance(view, record, format1) + xAdvance(view, record + size1, format2);
  if (format === 1) {
    return (left, right) => {
      const index = coverage.get(left);
      if (index === undefined) return undefined;
      const set = sub + view.getUint16(sub + 10 + 2 * index);
      const count = view.getUint16(set);
      const recordSize = 2 + size1 + size2;
      // Pair records are sorted by second glyph.
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const record = set + 2 + mid * recordSize;
        const second = view.getUint16(record);
        if (second === right) return advanceOf(record + 2);
        if (second < right) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    };
  }
  if (format === 2) {
    const class1 = readClassDef(view, sub + view.getUint16(sub + 8));
    const class2 = readClassDef(view, sub + view.getUint16(sub + 10));
    const class2Count = view.getUint16(sub + 14);
    const recordSize = size1 + size2;
    return (left, right) => {
      if (!coverage.has(left)) return undefined;
      const record = sub + 16 + ((class1.get(left) ?? 0) * class2Count + (class2.get(right) ?? 0)) * recordSize;
      return advanceOf(record);
    };
  }
  return () => undefined;
}

function xAdvance(view: DataView, record: number, valueFormat: number): number {
  if (!(valueFormat & 0x4)) return 0;
  const before = popCount(valueFormat & 0x3); // XPlacement and YPlacement come first
  return view.getInt16(record + 2 * before);
}

function popCount(n: number): number {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
}

/** Glyph → coverage index. */
function readCoverage(view: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const format = view.getUint16(at);
  const count = view.getUint16(at + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) map.set(view.getUint16(at + 4 + 2 * i), i);
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const range = at + 4 + 6 * i;
      const start = view.getUint16(range);
      const end = view.getUint16(range + 2);
      const first = view.getUint16(range + 4);
      for (let g = start; g <= end; g++) map.set(g, first + g - start);
    }
  }
  return map;
}

/** Glyph → class; glyphs not listed are class 0. */
function readClassDef(view: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const format = view.getUint16(at);
  if (format === 1) {
    const start = view.getUint16(at + 2);
    const count = view.getUint16(at + 4);
    for (let i = 0; i < count; i++) map.set(start + i, view.getUint16(at + 6 + 2 * i));
  } else if (format === 2) {
    const count = view.getUint16(at + 2);
    for (let i = 0; i < count; i++) {
      const range = at + 4 + 6 * i;
      const cls = view.getUint16(range + 4);
      for (let g = view.getUint16(range); g <= view.getUint16(range + 2); g++) map.set(g, cls);
    }
  }
  return map;
}

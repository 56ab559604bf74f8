/** Typed queries for `regions` (OCR results per batch image) and `region_translations` (per language). */
import type { Box } from '../pipeline/types';

export interface StoredRegion {
  position: number;
  originalText: string;
  confidence: number;
  box: Box;
  excluded: boolean;
  detail: unknown;
}

interface RegionRow {
  position: number;
  original_text: string;
  confidence: number;
  x: number;
  y: number;
  width: number;
  height: number;
  excluded: number;
  detail: string | null;
}

export async function listRegions(db: D1Database, imageId: string): Promise<StoredRegion[]> {
  const { results } = await db.prepare('SELECT * FROM regions WHERE image_id = ? ORDER BY position').bind(imageId).all<RegionRow>();
  return results.map((r) => ({
    position: r.position,
    originalText: r.original_text,
    confidence: r.confidence,
    box: { x: r.x, y: r.y, width: r.width, height: r.height },
    excluded: r.excluded === 1,
    detail: r.detail ? JSON.parse(r.detail) : null,
  }));
}

/** Translations of an image's regions, by language, then by region position. */
export async function listRegionTranslations(db: D1Database, imageId: string): Promise<Map<string, Map<number, string>>> {
  const { results } = await db
    .prepare('SELECT lang, position, translated_text FROM region_translations WHERE image_id = ?')
    .bind(imageId)
    .all<{ lang: string; position: number; translated_text: string }>();
  const byLang = new Map<string, Map<number, string>>();
  for (const row of results) {
    const forLang = byLang.get(row.lang) ?? new Map<number, string>();
    forLang.set(row.position, row.translated_text);
    byLang.set(row.lang, forLang);
  }
  return byLang;
}

/** Typed queries for `batch_images` and their per-language `outputs`. */
import type { LanguageCode } from '../languages';
import type { ImageFormat } from '../pipeline/types';

export type ImageStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled';

export interface BatchImage {
  id: string;
  batchId: string;
  accountId: string;
  position: number;
  originalFilename: string | null;
  format: ImageFormat;
  byteSize: number;
  width: number;
  height: number;
  contentSha256: string;
  originalKey: string;
  cleanKey: string | null;
  sourceLang: LanguageCode | null;
  status: ImageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImageOutput {
  imageId: string;
  lang: LanguageCode;
  batchId: string;
  status: ImageStatus;
  translatedKey: string | null;
  engine: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  completedAt: string | null;
}

interface BatchImageRow {
  id: string;
  batch_id: string;
  account_id: string;
  position: number;
  original_filename: string | null;
  format: ImageFormat;
  byte_size: number;
  width: number;
  height: number;
  content_sha256: string;
  original_key: string;
  clean_key: string | null;
  source_lang: string | null;
  status: ImageStatus;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
}

interface OutputRow {
  image_id: string;
  lang: string;
  batch_id: string;
  status: ImageStatus;
  translated_key: string | null;
  engine: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  completed_at: string | null;
}

const toImage = (row: BatchImageRow): BatchImage => ({
  id: row.id,
  batchId: row.batch_id,
  accountId: row.account_id,
  position: row.position,
  originalFilename: row.original_filename,
  format: row.format,
  byteSize: row.byte_size,
  width: row.width,
  height: row.height,
  contentSha256: row.content_sha256,
  originalKey: row.original_key,
  cleanKey: row.clean_key,
  sourceLang: row.source_lang as LanguageCode | null,
  status: row.status,
  errorCode: row.error_code,
  errorMessage: row.error_message,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toOutput = (row: OutputRow): ImageOutput => ({
  imageId: row.image_id,
  lang: row.lang as LanguageCode,
  batchId: row.batch_id,
  status: row.status,
  translatedKey: row.translated_key,
  engine: row.engine,
  errorCode: row.error_code,
  errorMessage: row.error_message,
  createdAt: row.created_at,
  completedAt: row.completed_at,
});

export function insertBatchImageStatement(db: D1Database, image: BatchImage): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO batch_images (id, batch_id, account_id, position, original_filename, format, byte_size, width, height,
         content_sha256, original_key, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      image.id,
      image.batchId,
      image.accountId,
      image.position,
      image.originalFilename,
      image.format,
      image.byteSize,
      image.width,
      image.height,
      image.contentSha256,
      image.originalKey,
      image.status,
      image.createdAt,
      image.updatedAt,
    );
}

export function insertOutputStatement(db: D1Database, output: Pick<ImageOutput, 'imageId' | 'lang' | 'batchId' | 'createdAt'>): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO outputs (image_id, lang, batch_id, status, created_at) VALUES (?, ?, ?, 'pending', ?)`)
    .bind(output.imageId, output.lang, output.batchId, output.createdAt);
}

export async function listBatchImages(db: D1Database, batchId: string): Promise<BatchImage[]> {
  const { results } = await db
    .prepare('SELECT * FROM batch_images WHERE batch_id = ? ORDER BY position')
    .bind(batchId)
    .all<BatchImageRow>();
  return results.map(toImage);
}

export async function findBatchImage(db: D1Database, accountId: string, batchId: string, imageId: string): Promise<BatchImage | null> {
  const row = await db
    .prepare('SELECT * FROM batch_images WHERE id = ? AND batch_id = ? AND account_id = ?')
    .bind(imageId, batchId, accountId)
    .first<BatchImageRow>();
  return row ? toImage(row) : null;
}

/** Every output row of a batch, in no particular order (callers arrange them by image and language). */
export async function listOutputs(db: D1Database, batchId: string): Promise<ImageOutput[]> {
  const { results } = await db
    .prepare('SELECT * FROM outputs WHERE batch_id = ?')
    .bind(batchId)
    .all<OutputRow>();
  return results.map(toOutput);
}

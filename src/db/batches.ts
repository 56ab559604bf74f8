/** Typed queries for `batches`, the asynchronous jobs of up to 20 images × 10 languages. */
import type { LanguageCode } from '../languages';
import type { ImageFormat } from '../pipeline/types';
import { nowIso } from './time';

export const FINAL_BATCH_STATUSES = ['completed', 'partially_completed', 'failed', 'cancelled'] as const;
export type BatchStatus = 'pending' | 'processing' | (typeof FINAL_BATCH_STATUSES)[number];

export interface Batch {
  id: string;
  accountId: string;
  status: BatchStatus;
  targetLanguages: LanguageCode[];
  sourceLang: LanguageCode | null;
  excludeText: string | null;
  outputFormat: ImageFormat | null;
  webhookUrl: string | null;
  totalImages: number;
  completedCount: number;
  failedCount: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
}

export interface BatchRow {
  id: string;
  account_id: string;
  status: BatchStatus;
  target_languages: string;
  source_lang: string | null;
  exclude_text: string | null;
  output_format: string | null;
  webhook_url: string | null;
  total_images: number;
  completed_count: number;
  failed_count: number;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  updated_at: string;
}

export const toBatch = (row: BatchRow): Batch => ({
  id: row.id,
  accountId: row.account_id,
  status: row.status,
  targetLanguages: JSON.parse(row.target_languages) as LanguageCode[],
  sourceLang: row.source_lang as LanguageCode | null,
  excludeText: row.exclude_text,
  outputFormat: row.output_format as ImageFormat | null,
  webhookUrl: row.webhook_url,
  totalImages: row.total_images,
  completedCount: row.completed_count,
  failedCount: row.failed_count,
  createdAt: row.created_at,
  startedAt: row.started_at,
  completedAt: row.completed_at,
  updatedAt: row.updated_at,
});

export function insertBatchStatement(db: D1Database, batch: Batch): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO batches (id, account_id, status, target_languages, source_lang, exclude_text, output_format,
         webhook_url, total_images, completed_count, failed_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    )
    .bind(
      batch.id,
      batch.accountId,
      batch.status,
      JSON.stringify(batch.targetLanguages),
      batch.sourceLang,
      batch.excludeText,
      batch.outputFormat,
      batch.webhookUrl,
      batch.totalImages,
      batch.createdAt,
      batch.updatedAt,
    );
}

/** The account's batch, or null when it does not exist or belongs to another account. */
export async function findBatch(db: D1Database, accountId: string, id: string): Promise<Batch | null> {
  const row = await db.prepare('SELECT * FROM batches WHERE id = ? AND account_id = ?').bind(id, accountId).first<BatchRow>();
  return row ? toBatch(row) : null;
}

/** One page of the account's batches, newest first, and how many there are in all. */
export async function listBatches(
  db: D1Database,
  accountId: string,
  page: number,
  limit: number,
): Promise<{ batches: Batch[]; total: number }> {
  const [rows, count] = await db.batch([
    db
      .prepare('SELECT * FROM batches WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?')
      .bind(accountId, limit, (page - 1) * limit),
    db.prepare('SELECT COUNT(*) AS total FROM batches WHERE account_id = ?').bind(accountId),
  ]);
  const total = (count.results[0] as { total: number } | undefined)?.total ?? 0;
  return { batches: (rows.results as BatchRow[]).map(toBatch), total };
}

export type CancelOutcome = { outcome: 'cancelled'; batch: Batch } | { outcome: 'already_finished'; batch: Batch } | { outcome: 'not_found' };

/**
 * Cancels a pending or processing batch in one atomic D1 batch: the batch, its unfinished images and
 * its unfinished outputs all become `cancelled`; finished outputs stay available.
 */
export async function cancelBatch(db: D1Database, accountId: string, id: string): Promise<CancelOutcome> {
  const now = nowIso();
  const [updated] = await db.batch([
    db
      .prepare(
        `UPDATE batches SET status = 'cancelled', completed_at = ?, updated_at = ?
         WHERE id = ? AND account_id = ? AND status IN ('pending','processing') RETURNING *`,
      )
      .bind(now, now, id, accountId),
    db
      .prepare(
        `UPDATE batch_images SET status = 'cancelled', updated_at = ?
         WHERE batch_id = ? AND account_id = ? AND status IN ('pending','processing')
           AND EXISTS (SELECT 1 FROM batches WHERE id = ? AND status = 'cancelled' AND completed_at = ?)`,
      )
      .bind(now, id, accountId, id, now),
    db
      .prepare(
        `UPDATE outputs SET status = 'cancelled'
         WHERE batch_id = ? AND status IN ('pending','processing')
           AND EXISTS (SELECT 1 FROM batches WHERE id = ? AND account_id = ? AND status = 'cancelled' AND completed_at = ?)`,
      )
      .bind(id, id, accountId, now),
  ]);
  const row = updated.results[0] as BatchRow | undefined;
  if (row) return { outcome: 'cancelled', batch: toBatch(row) };
  const existing = await findBatch(db, accountId, id);
  return existing ? { outcome: 'already_finished', batch: existing } : { outcome: 'not_found' };
}

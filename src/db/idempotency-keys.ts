/** Typed queries for `idempotency_keys`: a retried batch request returns the batch it first created. */
export interface IdempotencyRecord {
  batchId: string;
  requestFingerprint: string;
}

export async function findIdempotencyKey(db: D1Database, accountId: string, key: string): Promise<IdempotencyRecord | null> {
  const row = await db
    .prepare('SELECT batch_id, request_fingerprint FROM idempotency_keys WHERE account_id = ? AND key = ?')
    .bind(accountId, key)
    .first<{ batch_id: string; request_fingerprint: string }>();
  return row ? { batchId: row.batch_id, requestFingerprint: row.request_fingerprint } : null;
}

/** Part of the batch-creation D1 batch: if another request won the key first, the whole batch rolls back. */
export function insertIdempotencyKeyStatement(
  db: D1Database,
  record: { accountId: string; key: string; requestFingerprint: string; batchId: string; createdAt: string },
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO idempotency_keys (account_id, key, request_fingerprint, batch_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .bind(record.accountId, record.key, record.requestFingerprint, record.batchId, record.createdAt);
}

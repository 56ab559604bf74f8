/** Typed queries for the `api_keys` table. Only hashes and visible prefixes are stored. */
import { nowIso } from './time';

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  name: string;
  prefix: string;
  keyHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface ApiKeyRow {
  id: string;
  account_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toRecord = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  prefix: row.prefix,
  keyHash: row.key_hash,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export async function insertApiKey(db: D1Database, key: Omit<ApiKeyRecord, 'lastUsedAt' | 'revokedAt'>): Promise<void> {
  await db
    .prepare('INSERT INTO api_keys (id, account_id, name, prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(key.id, key.accountId, key.name, key.prefix, key.keyHash, key.createdAt)
    .run();
}

export async function findApiKeyByPrefix(db: D1Database, prefix: string): Promise<ApiKeyRecord | null> {
  const row = await db.prepare('SELECT * FROM api_keys WHERE prefix = ?').bind(prefix).first<ApiKeyRow>();
  return row ? toRecord(row) : null;
}

export async function listApiKeys(db: D1Database, accountId: string): Promise<ApiKeyRecord[]> {
  const { results } = await db
    .prepare('SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at DESC, id DESC')
    .bind(accountId)
    .all<ApiKeyRow>();
  return results.map(toRecord);
}

/** Revokes a key of this account; false when the account has no such key. Revoking twice is harmless. */
export async function revokeApiKey(db: D1Database, accountId: string, id: string): Promise<boolean> {
  const row = await db
    .prepare('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ? RETURNING id')
    .bind(nowIso(), id, accountId)
    .first();
  return row !== null;
}

/** Records use at most once a minute per key, so busy keys do not turn every request into a write. */
export async function touchApiKey(db: D1Database, id: string, at = new Date()): Promise<void> {
  const minuteAgo = nowIso(new Date(at.getTime() - 60_000));
  await db
    .prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)')
    .bind(nowIso(at), id, minuteAgo)
    .run();
}

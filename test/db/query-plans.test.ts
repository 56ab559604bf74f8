import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

/**
 * Every lookup the API makes, as src/db/* writes it: each must be answered from an index, with neither
 * a full table scan nor a sort in a temporary B-tree. Keep this list in step with the modules.
 */
const QUERIES: [string, string][] = [
  ['api-keys: find by prefix (auth)', 'SELECT * FROM api_keys WHERE prefix = ?'],
  ['api-keys: list an account', 'SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at DESC, id DESC'],
  ['api-keys: revoke', 'UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ? RETURNING id'],
  ['api-keys: touch', 'UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)'],
  ['accounts: by id', 'SELECT * FROM accounts WHERE id = ?'],
  ['accounts: by name', 'SELECT * FROM accounts WHERE name = ?'],
  ['batches: find', 'SELECT * FROM batches WHERE id = ? AND account_id = ?'],
  ['batches: page', 'SELECT * FROM batches WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?'],
  ['batches: count', 'SELECT COUNT(*) AS total FROM batches WHERE account_id = ?'],
  ['batch-images: list a batch', 'SELECT * FROM batch_images WHERE batch_id = ? ORDER BY position'],
  ['batch-images: find', 'SELECT * FROM batch_images WHERE id = ? AND batch_id = ? AND account_id = ?'],
  ['outputs: list a batch', 'SELECT * FROM outputs WHERE batch_id = ?'],
  ['outputs: cancel', `UPDATE outputs SET status = 'cancelled' WHERE batch_id = ? AND status IN ('pending','processing')`],
  ['batch-images: cancel', `UPDATE batch_images SET status = 'cancelled', updated_at = ? WHERE batch_id = ? AND account_id = ? AND status IN ('pending','processing')`],
  ['regions: of an image', 'SELECT * FROM regions WHERE image_id = ? ORDER BY position'],
  ['region translations: of an image', 'SELECT lang, position, translated_text FROM region_translations WHERE image_id = ?'],
  ['webhook deliveries: of a batch', 'SELECT id, status, attempts, last_status_code FROM webhook_deliveries WHERE batch_id = ?'],
  ['idempotency keys: find', 'SELECT batch_id, request_fingerprint FROM idempotency_keys WHERE account_id = ? AND key = ?'],
];

describe('D1 query plans', () => {
  it.each(QUERIES)('%s uses an index and no sort', async (_, sql) => {
    const params = (sql.match(/\?/g) ?? []).map(() => 'x');
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    const plan = results.map((r) => r.detail);
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.filter((step) => /^SCAN |TEMP B-TREE/.test(step)), plan.join(' | ')).toEqual([]);
  });
});

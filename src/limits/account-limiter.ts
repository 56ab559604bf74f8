/**
 * One Durable Object per account (addressed by `idFromName(accountId)`) that enforces the account's
 * limits where they cannot race: at most N unfinished batches, and a request rate per endpoint.
 * Every read-then-write below is synchronous SQLite work with no `await` in between, so the object's
 * input gate makes each call atomic even when many requests arrive at once.
 */
import { DurableObject } from 'cloudflare:workers';

export type SlotDecision = { granted: true } | { granted: false; retryAfterSeconds: number; active: number };
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** How long a client is told to wait when all batch slots are busy: batches usually take a minute or so. */
const SLOT_RETRY_AFTER_SECONDS = 30;

export class AccountLimiter extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS batch_slots (batch_id TEXT PRIMARY KEY, acquired_at INTEGER NOT NULL)`);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS rate_limits (bucket TEXT PRIMARY KEY, tat INTEGER NOT NULL)`);
  }

  /**
   * Takes one of the account's batch slots for `batchId` if fewer than `limit` are held.
   * Idempotent: asking again for a batch that already holds a slot grants it again.
   */
  acquireBatchSlot(batchId: string, limit: number): SlotDecision {
    const sql = this.ctx.storage.sql;
    if (sql.exec('SELECT 1 FROM batch_slots WHERE batch_id = ?', batchId).toArray().length > 0) return { granted: true };
    const active = sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM batch_slots').one().n;
    if (active >= limit) return { granted: false, retryAfterSeconds: SLOT_RETRY_AFTER_SECONDS, active };
    sql.exec('INSERT INTO batch_slots (batch_id, acquired_at) VALUES (?, ?)', batchId, Date.now());
    return { granted: true };
  }

  /** Frees the slot held by `batchId` (no-op when it holds none). */
  releaseBatchSlot(batchId: string): void {
    this.ctx.storage.sql.exec('DELETE FROM batch_slots WHERE batch_id = ?', batchId);
  }

  /** The batch ids currently holding slots. */
  activeBatchSlots(): string[] {
    return this.ctx.storage.sql
      .exec<{ batch_id: string }>('SELECT batch_id FROM batch_slots ORDER BY acquired_at')
      .toArray()
      .map((r) => r.batch_id);
  }

  /**
   * Frees slots whose batches are no longer unfinished in D1 (a lost release). `unfinished` is the
   * account's pending/processing batch ids; slots younger than `graceMs` are kept, because their batch
   * may be between slot and D1 commit.
   */
  reconcileBatchSlots(unfinished: string[], graceMs = 60_000): string[] {
    const keep = new Set(unfinished);
    const cutoff = Date.now() - graceMs;
    const stale = this.ctx.storage.sql
      .exec<{ batch_id: string; acquired_at: number }>('SELECT batch_id, acquired_at FROM batch_slots')
      .toArray()
      .filter((r) => !keep.has(r.batch_id) && r.acquired_at < cutoff)
      .map((r) => r.batch_id);
    for (const id of stale) this.releaseBatchSlot(id);
    return stale;
  }

  /**
   * Generic cell rate algorithm: allows `limitPerMinute` requests per rolling minute with bursts up to
   * the same number, and says how long to wait when over.
   */
  takeRateToken(bucket: string, limitPerMinute: number): RateDecision {
    const sql = this.ctx.storage.sql;
    const now = Date.now();
    const interval = 60_000 / limitPerMinute;
    const burst = limitPerMinute * interval;
    const row = sql.exec<{ tat: number }>('SELECT tat FROM rate_limits WHERE bucket = ?', bucket).toArray()[0];
    const tat = Math.max(row?.tat ?? now, now);
    const next = tat + interval;
    if (next - now > burst) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((next - now - burst) / 1000)) };
    sql.exec('INSERT INTO rate_limits (bucket, tat) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE SET tat = excluded.tat', bucket, next);
    return { allowed: true, remaining: Math.floor((burst - (next - now)) / interval) };
  }
}

/** The limiter of one account. */
export function accountLimiter(env: Env, accountId: string): DurableObjectStub<AccountLimiter> {
  return env.ACCOUNT_LIMITER.get(env.ACCOUNT_LIMITER.idFromName(accountId));
}

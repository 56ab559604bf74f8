/** Typed queries for the `accounts` table. */
import { newId } from '../security/random';
import { nowIso } from './time';

export interface Account {
  id: string;
  name: string;
  createdAt: string;
}

interface AccountRow {
  id: string;
  name: string;
  webhook_secret_sealed: string | null;
  created_at: string;
}

const toAccount = (row: AccountRow): Account => ({ id: row.id, name: row.name, createdAt: row.created_at });

export async function findAccountById(db: D1Database, id: string): Promise<Account | null> {
  const row = await db.prepare('SELECT * FROM accounts WHERE id = ?').bind(id).first<AccountRow>();
  return row ? toAccount(row) : null;
}

/** Returns the account with this name, creating it first if there is none. */
export async function ensureAccount(db: D1Database, name: string): Promise<Account> {
  await db
    .prepare('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING')
    .bind(newId('acct'), name, nowIso())
    .run();
  const row = await db.prepare('SELECT * FROM accounts WHERE name = ?').bind(name).first<AccountRow>();
  if (!row) throw new Error(`account ${name} vanished after insert`);
  return toAccount(row);
}

export async function getSealedWebhookSecret(db: D1Database, accountId: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT webhook_secret_sealed FROM accounts WHERE id = ?')
    .bind(accountId)
    .first<{ webhook_secret_sealed: string | null }>();
  return row?.webhook_secret_sealed ?? null;
}

/** Stores a sealed secret only if the account has none yet; returns the one that is stored afterwards. */
export async function setSealedWebhookSecretIfMissing(db: D1Database, accountId: string, sealed: string): Promise<string> {
  const row = await db
    .prepare(
      `UPDATE accounts SET webhook_secret_sealed = COALESCE(webhook_secret_sealed, ?) WHERE id = ?
       RETURNING webhook_secret_sealed`,
    )
    .bind(sealed, accountId)
    .first<{ webhook_secret_sealed: string }>();
  if (!row) throw new Error(`account ${accountId} not found`);
  return row.webhook_secret_sealed;
}

export async function replaceSealedWebhookSecret(db: D1Database, accountId: string, sealed: string): Promise<void> {
  await db.prepare('UPDATE accounts SET webhook_secret_sealed = ? WHERE id = ?').bind(sealed, accountId).run();
}

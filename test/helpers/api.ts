/** Calls the Worker's own fetch handler (real bindings, no network) and creates accounts with keys. */
import { env } from 'cloudflare:workers';
import { exports } from 'cloudflare:workers';
import { insertApiKey } from '../../src/db/api-keys';
import { ensureAccount } from '../../src/db/accounts';
import { nowIso } from '../../src/db/time';
import { generateApiKey } from '../../src/security/api-key-format';
import { newId } from '../../src/security/random';

export const BASE = 'https://ocr-translate.test';

export interface TestAccount {
  accountId: string;
  key: string;
  keyId: string;
}

/** A fresh account with one API key, named uniquely so tests never share data. */
export async function createTestAccount(label = 'test'): Promise<TestAccount> {
  const account = await ensureAccount(env.DB, `${label}-${newId('t')}`);
  const generated = await generateApiKey();
  const keyId = newId('key');
  await insertApiKey(env.DB, { id: keyId, accountId: account.id, name: 'test', prefix: generated.prefix, keyHash: generated.hash, createdAt: nowIso() });
  return { accountId: account.id, key: generated.key, keyId };
}

export function call(path: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  return exports.default.fetch(new Request(new URL(path, BASE), { ...init, headers }));
}

export async function callJson<T = any>(path: string, init: RequestInit & { key?: string } = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await call(path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Builds a multipart body: `files` as [field, bytes, filename] and text fields as [field, value]. */
export function form(parts: { files?: [string, Uint8Array, string?][]; fields?: [string, string][] }): FormData {
  const data = new FormData();
  for (const [name, value] of parts.fields ?? []) data.append(name, value);
  for (const [name, bytes, filename] of parts.files ?? []) data.append(name, new Blob([bytes]), filename ?? 'upload.bin');
  return data;
}

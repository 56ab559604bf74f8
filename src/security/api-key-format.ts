/**
 * The shape of API keys: `ocrt_<12-char lookup id>_<32-char secret>` in base62 (≈190 bits of secret).
 * The lookup id doubles as the visible prefix, so a key is found by an indexed equality on the prefix
 * and then verified by a constant-time comparison of hashes.
 */
import { sha256Hex } from './hashing';
import { randomBase62 } from './random';

const KEY_PATTERN = /^(ocrt_[0-9A-Za-z]{12})_[0-9A-Za-z]{32}$/;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export async function generateApiKey(): Promise<GeneratedApiKey> {
  const prefix = `ocrt_${randomBase62(12)}`;
  const key = `${prefix}_${randomBase62(32)}`;
  return { key, prefix, hash: await hashApiKey(key) };
}

/** The visible prefix of a well-formed key, or null when the text cannot be one of our keys. */
export function apiKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string): Promise<string> {
  return sha256Hex(key);
}

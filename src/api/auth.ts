/**
 * Bearer-key authentication for /api/v1. A key is looked up by its visible prefix and verified by
 * comparing SHA-256 hashes in constant time; unknown, malformed and revoked keys all get the same 401
 * so the answer reveals nothing about which keys exist.
 */
import { createMiddleware } from 'hono/factory';
import { findApiKeyByPrefix, touchApiKey } from '../db/api-keys';
import { apiKeyPrefix, hashApiKey } from '../security/api-key-format';
import { timingSafeEqualText } from '../security/hashing';
import type { AppEnv } from './context';
import { ApiError } from './errors';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="ocr-translate"' };

function unauthorized(message: string): ApiError {
  return new ApiError('unauthorized', message, undefined, CHALLENGE);
}

export const requireApiKey = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  if (!header) throw unauthorized('Missing API key: send "Authorization: Bearer <key>".');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Malformed Authorization header: expected "Bearer <key>".');

  const key = match[1];
  const prefix = apiKeyPrefix(key);
  const record = prefix ? await findApiKeyByPrefix(c.env.DB, prefix) : null;
  const presentedHash = await hashApiKey(key);
  // Compare even when no record was found, so timing does not tell unknown keys from wrong ones.
  const matches = timingSafeEqualText(presentedHash, record?.keyHash ?? '0'.repeat(64));
  if (!record || !matches || record.revokedAt) throw unauthorized('Invalid or revoked API key.');

  c.set('accountId', record.accountId);
  c.set('apiKeyId', record.id);
  // Recording use must never slow the request down or fail it.
  c.executionCtx.waitUntil(touchApiKey(c.env.DB, record.id).catch(() => undefined));
  await next();
});

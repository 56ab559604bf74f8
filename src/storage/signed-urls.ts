/**
 * Signed, expiring URLs for stored images, so clients (and browsers) can fetch outputs without an API
 * key. The signature is HMAC-SHA256 over the object key and the expiry with URL_SIGNING_SECRET; changing
 * either invalidates it.
 */
import { toBase64Url } from '../security/encoding';
import { hmacSha256, timingSafeEqualText } from '../security/hashing';

export const FILES_PATH = '/files/';

function signingInput(key: string, expires: number): string {
  return `${key}\n${expires}`;
}

async function signature(secret: string, key: string, expires: number): Promise<string> {
  return toBase64Url(await hmacSha256(secret, signingInput(key, expires)));
}

/** An absolute URL for `key` valid until now + ttlSeconds. */
export async function signObjectUrl(options: { baseUrl: string; key: string; secret: string; ttlSeconds: number; now?: number }): Promise<string> {
  const now = options.now ?? Date.now();
  const expires = Math.floor(now / 1000) + options.ttlSeconds;
  const sig = await signature(options.secret, options.key, expires);
  const url = new URL(FILES_PATH + options.key.split('/').map(encodeURIComponent).join('/'), options.baseUrl);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('signature', sig);
  return url.toString();
}

export type SignatureCheck = { ok: true; key: string } | { ok: false; reason: 'missing' | 'expired' | 'invalid' };

/** Checks a /files/… URL: its signature must match and its expiry lie in the future. */
export async function verifySignedUrl(url: URL, secret: string, now = Date.now()): Promise<SignatureCheck> {
  const expiresText = url.searchParams.get('expires');
  const sig = url.searchParams.get('signature');
  if (!expiresText || !sig || !url.pathname.startsWith(FILES_PATH)) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(expiresText)) return { ok: false, reason: 'invalid' };
  let key: string;
  try {
    key = url.pathname.slice(FILES_PATH.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const expires = Number(expiresText);
  const expected = await signature(secret, key, expires);
  if (!timingSafeEqualText(expected, sig)) return { ok: false, reason: 'invalid' };
  if (expires * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, key };
}

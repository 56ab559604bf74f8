/** SHA-256, HMAC-SHA256 and constant-time comparison on Web Crypto. */
import { toHex, utf8 } from './encoding';

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? utf8.encode(data) : data;
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

// Importing a key costs more than one signature; the few long-lived secrets (URL signing) stay imported.
const hmacKeys = new Map<string, Promise<CryptoKey>>();
const MAX_CACHED_KEYS = 8;

function hmacKey(secret: string | Uint8Array): Promise<CryptoKey> {
  const material = typeof secret === 'string' ? utf8.encode(secret) : secret;
  const make = () => crypto.subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  if (typeof secret !== 'string') return make();
  let key = hmacKeys.get(secret);
  if (!key) {
    if (hmacKeys.size >= MAX_CACHED_KEYS) hmacKeys.clear();
    key = make();
    hmacKeys.set(secret, key);
  }
  return key;
}

export async function hmacSha256(secret: string | Uint8Array, message: string): Promise<Uint8Array> {
  const key = await hmacKey(secret);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(message)));
}

/** Compares two strings without leaking, through timing, where they first differ. */
export function timingSafeEqualText(a: string, b: string): boolean {
  const left = utf8.encode(a);
  const right = utf8.encode(b);
  if (left.byteLength !== right.byteLength) {
    // Still spend the comparison so length is the only thing timing can reveal.
    crypto.subtle.timingSafeEqual(left, left);
    return false;
  }
  return crypto.subtle.timingSafeEqual(left, right);
}

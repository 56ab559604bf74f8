/**
 * Encrypts secrets the service must be able to read back (webhook signing secrets) with AES-256-GCM
 * under DATA_ENCRYPTION_KEY, so the database never holds them in clear. API keys are not stored this
 * way: they are only ever compared, so only their hash is kept.
 */
import { fromBase64, toBase64, utf8 } from './encoding';

const VERSION = 'v1';
const keys = new Map<string, Promise<CryptoKey>>();

function aesKey(base64Key: string): Promise<CryptoKey> {
  let key = keys.get(base64Key);
  if (!key) {
    const raw = fromBase64(base64Key);
    if (raw.byteLength !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
    key = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    keys.set(base64Key, key);
  }
  return key;
}

/** Returns `v1.<iv>.<ciphertext>` (base64 parts). */
export async function sealSecret(plaintext: string, base64Key: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(base64Key), utf8.encode(plaintext));
  return `${VERSION}.${toBase64(iv)}.${toBase64(sealed)}`;
}

export async function openSecret(sealed: string, base64Key: string): Promise<string> {
  const [version, iv, data] = sealed.split('.');
  if (version !== VERSION || !iv || !data) throw new Error('Unrecognised sealed secret format');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, await aesKey(base64Key), fromBase64(data));
  return new TextDecoder().decode(plain);
}

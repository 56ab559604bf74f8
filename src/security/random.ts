/** Random identifiers and secrets from the platform CSPRNG. */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `length` characters of base62 drawn without modulo bias (rejection sampling). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < 248) out += ALPHABET[b % 62]; // 248 = 4 × 62: keeps every character equally likely
      if (out.length === length) break;
    }
  }
  return out;
}

/** A public identifier such as `batch_4Fq…` (96 bits: unguessable, so ids leak nothing). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase62(16)}`;
}

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from '../../src/security/secret-box';
import { toBase64 } from '../../src/security/encoding';

const key = toBase64(new Uint8Array(32).fill(7));

describe('secret box', () => {
  it('round-trips and never repeats a ciphertext', async () => {
    const a = await sealSecret('whsec_abc', key);
    const b = await sealSecret('whsec_abc', key);
    expect(a).not.toBe(b);
    expect(await openSecret(a, key)).toBe('whsec_abc');
  });
  it('refuses a tampered ciphertext or the wrong key', async () => {
    const sealed = await sealSecret('whsec_abc', key);
    const parts = sealed.split('.');
    const tampered = [parts[0], parts[1], (parts[2][0] === 'A' ? 'B' : 'A') + parts[2].slice(1)].join('.');
    await expect(openSecret(tampered, key)).rejects.toThrow();
    await expect(openSecret(sealed, toBase64(new Uint8Array(32).fill(8)))).rejects.toThrow();
  });
});

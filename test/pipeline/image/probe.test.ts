import { describe, expect, it } from 'vitest';
import { probeImage } from '../../../src/pipeline/image/probe';
import { fixtures } from '../../fixtures';
import { GIF_BYTES, makeImage, pngClaiming } from '../../helpers/images';

describe('probeImage', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('identifies %s from its bytes and reads its size', (format) => {
    const result = probeImage(makeImage(format, 37, 21));
    expect(result).toEqual({ ok: true, image: expect.objectContaining({ format, width: 37, height: 21 }) });
  });

  it('reads the real fixtures', () => {
    expect(probeImage(fixtures.frSigns())).toMatchObject({ ok: true, image: { format: 'jpeg', width: 692, height: 1024 } });
    expect(probeImage(fixtures.svSettings())).toMatchObject({ ok: true, image: { format: 'png', width: 1080, height: 2400 } });
  });

  it('refuses other formats as unsupported, naming them', () => {
    const gif = probeImage(GIF_BYTES);
    expect(gif).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(!gif.ok && gif.message).toContain('GIF');
    expect(probeImage(new TextEncoder().encode('hello, not an image'))).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(probeImage(new Uint8Array())).toMatchObject({ ok: false, kind: 'unsupported' });
  });

  it('reads huge dimensions from the header without decoding', () => {
    expect(probeImage(pngClaiming(10_000, 6_000))).toMatchObject({ ok: true, image: { width: 10_000, height: 6_000 } });
  });

  it.each(['png', 'jpeg', 'webp'] as const)('reports a truncated %s as corrupt', (format) => {
    const whole = makeImage(format, 64, 64);
    expect(probeImage(whole.subarray(0, 20))).toMatchObject({ ok: false, kind: 'corrupt' });
  });

  it('reports a PNG whose header checksum is wrong as corrupt', () => {
    const png = makeImage('png');
    png[18] ^= 0xff; // a byte of the width, inside the checksummed IHDR
    expect(probeImage(png)).toMatchObject({ ok: false, kind: 'corrupt' });
  });

  it('reports a PNG cut off before IEND as corrupt', () => {
    const png = makeImage('png', 64, 64);
    expect(probeImage(png.subarray(0, png.length - 12))).toMatchObject({ ok: false, kind: 'corrupt' });
  });

  it('reports zero dimensions as corrupt', () => {
    expect(probeImage(pngClaiming(0, 10))).toMatchObject({ ok: false, kind: 'corrupt' });
  });
});

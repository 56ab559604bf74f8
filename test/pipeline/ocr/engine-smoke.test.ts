import { env } from 'cloudflare:test';
import { PhotonImage } from '@cf-wasm/photon';
import { expect, it } from 'vitest';
import { assetModelSource, LATIN_MODEL } from '../../../src/pipeline/ocr/models';
import { withEngine } from '../../../src/pipeline/ocr/tesseract-engine';
import png from '../../fixtures/hello-probe.png?inline';

function bytesOf(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

it('reads text', async () => {
  const img = PhotonImage.new_from_byteslice(bytesOf(png));
  const rgba = img.get_raw_pixels();
  const w = img.get_width(), h = img.get_height();
  img.free();
  const text = await withEngine(assetModelSource(env.ASSETS), async (engineFor) => {
    const engine = await engineFor(LATIN_MODEL);
    const data = new Uint8Array(rgba.length);
    for (let i = 0; i < rgba.length; i += 4) { data[i] = rgba[i + 3]; data[i + 1] = rgba[i + 2]; data[i + 2] = rgba[i + 1]; data[i + 3] = rgba[i]; }
    engine.loadImage({ width: w, height: h, data });
    return engine.getText();
  });
  expect(text.trim()).toBe('Hello quick world');
});

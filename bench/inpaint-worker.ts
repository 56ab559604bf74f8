/**
 * Worker run by bench/inpaint-preview.mjs. `POST /ocr` decodes a posted image with photon (for this
 * preview only) and answers recognizeText's regions. `POST /clean` takes the image and those regions
 * (see readCleanRequest) and removes the text as removeText does — masks measured on the untouched
 * picture, then one fill per region — with the WebAssembly kernel or the TypeScript reference, and
 * answers the clean PNG with timings in the `x-stats` header. `overlay=1` answers the masks instead, as
 * magenta over the original, to judge what is being filled.
 */
import { PhotonImage } from '@cf-wasm/photon';
import { isLanguageCode } from '../src/languages';
import { assetModelSource } from '../src/pipeline/ocr/models';
import { recognizeText } from '../src/pipeline/ocr/recognize-text';
import { inpaintMemoryBytes, inpaintRegion } from '../src/pipeline/render/inpaint';
import { inpaintRegionReference } from '../src/pipeline/render/inpaint-reference';
import { planRemoval } from '../src/pipeline/render/remove-text';
import type { RgbaImage, TextRegion } from '../src/pipeline/types';

function decode(bytes: Uint8Array): RgbaImage {
  const photon = PhotonImage.new_from_byteslice(bytes);
  const image = { width: photon.get_width(), height: photon.get_height(), data: photon.get_raw_pixels() };
  photon.free();
  return image;
}

function encodePng(image: RgbaImage): Uint8Array {
  const photon = new PhotonImage(image.data, image.width, image.height);
  const png = photon.get_bytes();
  photon.free();
  return png;
}

/** Body of /clean: a 4-byte little-endian length, that many bytes of JSON `{ regions }`, then the image file. */
function readCleanRequest(body: Uint8Array): { regions: TextRegion[]; image: RgbaImage } {
  const length = new DataView(body.buffer, body.byteOffset).getUint32(0, true);
  const { regions } = JSON.parse(new TextDecoder().decode(body.subarray(4, 4 + length)));
  return { regions, image: decode(body.subarray(4 + length)) };
}

/** Lets the clock catch up: locally it runs during CPU work, in production only across I/O. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (url.pathname === '/ocr') {
      const lang = url.searchParams.get('lang') ?? '';
      const image = decode(bytes);
      const result = await recognizeText(image, { models: assetModelSource(env.ASSETS), sourceLang: isLanguageCode(lang) ? lang : undefined });
      return Response.json({ width: image.width, height: image.height, ...result });
    }

    const { regions, image } = readCleanRequest(bytes);
    await tick();
    const started = performance.now();
    // The masks removeText uses (turned text is masked in its upright view); the time includes the style estimate made with them.
    const masks = planRemoval(image, regions).map((plan) => plan.mask);
    await tick();
    const maskMs = performance.now() - started;

    if (url.searchParams.has('overlay')) {
      for (const { box, mask } of masks) {
        for (let y = 0; y < box.height; y++) {
          for (let x = 0; x < box.width; x++) {
            if (!mask[y * box.width + x]) continue;
            const i = ((box.y + y) * image.width + box.x + x) * 4;
            image.data[i] = (image.data[i] + 255) >> 1;
            image.data[i + 1] >>= 1;
            image.data[i + 2] = (image.data[i + 2] + 255) >> 1;
          }
        }
      }
      return new Response(encodePng(image), { headers: { 'content-type': 'image/png' } });
    }

    const fill = url.searchParams.get('engine') === 'reference' ? inpaintRegionReference : inpaintRegion;
    let maskedPixels = 0;
    let boxPixels = 0;
    for (const { box, mask } of masks) {
      boxPixels += box.width * box.height;
      for (const m of mask) maskedPixels += m;
    }
    await tick();
    const inpaintStarted = performance.now();
    for (const { box, mask } of masks) fill(image, mask, box);
    await tick();
    const inpaintMs = performance.now() - inpaintStarted;
    const stats = { maskMs, inpaintMs, maskedPixels, boxPixels, regions: masks.length, heapBytes: inpaintMemoryBytes() };
    return new Response(encodePng(image), { headers: { 'content-type': 'image/png', 'x-stats': JSON.stringify(stats) } });
  },
} satisfies ExportedHandler<Env>;

// wrangler.toml binds this Durable Object class, so every entrypoint run with it must export it.
export { AccountLimiter } from '../src/limits/account-limiter';

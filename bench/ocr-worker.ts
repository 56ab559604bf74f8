/**
 * Worker run by bench/ocr.mjs: decodes a posted image with the pipeline's own decoder (decode-image.ts:
 * mozjpeg for JPEG, our PNG decoder) and runs recognizeText on it, answering with the result, the time
 * OCR took inside workerd and the size of the Tesseract heaps afterwards.
 */
import { PhotonImage } from '@cf-wasm/photon';
import { isLanguageCode } from '../src/languages';
import { decodeImage } from '../src/pipeline/image/decode-image';
import { probeImage } from '../src/pipeline/image/probe';
import { assetModelSource } from '../src/pipeline/ocr/models';
import { recognizeText } from '../src/pipeline/ocr/recognize-text';
import { engineHeapBytes } from '../src/pipeline/ocr/tesseract-engine';

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const models = assetModelSource(env.ASSETS);
    if (url.pathname === '/heap') return Response.json({ heapBytes: await engineHeapBytes() });
    const bytes = new Uint8Array(await request.arrayBuffer());
    let image;
    if (url.searchParams.has('synth')) {
      // A large image made here from a small posted one (nearest-neighbour upscale), so the request body
      // stays small and the only large allocation before OCR is the RGBA input itself.
      const size = Number(url.searchParams.get('synth'));
      const small = PhotonImage.new_from_byteslice(bytes);
      const w = small.get_width();
      const h = small.get_height();
      const pixels = small.get_raw_pixels();
      small.free();
      const data = new Uint8Array(size * size * 4);
      const words = new Uint32Array(data.buffer);
      const source = new Uint32Array(pixels.buffer, pixels.byteOffset, w * h);
      for (let y = 0; y < size; y++) {
        const row = Math.floor((y * h) / size) * w;
        for (let x = 0; x < size; x++) words[y * size + x] = source[row + Math.floor((x * w) / size)];
      }
      if (url.searchParams.has('noop')) return Response.json({ heapBytes: await engineHeapBytes(), regions: [], checksum: data[12345] });
      const result = await recognizeText({ width: size, height: size, data }, { models });
      return Response.json({ heapBytes: await engineHeapBytes(), ...result });
    }
    if (url.searchParams.has('raw')) {
      // Raw RGBA with the size in the query: skips photon for inputs it would need >128 MB to decode.
      image = { width: Number(url.searchParams.get('w')), height: Number(url.searchParams.get('h')), data: bytes };
    } else {
      const probe = probeImage(bytes);
      if (!probe.ok) return Response.json({ error: probe.message }, { status: 422 });
      image = (await decodeImage(bytes, { format: probe.image.format, images: env.IMAGES })).image;
    }
    const lang = url.searchParams.get('lang') ?? '';
    const started = performance.now();
    const result = await recognizeText(image, { models, sourceLang: isLanguageCode(lang) ? lang : undefined });
    // Workers freeze the clock during CPU work; Date.now()/performance.now() advance only across I/O,
    // so the time is taken around the call and also reported by the driver from outside.
    const ms = performance.now() - started;
    return Response.json({ ms, heapBytes: await engineHeapBytes(), ...result });
  },
} satisfies ExportedHandler<Env>;

// wrangler.toml binds this Durable Object class, so every entrypoint run with it must export it.
export { AccountLimiter } from '../src/limits/account-limiter';

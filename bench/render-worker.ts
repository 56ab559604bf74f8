/**
 * Worker run by bench/render-preview.mjs (not part of the app): OCR, style estimation and the renderer on
 * real pictures, so the drawn translations can be looked at and read back by an independent OCR.
 *
 *   POST /ocr      body: image bytes                → { width, height, regions, sourceLang }
 *   POST /render   body: JSON { image (base64), regions, translations (one per region; null = keep),
 *                  noOutline (optional: drop the estimated outlines, to judge them) }
 *                  → PNGs (base64): the translation over the original's text area filled with the
 *                    estimated background colour (a flat stand-in for inpainting, which is another
 *                    module's job), and the styles and layouts used
 *   POST /bench    ?w=&h=&regions=&rw=&rh=&text=&draw=0|1 → builds a w×h image here and draws `regions`
 *                  regions of rw×rh; the driver times it from outside (the Workers clock stands still
 *                  during CPU work) against draw=0, and reads resvg's heap afterwards.
 * photon decodes and encodes here only; the pipeline's own codec is another module's job.
 */
import { PhotonImage } from '@cf-wasm/photon';
import { assetModelSource } from '../src/pipeline/ocr/models';
import { recognizeText } from '../src/pipeline/ocr/recognize-text';
import { regionMask, removeText } from '../src/pipeline/render/remove-text';
import { layoutAll, renderTranslations, type TranslationToDraw } from '../src/pipeline/render/render-translations';
import { resvgHeapBytes } from '../src/pipeline/render/resvg-engine';
import { lineInk } from '../src/pipeline/render/text-mask';
import type { RegionStyle, RgbaImage, TextRegion } from '../src/pipeline/types';

function decode(bytes: Uint8Array): RgbaImage {
  const photon = PhotonImage.new_from_byteslice(bytes);
  try {
    return { width: photon.get_width(), height: photon.get_height(), data: photon.get_raw_pixels() };
  } finally {
    photon.free();
  }
}

function png(image: RgbaImage): string {
  const photon = new PhotonImage(image.data, image.width, image.height);
  try {
    const bytes = photon.get_bytes();
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  } finally {
    photon.free();
  }
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The regions' text areas filled flat with their background colour: enough to judge placement by. */
function flatClean(image: RgbaImage, regions: TextRegion[], styles: RegionStyle[]): RgbaImage {
  const out = { ...image, data: image.data.slice() };
  const masks = regions.map((region) => regionMask(image, region, region.lines.map((line) => lineInk(image, line))));
  masks.forEach(({ box, mask }, r) => {
    const [red, green, blue] = styles[r].backgroundColor;
    for (let y = 0; y < box.height; y++) {
      for (let x = 0; x < box.width; x++) {
        if (!mask[y * box.width + x]) continue;
        const i = ((box.y + y) * image.width + box.x + x) * 4;
        out.data[i] = red;
        out.data[i + 1] = green;
        out.data[i + 2] = blue;
      }
    }
  });
  return out;
}

async function render(body: { image: string; regions: TextRegion[]; translations: (string | null)[]; noOutline?: boolean }) {
  const original = decode(fromBase64(body.image));
  let styles = (await removeText({ ...original, data: original.data.slice() }, body.regions)).styles;
  // An experiment for judging the style estimate's outlines: the same picture without them.
  if (body.noOutline) styles = styles.map((style) => ({ ...style, outline: null }));
  const clean = flatClean(original, body.regions, styles);
  const items: TranslationToDraw[] = [];
  body.regions.forEach((region, i) => {
    const text = body.translations[i];
    if (text != null) items.push({ region, style: styles[i], translatedText: text });
  });
  // Regions left untranslated keep their original text: only translated ones are cleaned.
  const kept = body.regions.map((_, i) => body.translations[i] == null);
  const base = { ...clean, data: clean.data.slice() };
  kept.forEach((keep, i) => {
    if (!keep) return;
    const b = styles[i].box;
    for (let y = b.y; y < b.y + b.height; y++) {
      const from = (y * original.width + b.x) * 4;
      base.data.set(original.data.subarray(from, from + b.width * 4), from);
    }
  });
  const translated = await renderTranslations(base, items);
  const layouts = layoutAll(items).map((plan) => ({ ...plan.layout, rotation: plan.rotation }));
  return { translated: png(translated), styles, layouts, heapBytes: resvgHeapBytes() };
}

/** A w×h grey image with `count` regions of rw×rh in rows, each given `text` to draw. */
async function bench(url: URL) {
  const n = (key: string, fallback: number) => Number(url.searchParams.get(key) ?? fallback);
  const width = n('w', 2000);
  const height = n('h', 2000);
  const count = n('regions', 20);
  const rw = n('rw', 300);
  const rh = n('rh', 60);
  const text = url.searchParams.get('text') ?? 'Please keep this door closed at all times';
  const image: RgbaImage = { width, height, data: new Uint8Array(width * height * 4).fill(200) };
  const items: TranslationToDraw[] = [];
  const perRow = Math.max(1, Math.floor(width / (rw + 10)));
  for (let i = 0; i < count; i++) {
    const box = { x: (i % perRow) * (rw + 10), y: (Math.floor(i / perRow) * (rh + 10)) % Math.max(1, height - rh), width: rw, height: rh };
    const fontSize = (rh * 0.8) / 1.2;
    const region: TextRegion = { text, confidence: 1, box, lines: [{ text, confidence: 1, box: { ...box, height: rh * 0.8 }, words: [] }], excludedSpans: [] };
    items.push({
      region,
      style: { textColor: [20, 20, 20], backgroundColor: [200, 200, 200], fontSize, lineHeight: fontSize * 1.2, bold: i % 2 === 1, align: 'center', outline: i % 3 === 2 ? { color: [255, 255, 255], width: 2 } : null, box },
      translatedText: text,
    });
  }
  if (url.searchParams.get('draw') !== '0') await renderTranslations(image, items);
  return { heapBytes: resvgHeapBytes(), checksum: image.data[(height >> 1) * width * 4] };
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/ocr') {
      const image = decode(new Uint8Array(await request.arrayBuffer()));
      const result = await recognizeText(image, { models: assetModelSource(env.ASSETS) });
      return Response.json({ width: image.width, height: image.height, ...result });
    }
    if (url.pathname === '/render') return Response.json(await render(await request.json()));
    if (url.pathname === '/bench') return Response.json(await bench(url));
    return new Response('not found', { status: 404 });
  },
} satisfies ExportedHandler<Env>;

// wrangler.toml binds this Durable Object class, so every entrypoint run with it must export it.
export { AccountLimiter } from '../src/limits/account-limiter';

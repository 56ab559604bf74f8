/**
 * Worker run by bench/ocr-debug.mjs: shows what OCR sees in one posted image. It decodes the image as
 * the pipeline does (or with photon, `?decoder=photon`), makes the same grey working copy, and answers with every text-line candidate the
 * detector found (polarity, box, character height, ink and paper levels, its character boxes), each
 * candidate (refined as recognizeText refines them, or raw with `?raw=1`) read upright and upside down with the Latin model (and with `?lang=` when given), and the
 * final result of recognizeText, so a wrong or missing word can be traced to detection or reading.
 */
import { PhotonImage } from '@cf-wasm/photon';
import { isLanguageCode } from '../src/languages';
import { decodeImage } from '../src/pipeline/image/decode-image';
import { probeImage } from '../src/pipeline/image/probe';
import { grayScaled } from '../src/pipeline/ocr/gray-image';
import { recognizeLine, type LineReading } from '../src/pipeline/ocr/line-recognition';
import { refineLines } from '../src/pipeline/ocr/line-refinement';
import { colourSampler } from '../src/pipeline/ocr/working-colour';
import { LATIN_MODEL, assetModelSource, modelFileFor } from '../src/pipeline/ocr/models';
import { recognizeText } from '../src/pipeline/ocr/recognize-text';
import { withEngine } from '../src/pipeline/ocr/tesseract-engine';
import { detectTextLines } from '../src/pipeline/ocr/text-detection';

const WORKING_PIXELS = 3_000_000; // as in recognize-text.ts

const summary = (r: LineReading) => ({
  text: r.words.map((w) => w.text).join(' '),
  confidence: Number(r.confidence.toFixed(3)),
  words: r.words.map((w) => `${w.text}:${w.confidence.toFixed(2)}`),
});

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const models = assetModelSource(env.ASSETS);
    const bytes = new Uint8Array(await request.arrayBuffer());
    // The pipeline's own decoder by default (mozjpeg for JPEG); `?decoder=photon` for comparison.
    let image;
    if (url.searchParams.get('decoder') === 'photon') {
      const photon = PhotonImage.new_from_byteslice(bytes);
      image = { width: photon.get_width(), height: photon.get_height(), data: photon.get_raw_pixels() };
      photon.free();
    } else {
      const probe = probeImage(bytes);
      if (!probe.ok) return Response.json({ error: probe.message }, { status: 422 });
      image = (await decodeImage(bytes, { format: probe.image.format, images: env.IMAGES })).image;
    }
    const lang = url.searchParams.get('lang') ?? '';
    const sourceLang = isLanguageCode(lang) ? lang : undefined;
    const scale = Math.min(1, Math.sqrt(WORKING_PIXELS / (image.width * image.height)));
    const gray = grayScaled(image, scale);
    const detection = detectTextLines(gray);
    // As recognizeText reads them (refined), unless `?raw=1` asks for the candidates as detected.
    if (!url.searchParams.has('raw')) detection.lines = refineLines(gray, detection.lines, colourSampler(image, scale, 0));
    const lines = await withEngine(models, async (engineFor) => {
      const latin = await engineFor(LATIN_MODEL);
      const out = detection.lines.map((line) => ({
        polarity: line.polarity,
        box: line.box,
        charHeight: line.charHeight,
        inkLevel: Math.round(line.inkLevel),
        paperLevel: Math.round(line.paperLevel),
        characters: line.characters,
        parts: line.parts,
        latin: summary(recognizeLine(latin, gray, line)),
        latinFlipped: summary(recognizeLine(latin, gray, line, true)),
        given: undefined as ReturnType<typeof summary> | undefined,
      }));
      if (sourceLang) {
        const engine = await engineFor(modelFileFor(sourceLang));
        detection.lines.forEach((line, i) => (out[i].given = summary(recognizeLine(engine, gray, line))));
      }
      return out;
    });
    const result = await recognizeText(image, { models, sourceLang: url.searchParams.has('auto') ? undefined : sourceLang });
    return Response.json({ scale, width: gray.width, height: gray.height, verticalRatio: detection.verticalRatio, lines, result });
  },
} satisfies ExportedHandler<Env>;

// wrangler.toml binds this Durable Object class, so every entrypoint run with it must export it.
export { AccountLimiter } from '../src/limits/account-limiter';

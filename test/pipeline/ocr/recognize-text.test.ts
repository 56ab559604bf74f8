import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { assetModelSource } from '../../../src/pipeline/ocr/models';
import { ocrRunCount, recognizeText } from '../../../src/pipeline/ocr/recognize-text';
import type { OcrResult, RgbaImage } from '../../../src/pipeline/types';
import { releaseEngines } from '../../../src/pipeline/ocr/tesseract-engine';
import deWhiteOverPhoto from '../../fixtures/generated/de_white_over_photo.jpg?inline';
import enOutlinedOverPhoto from '../../fixtures/generated/en_outlined_over_photo.jpg?inline';
import frPictogramSign from '../../fixtures/generated/fr_pictogram_sign.png?inline';
import svUpsideDownPhoto from '../../fixtures/generated/sv_upside_down_photo.jpg?inline';
import { decode, generatedImage, type GeneratedFixture } from '../../generated-fixtures';
import { fixtures } from '../../fixtures';

const models = assetModelSource(env.ASSETS);

/** Normalised words of the text, for comparing with what was drawn. */
const words = (text: string) =>
  text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);

const allText = (result: OcrResult) => result.regions.map((r) => r.text).join('\n');

/** An image inlined by Vite as a data URL, decoded. */
const inlined = (dataUrl: string) => decode(Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0)));

function expectWellFormed(result: OcrResult, image: RgbaImage) {
  const inside = (b: { x: number; y: number; width: number; height: number }) => {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.width).toBeGreaterThan(0);
    expect(b.height).toBeGreaterThan(0);
    expect(b.x + b.width).toBeLessThanOrEqual(image.width);
    expect(b.y + b.height).toBeLessThanOrEqual(image.height);
  };
  for (const region of result.regions) {
    expect(region.confidence).toBeGreaterThanOrEqual(0);
    expect(region.confidence).toBeLessThanOrEqual(1);
    expect(region.text).toBe(region.lines.map((l) => l.text).join('\n'));
    inside(region.box);
    for (const line of region.lines) {
      inside(line.box);
      expect(line.text).toBe(line.words.map((w) => w.text).join(' '));
      for (const word of line.words) {
        inside(word.box);
        expect(word.confidence).toBeGreaterThanOrEqual(0);
        expect(word.confidence).toBeLessThanOrEqual(1);
      }
    }
  }
}

describe('recognizeText on generated images with known text', () => {
  const cases: [GeneratedFixture, string, string][] = [
    ['deDarkOnLight', 'de', 'Bitte schließen Sie die Tür nach dem Verlassen des Raumes. Vielen Dank für Ihre Mithilfe!'],
    ['frLightOnDark', 'fr', 'Sortie de secours Ne pas encombrer le passage'],
    ['esColours', 'es', 'Oferta especial de verano Descuentos en todos los productos'],
    ['ptRotated90', 'pt', 'Proibido estacionar nesta rua Obrigado pela compreensão'],
    ['svSmallText', 'sv', 'Tryck här för att öppna inställningarna och välj vilket språk du vill använda. Ändringarna sparas automatiskt.'],
    ['daSign', 'da', 'Parkering forbudt hele dagen efter klokken otte'],
    ['deScriptFont', 'de', 'Willkommen zu Hause'],
    ['enButtonOk', 'en', 'OK'],
  ];
  for (const [name, language, text] of cases) {
    it(`reads ${name} and detects ${language}`, async () => {
      const image = generatedImage(name);
      const result = await recognizeText(image, { models });
      const found = words(allText(result));
      const missing = words(text).filter((w) => !found.includes(w));
      // Nearly every word, allowing one slip on the longest texts.
      expect(missing.length, `missing ${missing.join(', ')} in ${allText(result)}`).toBeLessThanOrEqual(1);
      expect(result).toMatchObject({ sourceLang: language, detected: true });
      expectWellFormed(result, image);
    });
  }

  it('maps boxes of text rotated 90° back onto the rotated image', async () => {
    const image = generatedImage('ptRotated90'); // text runs top to bottom in a tall image
    const result = await recognizeText(image, { models, sourceLang: 'pt' });
    const line = result.regions.flatMap((r) => r.lines).find((l) => l.text.includes('estacionar'));
    expect(line, allText(result)).toBeDefined();
    expect(line!.box.height).toBeGreaterThan(3 * line!.box.width);
  });

  it('groups a multi-block image into its blocks, keeping each line', async () => {
    const image = generatedImage('itMultiBlock');
    const result = await recognizeText(image, { models, sourceLang: 'it' });
    expect(result.regions.map((r) => r.text)).toEqual([
      'Benvenuti al ristorante',
      'Pasta fresca fatta in casa\ncon pomodoro e basilico',
      'Chiuso il lunedì',
    ]);
    expect(result.regions[1].lines).toHaveLength(2);
    expect(result.regions[1].lines[0].box.y).toBeLessThan(result.regions[1].lines[1].box.y);
    expectWellFormed(result, image);
  });

  it('keeps the letters of a line in another language than the page', async () => {
    const result = await recognizeText(generatedImage('enBilingualSign'), { models });
    expect(result.sourceLang).toBe('en');
    expect(words(allText(result))).toEqual(expect.arrayContaining(['staff', 'entrance', 'área', 'sólo']));
    // ...and says which region is in which language, so it is translated from its own.
    const spanish = result.regions.find((r) => r.text.includes('restringida'));
    expect(spanish?.language).toBe('es');
    expect(result.regions.filter((r) => r !== spanish).every((r) => r.language === undefined)).toBe(true);
  });

  it('uses the given language without detecting', async () => {
    const result = await recognizeText(generatedImage('noNotice'), { models, sourceLang: 'no' });
    expect(result).toMatchObject({ sourceLang: 'no', detected: false });
    expect(words(allText(result))).toEqual(expect.arrayContaining(['døren', 'stengt', 'nøkkelen']));
  });

  it('finds no regions, without error, in an image without text', async () => {
    const result = await recognizeText(generatedImage('noText'), { models });
    expect(result.regions).toEqual([]);
  });

  it('marks exclude_text matches on regions and words', async () => {
    const result = await recognizeText(generatedImage('deDarkOnLight'), {
      models,
      excludePatterns: ['Vielen Dank', 'Tür'],
    });
    const excluded = result.regions.flatMap((r) => r.excludedSpans.map((s) => r.text.slice(s.start, s.end)));
    expect(excluded.map((t) => t.replace(/\s+/g, ' '))).toEqual(['Tür', 'Vielen Dank']);
    const marked = result.regions.flatMap((r) => r.lines.flatMap((l) => l.words.filter((w) => w.excluded)));
    expect(marked.map((w) => w.text)).toEqual(['Tür', 'Vielen', 'Dank']);
  });

  it('counts its runs', async () => {
    const before = ocrRunCount();
    await recognizeText(generatedImage('helloProbe'), { models });
    expect(ocrRunCount()).toBe(before + 1);
  });
});

describe('recognizeText on real photos', () => {
  it('reads the Paris street signs (light on dark, busy background) and detects French', async () => {
    const image = decode(fixtures.frSigns());
    const result = await recognizeText(image, { models });
    expect(result.sourceLang).toBe('fr');
    expect(words(allText(result))).toEqual(expect.arrayContaining(['mairie', 'louvre', 'décoratifs', 'théâtre']));
    expectWellFormed(result, image);
  });

  it('reads the Swedish screenshot and detects Swedish', async () => {
    const image = decode(fixtures.svSettings());
    const result = await recognizeText(image, { models });
    expect(result.sourceLang).toBe('sv');
    expect(words(allText(result))).toEqual(expect.arrayContaining(['avancerade', 'påminnelse', 'läkemedel', 'översikt']));
  });
});

describe('recognizeText on text over photos, signs and turned lines', () => {
  it('reads white bold type over pale stone (letters that touch background of about their grey)', async () => {
    const image = inlined(deWhiteOverPhoto);
    const result = await recognizeText(image, { models });
    expect(words(allText(result))).toEqual(['winterschlussverkauf', 'alles', 'muss', 'raus']);
    expect(result.sourceLang).toBe('de');
    expectWellFormed(result, image);
  });

  it('reads white type with a black outline over a photo, without reading the texture as strokes', async () => {
    const result = await recognizeText(inlined(enOutlinedOverPhoto), { models });
    expect(words(allText(result))).toEqual(['autumn', 'collection']);
  });

  it('turns a page whose one line, over a photo, is upside down', async () => {
    const result = await recognizeText(inlined(svUpsideDownPhoto), { models });
    expect(words(allText(result))).toEqual(['välkommen', 'till', 'vår', 'butik']);
    expect(result.sourceLang).toBe('sv');
  });

  it('does not read a pictogram in its square beside the words as a letter', async () => {
    const result = await recognizeText(inlined(frPictogramSign), { models, sourceLang: 'fr' });
    expect(result.regions.map((r) => r.text)).toEqual(['Gare du Nord', 'Tour Eiffel']);
  });

  it('keeps the cartoon upright when its candidates that are not text read better upside down', async () => {
    // A fresh engine that reads French first, as an isolate that served a French photo would: the
    // cartoon's picket fence and flowers are its largest candidates and read as well upside down.
    await releaseEngines();
    await recognizeText(decode(fixtures.frSigns()), { models, sourceLang: 'fr' });
    const result = await recognizeText(decode(fixtures.deCartoon()), { models, sourceLang: 'de' });
    expect(words(allText(result))).toEqual(expect.arrayContaining(['halten', 'sie', 'versprechen', 'geben', 'dazu']));
  });
});

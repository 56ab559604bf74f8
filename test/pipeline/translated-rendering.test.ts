// Translating an analysis's regions with the offline engine the tests run with (wrangler.toml's default).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { RecognizedText } from '../../src/pipeline/image-analysis';
import { StageTimer } from '../../src/pipeline/stage-timer';
import { translateRegions } from '../../src/pipeline/translated-rendering';
import type { TextRegion } from '../../src/pipeline/types';
import { createTranslator } from '../../src/translate';

const region = (text: string, language?: TextRegion['language']): TextRegion => ({
  text,
  confidence: 0.9,
  box: { x: 0, y: 0, width: 100, height: 20 },
  lines: [],
  excludedSpans: [],
  ...(language ? { language } : {}),
});

const translator = createTranslator(env);

describe('translating the regions of an image', () => {
  // A bilingual sign: English, with one Spanish line.
  const sign: RecognizedText = { sourceLang: 'en', regions: [region('Emergency exit'), region('Salida de emergencia', 'es')] };

  it('translates each region from its own language', async () => {
    const { texts, engine } = await translateRegions(sign, 'de', translator, new StageTimer());
    expect(engine).toBe('offline-dictionary');
    expect(texts[0]).toBe('Notausgang');
    const asEnglish = await translator.translate([{ text: 'Salida de emergencia', keep: [] }], 'en', 'de');
    const asSpanish = await translator.translate([{ text: 'Salida de emergencia', keep: [] }], 'es', 'de');
    expect(asSpanish.texts[0]).not.toBe(asEnglish.texts[0]);
    expect(texts[1]).toBe(asSpanish.texts[0]);
  });

  it('keeps a region already in the target language as it is', async () => {
    const { texts } = await translateRegions(sign, 'es', translator, new StageTimer());
    expect(texts[1]).toBe('Salida de emergencia');
    expect(texts[0]).not.toBe('Emergency exit');
  });

  it('translates nothing when the image is in the target language (its picture stays the original)', async () => {
    const result = await translateRegions(sign, 'en', translator, new StageTimer());
    expect(result).toEqual({ texts: ['Emergency exit', 'Salida de emergencia'], engine: null });
  });
});

/**
 * The per-language half of translating an image: translate the region texts and draw them onto the
 * clean picture. Works from a stored analysis, so a batch renders each target language without
 * reading the image again.
 */
import type { LanguageCode } from '../languages';
import type { Translator } from '../translate';
import { isTranslatable, type ImageAnalysis, type RecognizedText } from './image-analysis';
import { renderTranslations } from './render/render-translations';
import type { StageTimer } from './stage-timer';
import type { RgbaImage } from './types';

export interface RegionTranslations {
  /** One text per region of the analysis: the translation, or the original where nothing is translated. */
  texts: string[];
  /** The engine that answered, or null when nothing needed translating. */
  engine: string | null;
}

/** Translates the translatable regions (isTranslatable) of an analysis into `target`. */
export async function translateRegions(
  analysis: RecognizedText,
  target: LanguageCode,
  translator: Translator,
  timer: StageTimer,
  options: { deadline?: number } = {},
): Promise<RegionTranslations> {
  const texts = analysis.regions.map((r) => r.text);
  const wanted = analysis.regions.map((region, index) => ({ region, index })).filter(({ region }) => isTranslatable(region));
  if (wanted.length === 0 || analysis.sourceLang === target) return { texts, engine: null };
  const result = await timer.time('translate', () =>
    translator.translate(
      wanted.map(({ region }) => ({ text: region.text, keep: region.excludedSpans })),
      analysis.sourceLang,
      target,
      { deadline: options.deadline },
    ),
  );
  wanted.forEach(({ index }, k) => (texts[index] = result.texts[k]));
  return { texts, engine: result.engine };
}

/** Draws the translations onto `clean` in place and returns it (now the translated picture). */
export async function drawTranslations(clean: RgbaImage, analysis: ImageAnalysis, translations: RegionTranslations, timer: StageTimer): Promise<RgbaImage> {
  const items = analysis.regions.flatMap((region, i) => {
    const style = analysis.styles[i];
    return style ? [{ region, style, translatedText: translations.texts[i] }] : [];
  });
  return timer.time('render', () => renderTranslations(clean, items));
}

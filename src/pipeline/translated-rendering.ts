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
  /** The engine that answered (several, comma-separated, when languages were answered by different ones), or null when nothing needed translating. */
  engine: string | null;
}

/**
 * Translates the translatable regions (isTranslatable) of an analysis into `target`, each from its own
 * language (TextRegion.language, else the image's): one call per source language, side by side. A
 * region already in `target` keeps its text. When the image's language is the target nothing is
 * translated: the translated picture is then the original (see translateImage).
 */
export async function translateRegions(
  analysis: RecognizedText,
  target: LanguageCode,
  translator: Translator,
  timer: StageTimer,
  options: { deadline?: number } = {},
): Promise<RegionTranslations> {
  const texts = analysis.regions.map((r) => r.text);
  if (analysis.sourceLang === target) return { texts, engine: null };
  const bySource = new Map<LanguageCode, number[]>();
  analysis.regions.forEach((region, index) => {
    const source = region.language ?? analysis.sourceLang;
    if (source === target || !isTranslatable(region)) return;
    const indices = bySource.get(source);
    if (indices) indices.push(index);
    else bySource.set(source, [index]);
  });
  if (bySource.size === 0) return { texts, engine: null };
  const results = await timer.time('translate', () =>
    Promise.all(
      [...bySource].map(async ([source, indices]) => {
        const items = indices.map((i) => ({ text: analysis.regions[i].text, keep: analysis.regions[i].excludedSpans }));
        const result = await translator.translate(items, source, target, { deadline: options.deadline });
        indices.forEach((index, k) => (texts[index] = result.texts[k]));
        return result.engine;
      }),
    ),
  );
  // A fallback chain may have answered one language with another engine than the rest.
  return { texts, engine: [...new Set(results)].join(', ') };
}

/** Draws the translations onto `clean` in place and returns it (now the translated picture). */
export async function drawTranslations(clean: RgbaImage, analysis: ImageAnalysis, translations: RegionTranslations, timer: StageTimer): Promise<RgbaImage> {
  const items = analysis.regions.flatMap((region, i) => {
    const style = analysis.styles[i];
    return style ? [{ region, style, translatedText: translations.texts[i] }] : [];
  });
  return timer.time('render', () => renderTranslations(clean, items));
}

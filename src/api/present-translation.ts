/** Shapes a translated image as the API's response: regions in original pixels, signed image URLs. */
import type { TranslatedImage } from '../pipeline/translate-image';
import type { Box, TextRegion } from '../pipeline/types';

/** Maps a box from working-image pixels to original pixels, clamped to the original image. */
function toOriginal(box: Box, scale: number, width: number, height: number): Box {
  const x = Math.max(0, Math.round(box.x / scale));
  const y = Math.max(0, Math.round(box.y / scale));
  return {
    x,
    y,
    width: Math.max(1, Math.min(width - x, Math.round(box.width / scale))),
    height: Math.max(1, Math.min(height - y, Math.round(box.height / scale))),
  };
}

function wholeRegionExcluded(region: TextRegion): boolean {
  const covered = region.excludedSpans.reduce((n, s) => n + region.text.slice(s.start, s.end).replace(/\s/g, '').length, 0);
  return covered > 0 && covered >= region.text.replace(/\s/g, '').length;
}

export function presentRegions(result: TranslatedImage, original: { width: number; height: number }) {
  const { analysis, translations } = result;
  return analysis.regions.map((region, i) => ({
    id: `region_${i + 1}`,
    original_text: region.text,
    translated_text: translations.texts[i],
    confidence: Math.round(Math.min(1, Math.max(0, region.confidence)) * 1000) / 1000,
    bounding_box: toOriginal(region.box, analysis.scale, original.width, original.height),
    ...(wholeRegionExcluded(region) ? { excluded: true } : {}),
    ...(analysis.styles[i] ? { text_color: analysis.styles[i]!.textColor } : {}),
    lines: region.lines.map((line) => ({ text: line.text, bounding_box: toOriginal(line.box, analysis.scale, original.width, original.height) })),
  }));
}

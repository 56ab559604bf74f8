// Interface only: drawing with resvg and Noto Sans (issue 4) replaces this, which draws nothing.
import type { RegionStyle, RgbaImage, TextRegion } from '../types';
export interface TranslationToDraw { region: TextRegion; style: RegionStyle; translatedText: string }
export async function renderTranslations(image: RgbaImage, _items: TranslationToDraw[]): Promise<RgbaImage> { return image; }

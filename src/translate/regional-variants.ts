/**
 * Which English and which Portuguese the engines write. Our language codes are plain `en` and `pt`,
 * but a shop in the United States or Brazil wants US spelling or Brazilian Portuguese, and the
 * providers can do either: DeepL needs a variant for these targets (EN-GB/EN-US, PT-PT/PT-BR),
 * Google and Azure take one for Portuguese, and a chat model is told in words. Set once, with
 * TRANSLATION_EN_VARIANT and TRANSLATION_PT_VARIANT; sources are never regional.
 */
export const EN_VARIANTS = ['en-GB', 'en-US'] as const;
export const PT_VARIANTS = ['pt-PT', 'pt-BR'] as const;

export interface RegionalVariants {
  en: (typeof EN_VARIANTS)[number];
  pt: (typeof PT_VARIANTS)[number];
}

/** British English and European Portuguese, as before the variants could be chosen. */
export const DEFAULT_VARIANTS: RegionalVariants = { en: 'en-GB', pt: 'pt-PT' };

/** How a chat model is told which variant to write. */
export function variantName(variant: RegionalVariants['en'] | RegionalVariants['pt']): string {
  return { 'en-GB': 'British English', 'en-US': 'American English', 'pt-PT': 'European Portuguese', 'pt-BR': 'Brazilian Portuguese' }[variant];
}

/** Dictionary keys: one spelling for what typography varies (case, apostrophes, dashes, the Dutch ĳ). */

/** Normalises a word or phrase the way scripts/build-dictionaries.mjs normalises keys. */
export function normaliseKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[’‘ʼ]/gu, "'").replace(/[‐‑–—]/gu, '-').replace(/ĳ/gu, 'ij');
}

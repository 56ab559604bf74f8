// Word-level comparison of texts, shared by the benchmarks that judge OCR output.

/** Words as compared: split on whitespace, outer punctuation stripped, case and Unicode form ignored. */
export function words(text) {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

/** How many of `wanted` (words) occur in `text`, each occurrence used once. */
export function found(wanted, text) {
  const have = new Map();
  for (const w of words(text)) have.set(w, (have.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of wanted) {
    const left = have.get(w) ?? 0;
    if (left > 0) {
      n++;
      have.set(w, left - 1);
    }
  }
  return n;
}

/** Share of ground-truth words found in the OCR text (each found word used once); null without truth. */
export function recall(truth, text) {
  const want = words(truth.join(' '));
  return want.length === 0 ? null : found(want, text) / want.length;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

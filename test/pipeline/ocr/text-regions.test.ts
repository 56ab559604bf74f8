import { describe, expect, it } from 'vitest';
import type { RecognisedWord } from '../../../src/pipeline/ocr/line-recognition';
import { groupRegions, keptWords, mayBeConfirmed } from '../../../src/pipeline/ocr/text-regions';

let x = 0;
const word = (text: string, confidence: number, y = 100, height = 30): RecognisedWord => {
  const box = { x, y, width: 20 * text.length, height };
  x += box.width + 15;
  return { text, confidence, box };
};

describe('noise rules of text regions', () => {
  it('drops a confidently read letter or two on a line read poorly as a whole', () => {
    // A window frame read as "À" among unreadable strokes.
    expect(keptWords([word('À', 0.9), word('RER:', 0), word('"', 0)])).toEqual([]);
    // The same short word beside a well-read one stays.
    expect(keptWords([word('du', 0.94), word('LOUVRE', 0.9)]).map((w) => w.text)).toEqual(['du', 'LOUVRE']);
  });

  it('keeps a sign that is a word of its own beside a well-read word, and drops other punctuation', () => {
    expect(keptWords([word('&', 0.93), word('duck/goose,', 0.93), word('"', 0.95)]).map((w) => w.text)).toEqual(['&', 'duck/goose,']);
    expect(keptWords([word('&', 0.5), word('duck/goose,', 0.93)]).map((w) => w.text)).toEqual(['duck/goose,']);
    expect(keptWords([word('@', 0.95), word('ve', 0.6)])).toEqual([]);
  });

  it('asks more of short words with no long word beside them, and most of a short word alone', () => {
    expect(keptWords([word('sar', 0.61)])).toEqual([]);
    expect(keptWords([word('ve', 0.77)])).toEqual([]);
    expect(keptWords([word('3G', 0.93), word('vil', 0.58)]).map((w) => w.text)).toEqual(['3G']);
    expect(keptWords([word('OK', 0.95)]).map((w) => w.text)).toEqual(['OK']);
    expect(keptWords([word('Bare', 0.9), word('i', 0.9), word('dag', 0.6)]).map((w) => w.text)).toEqual(['Bare', 'i', 'dag']);
  });

  it('keeps an unsure word both models read alike beside a surely read one, and keeps its line', () => {
    // "nur heute" with a dark pole across "heute": 0.06, read "hedte" by the other model.
    const confirmed = (w: RecognisedWord): RecognisedWord => ({ ...w, confirmed: true });
    expect(keptWords([word('nur', 0.96), confirmed(word('heute', 0.06))]).map((w) => w.text)).toEqual(['nur', 'heute']);
    // Not without a surely read word beside it, not unconfirmed, not short or with other signs than letters.
    expect(keptWords([word('nur', 0.85), confirmed(word('heute', 0.06))]).map((w) => w.text)).toEqual(['nur']);
    expect(keptWords([word('nur', 0.96), word('heute', 0.06)]).map((w) => w.text)).toEqual(['nur']);
    expect(keptWords([word('nur', 0.96), confirmed(word('ist', 0.06))]).map((w) => w.text)).toEqual(['nur']);
    expect(keptWords([word('nur', 0.96), confirmed(word('he1te', 0.06))]).map((w) => w.text)).toEqual(['nur']);
    // Such a line is worth a second model's reading; one without an unsure word, or already confirmed, is not.
    expect(mayBeConfirmed([word('nur', 0.96), word('heute', 0.06)])).toBe(true);
    expect(mayBeConfirmed([word('nur', 0.96), confirmed(word('heute', 0.06))])).toBe(false);
    expect(mayBeConfirmed([word('nur', 0.96), word('heute', 0.91)])).toBe(false);
    expect(mayBeConfirmed([word('nur', 0.7), word('heute', 0.06)])).toBe(false);
    x = 0;
    const [region] = groupRegions([
      { words: [confirmed(word('nur', 0.96)), confirmed(word('heute', 0.06))], charHeight: 30, polarity: 'light', inkLevel: 240, paperLevel: 140 },
    ]);
    expect(region.text).toBe('nur heute');
  });

  it('drops a line that is one letter alone, but keeps numbers and two-letter labels', () => {
    x = 0;
    const regions = groupRegions([
      { words: [word('À', 0.9, 60)], charHeight: 30, polarity: 'dark', inkLevel: 40, paperLevel: 200 },
      { words: [word('r', 0.9, 100)], charHeight: 30, polarity: 'dark', inkLevel: 40, paperLevel: 200 },
      { words: [word('OK', 0.95, 300)], charHeight: 30, polarity: 'dark', inkLevel: 40, paperLevel: 200 },
      { words: [word('5', 0.95, 500)], charHeight: 30, polarity: 'dark', inkLevel: 40, paperLevel: 200 },
    ]);
    expect(regions.map((r) => r.text)).toEqual(['OK', '5']);
  });

  it('keeps light letters on a coloured header apart from dark letters below them on the same sign', () => {
    x = 0;
    const header = word('NOTICE', 0.95, 40);
    x = 0;
    const body = [word('DOUBLE', 0.95, 80)];
    x = 0;
    const body2 = [word('PARKING', 0.95, 120)];
    const regions = groupRegions([
      { words: [header], charHeight: 30, polarity: 'light', inkLevel: 240, paperLevel: 90 },
      { words: body, charHeight: 30, polarity: 'dark', inkLevel: 40, paperLevel: 200 },
      { words: body2, charHeight: 30, polarity: 'dark', inkLevel: 40, paperLevel: 200 },
    ]);
    expect(regions.map((r) => r.text)).toEqual(['NOTICE', 'DOUBLE\nPARKING']);
  });

  it('keeps a black title apart from its grey subtitle, and a block of one grey together', () => {
    // An app's list item: title at ink 67, subtitle at 108, on paper at 252 (sv_medtimer_settings.png).
    x = 0;
    const title = [word('Påminnelse', 0.95, 40)];
    x = 0;
    const subtitle = [word('Dagligen', 0.95, 75)];
    x = 0;
    const next = [word('tröskelvärdet', 0.95, 110)];
    const regions = groupRegions([
      { words: title, charHeight: 28, polarity: 'dark', inkLevel: 67, paperLevel: 252 },
      { words: subtitle, charHeight: 26, polarity: 'dark', inkLevel: 108, paperLevel: 252 },
      // The same grey give or take what anti-aliasing and JPEG make of it: the subtitle's next line.
      { words: next, charHeight: 26, polarity: 'dark', inkLevel: 100, paperLevel: 250 },
    ]);
    expect(regions.map((r) => r.text)).toEqual(['Påminnelse', 'Dagligen\ntröskelvärdet']);
  });
});

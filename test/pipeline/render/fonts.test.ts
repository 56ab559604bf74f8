import { describe, expect, it } from 'vitest';
import { parseFontFile } from '../../../src/pipeline/render/font-file';
import { fontFor } from '../../../src/pipeline/render/fonts';
import { drawableText, measureText } from '../../../src/pipeline/render/measure-text';
import manifest from '../../../src/pipeline/render/fonts/manifest.json';

/**
 * Every letter and sign our 11 languages (en de fr es it pt nl sv da no fi) write, plus the punctuation
 * and symbols signs and notices use. Written out by hand, independent of the ranges the build keeps.
 */
const LETTERS =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' +
  'äöüßÄÖÜẞ' + // de
  'àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ' + // fr
  'áéíóúñüÁÉÍÓÚÑÜ¿¡ªº' + // es
  'àèéìíîòóùúÀÈÉÌÍÎÒÓÙÚ' + // it
  'áâãàçéêíóôõúÁÂÃÀÇÉÊÍÓÔÕÚ' + // pt
  'ĳĲéëïöüÉËÏÖÜ' + // nl
  'åäöéÅÄÖÉ' + // sv
  'æøåéÆØÅÉ' + // da, no
  'äöåšžÄÖÅŠŽ'; // fi
const SIGNS = '.,;:!?\'"()[]{}<>/\\@#$%&*+-=_|~^`' + '–—‘’‚“”„«»‹›…•·€£¥¢°‰№™®©§¶†‡×÷±¹²³½¼¾µ\u00a0\u202f\u2009\u2011';

describe('subset fonts', () => {
  for (const bold of [false, true]) {
    const { metrics, weight } = fontFor(bold);
    it(`Noto Sans ${weight} has a glyph for every letter and sign our languages use`, () => {
      const missing = [...LETTERS + SIGNS].filter((ch) => metrics.glyphOf(ch.codePointAt(0)!) === 0);
      expect(missing).toEqual([]);
    });

    it(`Noto Sans ${weight} has no glyphs outside the Latin we need (it is a subset)`, () => {
      for (const ch of ['Ж', 'Ω', 'א', '中', 'ก', '→']) expect(metrics.glyphOf(ch.codePointAt(0)!)).toBe(0);
    });
  }

  it('reads the metrics of Noto Sans', () => {
    const { metrics } = fontFor(false);
    expect(metrics.unitsPerEm).toBe(1000);
    expect(metrics.capHeight).toBe(714);
    expect(metrics.xHeight).toBe(536);
    expect(metrics.bounds(metrics.glyphOf(0x48)).yMax).toBe(714); // H
    expect(metrics.bounds(metrics.glyphOf(0x67)).yMin).toBe(-240); // g
    expect(metrics.bounds(metrics.glyphOf(0x20)).empty).toBe(true); // space
  });

  it('keeps the kerning: "AV" is narrower than "A" plus "V", "HH" is not', () => {
    const { metrics } = fontFor(false);
    const width = (text: string) => measureText(text, metrics).advance;
    expect(width('AV')).toBeLessThan(width('A') + width('V'));
    expect(width('To')).toBeLessThan(width('T') + width('o'));
    expect(width('HH')).toBe(2 * width('H'));
  });

  it('bold letters are wider than regular ones', () => {
    const text = 'Notausgang';
    expect(measureText(text, fontFor(true).metrics).advance).toBeGreaterThan(measureText(text, fontFor(false).metrics).advance * 1.05);
  });

  it('the manifest records where the fonts came from and their licence', () => {
    expect(manifest.source_package).toBe('fonts-noto-core');
    expect(manifest.license).toMatch(/OFL-1\.1/);
    expect(manifest.fonts.map((f) => f.file).sort()).toEqual(['noto-sans-bold.ttf', 'noto-sans-regular.ttf']);
    for (const f of manifest.fonts) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects bytes that are not a TrueType font', () => {
    expect(() => parseFontFile(new Uint8Array(64))).toThrow(/TrueType/);
  });
});

describe('drawable text', () => {
  const { metrics } = fontFor(false);

  it('composes a decomposed accent into its letter (NFC)', () => {
    expect(drawableText('Cafe\u0301 Mu\u0308nchen', metrics)).toBe('Café München');
  });

  it('turns controls and tabs into spaces, collapses runs of spaces and keeps line breaks', () => {
    expect(drawableText('  Notausgang\t \u0007frei\r\nhalten  ', metrics)).toBe('Notausgang frei\nhalten');
  });

  it('drops zero-width characters and soft hyphens', () => {
    expect(drawableText('Not\u00adaus\u200bgang', metrics)).toBe('Notausgang');
  });

  it('replaces characters the font lacks by their compatibility form, or drops them', () => {
    expect(drawableText('ﬁnal', metrics)).toBe('final'); // the fi ligature is not in the subset
    expect(drawableText('Ａ1', metrics)).toBe('A1'); // full-width letter
    expect(drawableText('5 − 3', metrics)).toBe('5 - 3'); // minus sign
    expect(drawableText('Exit → 🚪 出口', metrics)).toBe('Exit');
  });
});

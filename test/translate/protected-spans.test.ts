// The spans no engine may change: what is detected, and that they come back intact from every
// protection style (markup, tokens, inline).
import { describe, expect, it } from 'vitest';
import { findProtectedSpans } from '../../src/translate/protected-spans';

const spans = (text: string) => findProtectedSpans(text).map((s) => text.slice(s.start, s.end));

describe('findProtectedSpans', () => {
  it('finds URLs, e-mail addresses and handles without trailing punctuation', () => {
    expect(spans('Mehr auf https://example.org/a?b=1. Oder www.shop.de!')).toEqual(['https://example.org/a?b=1', 'www.shop.de']);
    expect(spans('Schreiben Sie an info@firma.de, oder folgen Sie @firma_de.')).toEqual(['info@firma.de', '@firma_de']);
    expect(spans('Besuchen Sie beispiel.com heute')).toEqual(['beispiel.com']);
  });

  it('finds prices, percentages, times, dates and phone numbers', () => {
    expect(spans('Nur 9,99 € statt €12.50 – 20% Rabatt')).toEqual(['9,99 €', '€12.50', '20%']);
    expect(spans('Mo-Fr 9:00–18:00, ab 01.05.2024')).toEqual(['9:00–18:00', '01.05.2024']);
    expect(spans('Tel. +49 30 1234567, 1 000 kr')).toEqual(['+49', '30', '1234567', '1 000 kr']);
    expect(spans('Preis 10,- Euro')).toEqual(['10,-']);
  });

  it('merges detected spans with the client’s keep spans', () => {
    const text = 'ACME-Preis 5 €';
    expect(findProtectedSpans(text, [{ start: 0, end: 4 }, { start: 8, end: 11 }]).map((s) => text.slice(s.start, s.end))).toEqual(['ACME', 'is 5 €']);
  });

  it('leaves ordinary words alone', () => {
    expect(spans('Bitte Tür schließen')).toEqual([]);
    expect(spans('Zimmer frei')).toEqual([]);
  });
});

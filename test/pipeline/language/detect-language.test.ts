import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { danishOrNorwegian, detectLanguage } from '../../../src/pipeline/language/detect-language';
import { assetModelSource } from '../../../src/pipeline/ocr/models';

const models = assetModelSource(env.ASSETS);
const detect = async (text: string) => (await detectLanguage(text.split('\n'), models)).language;

describe('detectLanguage', () => {
  const samples: [string, string][] = [
    ['en', 'Double parking prohibited at all times'],
    ['de', 'Halten Sie, was Sie versprechen.\nUnd geben Sie noch was dazu.'],
    ['fr', 'Mairie du Ier\nPalais du Louvre\nLes arts décoratifs'],
    ['es', 'Salida de emergencia\nNo bloquear la puerta'],
    ['it', 'Vietato fumare in questo locale'],
    ['pt', 'Proibido estacionar nesta rua'],
    ['nl', 'Verboden toegang voor onbevoegden'],
    ['sv', 'Påminnelse om slut i lager'],
    ['fi', 'Pysäköinti kielletty koko päivän'],
    ['da', 'Hvad er dit navn? Jeg kan ikke huske det nu.'],
    ['no', 'Hva heter du? Jeg kan ikke huske det nå.'],
    ['da', 'Tryk her for at åbne indstillingerne'],
    ['no', 'Trykk her for å åpne innstillingene'],
  ];
  for (const [language, text] of samples) {
    it(`detects ${language}: ${text.split('\n')[0]}`, async () => {
      expect(await detect(text)).toBe(language);
    });
  }

  it('takes the language with the most text on a page that mixes languages', async () => {
    const page = [
      'The quick brown fox jumps over the lazy dog',
      'and the dog does not care at all about it',
      'Der schnelle braune Fuchs springt',
    ];
    expect(await detect(page.join('\n'))).toBe('en');
  });

  it('falls back to English, marked unreliable, when there is no text', async () => {
    expect(await detectLanguage(['', '12 34'], models)).toMatchObject({ language: 'en', reliable: false });
  });
});

describe('danishOrNorwegian', () => {
  it('lets spelling decide when eld scores the two alike', () => {
    const close = new Map([
      ['da', 0.8],
      ['no', 0.79],
    ] as const);
    expect(danishOrNorwegian('efter mig kommer syndfloden', 'no', new Map(close))).toBe('da');
    expect(danishOrNorwegian('etter meg kommer syndfloden', 'da', new Map(close))).toBe('no');
    expect(danishOrNorwegian('hele dagen', 'no', new Map(close))).toBe('no');
  });
});

describe('detectLanguage on a word or two', () => {
  it('answers English, marked unreliable, when a label is too short to tell', async () => {
    expect(await detectLanguage(['OK'], models)).toMatchObject({ language: 'en', reliable: false });
  });
});

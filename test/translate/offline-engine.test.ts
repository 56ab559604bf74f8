// The offline dictionary engine on its real data (public/dictionaries, served by the ASSETS binding):
// common sign and interface texts per language, with the English expected from a dictionary engine.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/translate';
import type { LanguageCode } from '../../src/languages';

const offline = () => createTranslator({ TRANSLATION_ENGINE: 'offline', ASSETS: env.ASSETS });

/** [source language, sign text, expected English]. */
export const PHRASE_TABLE: [LanguageCode, string, string][] = [
  ['de', 'NOTAUSGANG', 'EMERGENCY EXIT'],
  ['de', 'Rauchen verboten', 'No smoking'],
  ['de', 'Öffnungszeiten', 'Opening hours'],
  ['de', 'Bitte Tür schließen', 'Please close the door'],
  ['de', 'Kein Zutritt', 'No entry'],
  ['de', 'Einstellungen', 'Settings'],
  ['de', 'Der Hund ist hier', 'The dog is here'],
  ['de', 'Notausgangstür', 'Emergency exit door'],
  ['fr', 'Sortie de secours', 'Emergency exit'],
  ['fr', 'DÉFENSE DE FUMER', 'NO SMOKING'],
  ['fr', "Horaires d'ouverture", 'Opening hours'],
  ['fr', 'Paramètres', 'Settings'],
  ['fr', 'Bienvenue', 'Welcome'],
  ['fr', 'Fermé le dimanche', 'Closed on Sundays'],
  ['fr', 'La porte est ouverte', 'The door is open'],
  ['es', 'Salida de emergencia', 'Emergency exit'],
  ['es', 'Prohibido fumar', 'No smoking'],
  ['es', 'Horario de apertura', 'Opening hours'],
  ['es', '¡Bienvenidos!', 'Welcome!'],
  ['es', 'La puerta está cerrada', 'The door is closed'],
  ['es', 'Las llaves', 'The keys'],
  ['it', 'Uscita di emergenza', 'Emergency exit'],
  ['it', 'Vietato fumare', 'No smoking'],
  ['it', 'Orario di apertura', 'Opening hours'],
  ['it', 'Impostazioni', 'Settings'],
  ['it', 'La porta è chiusa', 'The door is closed'],
  ['it', "L'uscita è qui", 'The exit is here'],
  ['pt', 'Saída de emergência', 'Emergency exit'],
  ['pt', 'Proibido fumar', 'No smoking'],
  ['pt', 'Horário de funcionamento', 'Opening hours'],
  ['pt', 'A porta está fechada', 'The door is closed'],
  ['nl', 'Nooduitgang', 'Emergency exit'],
  ['nl', 'Verboden te roken', 'No smoking'],
  ['nl', 'Openingstijden', 'Opening hours'],
  ['nl', 'De deur is open', 'The door is open'],
  ['sv', 'Nödutgång', 'Emergency exit'],
  ['sv', 'Rökning förbjuden', 'No smoking'],
  ['sv', 'Öppettider', 'Opening hours'],
  ['sv', 'Inställningar', 'Settings'],
  ['sv', 'Dörren är stängd', 'Door is closed'],
  ['da', 'Nødudgang', 'Emergency exit'],
  ['da', 'Rygning forbudt', 'No smoking'],
  ['da', 'Åbningstider', 'Opening hours'],
  ['da', 'Døren er lukket', 'Door is closed'],
  ['no', 'Nødutgang', 'Emergency exit'],
  ['no', 'Røyking forbudt', 'No smoking'],
  ['no', 'Åpningstider', 'Opening hours'],
  ['no', 'Døren er stengt', 'Door is closed'],
  ['fi', 'Hätäuloskäynti', 'Emergency exit'],
  ['fi', 'Tupakointi kielletty', 'No smoking'],
  ['fi', 'Aukioloajat', 'Opening hours'],
  ['fi', 'Ovi on suljettu', 'Door is closed'],
];

describe('offline engine', () => {
  it('is what the Worker\'s own configuration (wrangler.toml) builds', async () => {
    const translator = createTranslator(env);
    expect(translator.name).toBe('offline-dictionary');
    expect(await translator.translate([{ text: 'Ausgang' }], 'de', 'en')).toEqual({ texts: ['Exit'], engine: 'offline-dictionary' });
  });

  it.each(PHRASE_TABLE)('%s: %s → %s', async (source, text, english) => {
    const result = await offline().translate([{ text }], source, 'en');
    expect(result).toEqual({ texts: [english], engine: 'offline-dictionary' });
  });

  it('translates out of English and between two other languages through English', async () => {
    const translator = offline();
    expect((await translator.translate([{ text: 'Emergency exit' }, { text: 'No smoking' }], 'en', 'de')).texts).toEqual(['Notausgang', 'Rauchen verboten']);
    expect((await translator.translate([{ text: 'Notausgang' }], 'de', 'fr')).texts).toEqual(['Sortie de secours']);
    expect((await translator.translate([{ text: 'Tervetuloa' }], 'fi', 'sv')).texts).toEqual(['Välkommen']);
  });

  it('passes unknown words, numbers, protected spans and punctuation through', async () => {
    const text = 'Geöffnet: Mo-Fr 9:00–18:00, Zorblax GmbH, info@zorblax.de';
    const keep = [{ start: text.indexOf('Zorblax GmbH'), end: text.indexOf('Zorblax GmbH') + 12 }];
    const result = await offline().translate([{ text, keep }], 'de', 'en');
    expect(result.texts).toEqual(['Open: Mon-Fri 9:00–18:00, Zorblax GmbH, info@zorblax.de']);
  });

  it('joins the lines of one sign before translating', async () => {
    const result = await offline().translate([{ text: 'Rauchen\nverboten' }, { text: 'Notaus-\ngang' }], 'de', 'en');
    expect(result.texts).toEqual(['No smoking', 'Emergency exit']);
  });
});

describe('offline engine without its data', () => {
  it('fails at once, as a request that cannot succeed, when the dictionaries are not deployed', async () => {
    // An assets binding that has no dictionaries answers like the SPA fallback: 200 with an HTML page.
    const assets = { fetch: async () => new Response('<!doctype html><title>app</title>', { headers: { 'content-type': 'text/html' } }) } as unknown as Fetcher;
    const error = await createTranslator({ TRANSLATION_ENGINE: 'offline', ASSETS: assets }).translate([{ text: 'Ausgang' }], 'de', 'en').catch((e) => e);
    expect(error).toMatchObject({ name: 'TranslationUnavailableError', reason: 'rejected', engine: 'offline-dictionary' });
    expect(error.message).toContain('npm run build:dictionaries');
  });
});

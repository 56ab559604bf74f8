// The offline dictionary engine on its real data (public/dictionaries, served by the ASSETS binding):
// common sign and interface texts per language, with the English expected from a dictionary engine;
// the common sign phrases in every direction (through the English pivot where neither side is
// English); and the rules that keep a dictionary translation readable.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/translate';
import { LANGUAGE_CODES, type LanguageCode } from '../../src/languages';
import { SIGN_TEXTS } from './offline-sign-texts';

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

describe('offline engine on realistic sign, shop and app texts', () => {
  const rows = Object.entries(SIGN_TEXTS).flatMap(([language, texts]) => texts!.map(([text, english]) => [language as LanguageCode, text, english] as const));
  it.each(rows)('%s: %s', async (source, text, english) => {
    const result = await offline().translate([{ text }], source, 'en');
    expect(english).toContain(result.texts[0]);
  });
});

/** The phrases every sign and shop needs, as each language writes them: [en, de, fr, es, it, pt, nl, sv, da, no, fi]. */
const COMMON_PHRASES: string[][] = [
  ['Emergency exit', 'Notausgang', 'Sortie de secours', 'Salida de emergencia', 'Uscita di emergenza', 'Saída de emergência', 'Nooduitgang', 'Nödutgång', 'Nødudgang', 'Nødutgang', 'Hätäuloskäynti'],
  ['No smoking', 'Rauchen verboten', 'Défense de fumer', 'Prohibido fumar', 'Vietato fumare', 'Proibido fumar', 'Verboden te roken', 'Rökning förbjuden', 'Rygning forbudt', 'Røyking forbudt', 'Tupakointi kielletty'],
  ['Opening hours', 'Öffnungszeiten', "Heures d'ouverture", 'Horario de apertura', 'Orario di apertura', 'Horário de funcionamento', 'Openingstijden', 'Öppettider', 'Åbningstider', 'Åpningstider', 'Aukioloajat'],
  ['Push', 'Drücken', 'Poussez', 'Empujar', 'Spingere', 'Empurre', 'Duwen', 'Tryck', 'Skub', 'Skyv', 'Työnnä'],
  ['Pull', 'Ziehen', 'Tirez', 'Tirar', 'Tirare', 'Puxe', 'Trekken', 'Dra', 'Træk', 'Trekk', 'Vedä'],
  ['Closed', 'Geschlossen', 'Fermé', 'Cerrado', 'Chiuso', 'Fechado', 'Gesloten', 'Stängt', 'Lukket', 'Stengt', 'Suljettu'],
  ['Open', 'Geöffnet', 'Ouvert', 'Abierto', 'Aperto', 'Aberto', 'Open', 'Öppet', 'Åbent', 'Åpent', 'Avoinna'],
  ['Exit', 'Ausgang', 'Sortie', 'Salida', 'Uscita', 'Saída', 'Uitgang', 'Utgång', 'Udgang', 'Utgang', 'Uloskäynti'],
  ['Entrance', 'Eingang', 'Entrée', 'Entrada', 'Ingresso', 'Entrada', 'Ingang', 'Ingång', 'Indgang', 'Inngang', 'Sisäänkäynti'],
  ['Toilets', 'Toiletten', 'Toilettes', 'Aseos', 'Bagni', 'Casas de banho', 'Toiletten', 'Toaletter', 'Toiletter', 'Toaletter', 'WC'],
  ['Do not disturb', 'Bitte nicht stören', 'Ne pas déranger', 'No molestar', 'Non disturbare', 'Não incomodar', 'Niet storen', 'Stör ej', 'Forstyr ikke', 'Ikke forstyrr', 'Älä häiritse'],
  ['Out of order', 'Außer Betrieb', 'Hors service', 'Fuera de servicio', 'Fuori servizio', 'Avariado', 'Buiten gebruik', 'Ur funktion', 'Ude af drift', 'Ute av drift', 'Epäkunnossa'],
  ['Keep right', 'Rechts halten', 'Serrez à droite', 'Mantenga su derecha', 'Tenere la destra', 'Mantenha a direita', 'Rechts houden', 'Håll till höger', 'Hold til højre', 'Hold til høyre', 'Pidä oikea'],
  ['Wet floor', 'Nasser Boden', 'Sol mouillé', 'Suelo mojado', 'Pavimento bagnato', 'Piso molhado', 'Natte vloer', 'Vått golv', 'Vådt gulv', 'Vått gulv', 'Märkä lattia'],
  ['Staff only', 'Nur für Personal', 'Réservé au personnel', 'Solo personal autorizado', 'Solo personale autorizzato', 'Reservado ao pessoal', 'Alleen personeel', 'Endast personal', 'Kun personale', 'Kun for ansatte', 'Vain henkilökunnalle'],
  ['No entry', 'Kein Zutritt', 'Entrée interdite', 'Prohibido el paso', "Vietato l'ingresso", 'Entrada proibida', 'Geen toegang', 'Tillträde förbjudet', 'Adgang forbudt', 'Adgang forbudt', 'Pääsy kielletty'],
  ['Please wait', 'Bitte warten', 'Veuillez patienter', 'Espere por favor', 'Attendere prego', 'Aguarde por favor', 'Even geduld', 'Var god vänta', 'Vent venligst', 'Vennligst vent', 'Odota hetki'],
  ['Sale', 'Ausverkauf', 'Soldes', 'Rebajas', 'Saldi', 'Saldos', 'Uitverkoop', 'Rea', 'Udsalg', 'Salg', 'Ale'],
  ['Free shipping', 'Kostenloser Versand', 'Livraison gratuite', 'Envío gratis', 'Spedizione gratuita', 'Envio grátis', 'Gratis verzending', 'Fri frakt', 'Gratis fragt', 'Gratis frakt', 'Ilmainen toimitus'],
  ['Add to cart', 'In den Warenkorb', 'Ajouter au panier', 'Añadir al carrito', 'Aggiungi al carrello', 'Adicionar ao carrinho', 'In winkelwagen', 'Lägg i varukorgen', 'Læg i kurven', 'Legg i handlekurven', 'Lisää ostoskoriin'],
  ['Settings', 'Einstellungen', 'Paramètres', 'Ajustes', 'Impostazioni', 'Definições', 'Instellingen', 'Inställningar', 'Indstillinger', 'Innstillinger', 'Asetukset'],
  ['Log in', 'Anmelden', 'Se connecter', 'Iniciar sesión', 'Accedi', 'Iniciar sessão', 'Inloggen', 'Logga in', 'Log ind', 'Logg inn', 'Kirjaudu sisään'],
  ['Cancel', 'Abbrechen', 'Annuler', 'Cancelar', 'Annulla', 'Cancelar', 'Annuleren', 'Avbryt', 'Annuller', 'Avbryt', 'Peruuta'],
  ['Save', 'Speichern', 'Enregistrer', 'Guardar', 'Salva', 'Guardar', 'Opslaan', 'Spara', 'Gem', 'Lagre', 'Tallenna'],
];
const ORDER: LanguageCode[] = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi'];

describe('common sign phrases in every direction', () => {
  it.each(COMMON_PHRASES.map((forms) => [forms[0], forms] as const))('%s', async (_english, forms) => {
    const translator = offline();
    const wrong: string[] = [];
    for (const source of LANGUAGE_CODES) {
      for (const target of LANGUAGE_CODES) {
        if (source === target) continue;
        const [text, expected] = [forms[ORDER.indexOf(source)], forms[ORDER.indexOf(target)]];
        const [got] = (await translator.translate([{ text }], source, target)).texts;
        // All caps in, all caps out ("WC" → "TOILETS").
        const want = text === text.toUpperCase() ? expected.toUpperCase() : expected;
        if (got !== want) wrong.push(`${source}→${target}: ${text} → ${got} (want ${want})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps all-caps signs in capitals in every direction', async () => {
    const translator = offline();
    const wrong: string[] = [];
    for (const forms of COMMON_PHRASES.slice(0, 8)) {
      for (const source of LANGUAGE_CODES) {
        const target: LanguageCode = source === 'en' ? 'de' : 'en';
        const [text, expected] = [forms[ORDER.indexOf(source)].toUpperCase(), forms[ORDER.indexOf(target)].toUpperCase()];
        const [got] = (await translator.translate([{ text }], source, target)).texts;
        if (got !== expected) wrong.push(`${source}→${target}: ${text} → ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('offline engine rules', () => {
  it('reads a dotted abbreviation as one word instead of letters and sentence ends', async () => {
    const result = await offline().translate([{ text: 'Even geduld a.u.b.' }, { text: 'Deur sluiten a.u.b.' }], 'nl', 'en');
    expect(result.texts).toEqual(['Please wait', 'Please close the door']);
    // An abbreviation it does not know passes through whole.
    expect((await offline().translate([{ text: 'z.B. Kaffee' }], 'de', 'en')).texts).toEqual(['z.B. coffee']);
  });

  it('leaves out the pronoun of a German polite imperative, but not of a question', async () => {
    const translator = offline();
    expect((await translator.translate([{ text: 'Kommen Sie herein' }, { text: 'KOMMEN SIE HEREIN' }], 'de', 'en')).texts).toEqual(['Come in', 'COME IN']);
    expect((await translator.translate([{ text: 'Bitte warten Sie' }], 'de', 'en')).texts).toEqual(['Please wait']);
    expect((await translator.translate([{ text: 'Haben Sie Hunger?' }], 'de', 'en')).texts[0]).toMatch(/^Have you /u);
  });

  it('puts the verb of a German or Dutch label first, as English does', async () => {
    const translator = offline();
    expect((await translator.translate([{ text: 'Bild hochladen' }, { text: 'Bitte nicht hinauslehnen' }, { text: 'BILD HOCHLADEN' }], 'de', 'en')).texts).toEqual([
      'Upload picture',
      'Please do not lean out',
      'UPLOAD PICTURE',
    ]);
    expect((await translator.translate([{ text: 'Bestand verwijderen' }], 'nl', 'en')).texts).toEqual(['Delete file']);
    // A participle is not a verb to move, nor is a noun after an article.
    expect((await translator.translate([{ text: 'Tür geschlossen' }], 'de', 'en')).texts).toEqual(['Door closed']);
    expect((await translator.translate([{ text: 'De kinderen' }], 'nl', 'en')).texts).toEqual(['The children']);
    expect((await translator.translate([{ text: 'Deur gesloten' }], 'nl', 'en')).texts).toEqual(['Door closed']);
  });

  it('puts a French, Spanish, Italian or Portuguese adjective before its noun, but not a participle', async () => {
    const translator = offline();
    expect((await translator.translate([{ text: 'Musée national' }, { text: 'MUSÉE NATIONAL' }, { text: 'Musée fermé' }], 'fr', 'en')).texts).toEqual([
      'National museum',
      'NATIONAL MUSEUM',
      'Museum closed',
    ]);
    expect((await translator.translate([{ text: 'Precios especiales' }], 'es', 'en')).texts).toEqual(['Special prices']);
    expect((await translator.translate([{ text: 'Museo nazionale' }], 'it', 'en')).texts).toEqual(['National museum']);
    expect((await translator.translate([{ text: 'Museu Nacional' }], 'pt', 'en')).texts).toEqual(['National museum']);
  });

  it('takes off the shortest ending that leaves a known word', async () => {
    // "tröskelvärdet" is tröskelvärde + t (threshold value), not tröskelvärd + et (threshold host).
    expect((await offline().translate([{ text: 'Dagligen under tröskelvärdet' }], 'sv', 'en')).texts).toEqual(['Daily under threshold value']);
  });

  it('gives a Swedish plural an English plural', async () => {
    expect((await offline().translate([{ text: 'Nya bilar' }], 'sv', 'en')).texts).toEqual(['New cars']);
  });

  it('keeps names written with capitals on every hyphenated part', async () => {
    const result = await offline().translate([{ text: 'Théâtre du Saint-Michel' }, { text: 'Gare Saint-Lazare' }], 'fr', 'en');
    expect(result.texts).toEqual(['Theatre of the Saint-Michel', 'Railway station Saint-Lazare']);
  });

  it('fills words the small dictionaries lack through German', async () => {
    // Spanish-English FreeDict has neither; Spanish-German and German-English (Ding) do.
    const result = await offline().translate([{ text: 'Balonmano' }, { text: 'Cabaña' }], 'es', 'en');
    expect(result.texts).toEqual(['Handball', 'Hut']);
  });

  it('ranks the meaning both dictionaries agree on first', async () => {
    expect((await offline().translate([{ text: 'Fuchs' }], 'de', 'en')).texts).toEqual(['Fox']);
    // A word found in every dictionary ("place", "will be") no longer outranks the plain equivalent.
    expect((await offline().translate([{ text: 'Local' }], 'fr', 'en')).texts).toEqual(['Local']);
    expect((await offline().translate([{ text: 'Geben' }, { text: 'Menge' }], 'de', 'en')).texts).toEqual(['Give', 'Quantity']);
  });
});

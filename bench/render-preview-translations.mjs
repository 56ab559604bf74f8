// Hand-written translations for bench/render-preview.mjs, per fixture and variant. `match` is a piece
// of the OCR region's text (case and spacing ignored); regions without a match keep their original text.
// Written as a translation engine returns them: one sentence per region (prepare-text.ts joins lines),
// all-caps regions in capitals. The "long" variants are deliberately longer (German and Finnish
// compounds, longer phrasings) to exercise wrapping and shrinking.
const v = (lang, entries) => ({ lang, entries: entries.map(([match, text]) => ({ match, text })) });

export const TRANSLATIONS = {
  'fr_paris_direction_signs.jpg': {
    en: v('en', [
      ['Mairie du', 'Town hall of the 1st'],
      ['Palais du LOUVRE', 'LOUVRE Palace'],
      ['ARTS DÉCORATIFS', 'THE DECORATIVE ARTS'],
      ['Musée du LOUVRE', 'LOUVRE Museum'],
      ['Théâtre', 'Theatre'],
      ['PALAIS-R', 'of the PALAIS-ROYAL'],
    ]),
    long: v('de', [
      ['Mairie du', 'Rathaus des 1. Arrondissements'],
      ['Palais du LOUVRE', 'Louvre-Palast'],
      ['ARTS DÉCORATIFS', 'MUSEUM FÜR DEKORATIVE KÜNSTE'],
      ['Musée du LOUVRE', 'Louvre-Museum'],
      ['Théâtre', 'Theater'],
      ['PALAIS-R', 'des Palais-Royal'],
    ]),
  },
  'de_cartoon_halten_sie.jpg': {
    en: v('en', [['Halten Sie', 'Keep what you promise. And give a little extra.']]),
    long: v('en', [['Halten Sie', 'Always keep the promises you make, and then give them a little something extra on top.']]),
  },
  'multi_eurotext_scan.png': {
    en: v('en', [
      [
        'The (quick)',
        'The (quick) [brown] {fox} jumps! Over the $43,456.78 <lazy> #90 dog & duck/goose, as 12.5% of E-mail from aspammer@website.com is spam. The “quick” brown fox jumps over the lazy dog. The «quick» brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog.',
      ],
    ]),
    long: v('de', [
      [
        'The (quick)',
        'Der (schnelle) [braune] {Fuchs} springt! Über den $43,456.78 <faulen> #90 Hund & Ente/Gans, da 12,5 % der E-Mails von aspammer@website.com Spam sind. Der „schnelle“ braune Fuchs springt über den faulen Hund. Der «schnelle» braune Fuchs springt über den faulen Hund. Der schnelle braune Fuchs springt über den faulen Hund. Der schnelle braune Fuchs springt über den faulen Hund. Der schnelle braune Fuchs springt über den faulen Hund.',
      ],
    ]),
  },
  'sv_medtimer_settings.png': {
    en: v('en', [
      ['3G', '3G'],
      ['16:00', '16:00'],
      ['Avancerade', 'Advanced settings'],
      ['Påminnelse tröskelvärde', 'Reminder threshold 12 pills'],
      ['slut i lager', 'Out-of-stock reminder Daily below the threshold'],
      ['Lager av läkemedel', 'Medicine stock'],
      ['Mängd', 'Amount 10 pills'],
      ['Redigera inställningar', 'Edit settings for medicine stock'],
      ['Översikt', 'Overview'],
      ['Analys', 'Analysis'],
      ['Läkemedel', 'Medicines'],
    ]),
    long: v('de', [
      ['3G', '3G'],
      ['16:00', '16:00'],
      ['Avancerade', 'Erweiterte Einstellungen'],
      ['Påminnelse tröskelvärde', 'Erinnerungsschwellenwert 12 pills'],
      ['slut i lager', 'Erinnerung bei niedrigem Lagerbestand Täglich unterhalb des Schwellenwerts'],
      ['Lager av läkemedel', 'Arzneimittelvorrat'],
      ['Mängd', 'Menge 10 pills'],
      ['Redigera inställningar', 'Einstellungen für den Arzneimittelvorrat bearbeiten'],
      ['Översikt', 'Übersicht'],
      ['Analys', 'Auswertung'],
      ['Läkemedel', 'Arzneimittel'],
    ]),
  },
  'en_notice_double_parking.jpg': {
    de: v('de', [['NOTICE', 'HINWEIS: PARKEN IN ZWEITER REIHE JEDERZEIT VERBOTEN']]),
    long: v('fi', [['NOTICE', 'HUOMAUTUS: KAKSOISPYSÄKÖINTI ON KIELLETTY KAIKKINA AIKOINA']]),
  },
  'de_dark_on_light.png': {
    en: v('en', [
      ['Bitte schließen', 'Please close the door'],
      ['nach dem Verlassen', 'after leaving the room.'],
      ['Vielen Dank', 'Thank you for your help!'],
    ]),
    long: v('en', [
      ['Bitte schließen', 'Please make sure that you close the door'],
      ['nach dem Verlassen', 'behind you every time you leave the room.'],
      ['Vielen Dank', 'Thank you very much for your kind cooperation!'],
    ]),
  },
  'fr_light_on_dark.png': {
    en: v('en', [
      ['Sortie de secours', 'Emergency exit'],
      ['Ne pas encombrer', 'Do not obstruct the passage'],
    ]),
    long: v('de', [
      ['Sortie de secours', 'Notausgang – Durchgang freihalten'],
      ['Ne pas encombrer', 'Den Durchgang bitte zu keiner Zeit versperren oder zustellen'],
    ]),
  },
  'es_colours.png': {
    en: v('en', [
      ['Oferta especial', 'Special summer offer'],
      ['Descuentos', 'Discounts on all products'],
    ]),
    long: v('de', [
      ['Oferta especial', 'Sommersonderangebot'],
      ['Descuentos', 'Preisnachlässe auf sämtliche Produkte unseres Sortiments'],
    ]),
  },
  'it_multi_block.png': {
    en: v('en', [
      ['Benvenuti', 'Welcome to the restaurant'],
      ['Pasta fresca', 'Fresh homemade pasta'],
      ['con pomodoro', 'with tomato and basil'],
      ['Chiuso', 'Closed on Mondays'],
    ]),
    long: v('de', [
      ['Benvenuti', 'Herzlich willkommen in unserem Restaurant'],
      ['Pasta fresca', 'Frische hausgemachte Nudeln'],
      ['con pomodoro', 'mit Tomaten und frischem Basilikum'],
      ['Chiuso', 'Montags Ruhetag'],
    ]),
  },
  'pt_rotated_90.png': {
    en: v('en', [
      ['Proibido', 'No parking on this street'],
      ['Obrigado', 'Thank you for your understanding'],
    ]),
  },
  'nl_rotated_180.png': {
    en: v('en', [['Verboden', 'No entry for unauthorised persons. Staff only']]),
  },
  'sv_small_text.png': {
    en: v('en', [['Tryck här', 'Tap here to open the settings and choose which language you want to use. Changes are saved automatically.']]),
    long: v('de', [
      ['Tryck här', 'Tippen Sie hier, um die Einstellungen zu öffnen, und wählen Sie die Sprache, die Sie verwenden möchten. Änderungen werden automatisch gespeichert.'],
    ]),
  },
  'da_sign.png': {
    en: v('en', [['Parkering', 'No parking all day after eight o’clock']]),
    long: v('de', [['Parkering', 'Parkverbot während des ganzen Tages nach acht Uhr abends']]),
  },
  'no_notice.png': {
    en: v('en', [['Hva gjør', 'What do you do if the door is closed? Call us after eight o’clock, and we will help you with the key.']]),
    long: v('de', [['Hva gjør', 'Was tun Sie, wenn die Tür verschlossen ist? Rufen Sie uns nach acht Uhr an, dann helfen wir Ihnen mit dem Schlüssel.']]),
  },
  'fi_rotated_270.png': {
    en: v('en', [['Pysäköinti', 'No parking all day. Thank you for your understanding']]),
  },
  'en_low_contrast.png': {
    de: v('de', [['Please keep', 'Bitte halten Sie diese Tür geschlossen. Nur Notausgang']]),
    long: v('fi', [['Please keep', 'Pidä tämä ovi aina suljettuna. Vain hätäuloskäytävä']]),
  },
  'de_script_font.png': {
    en: v('en', [['Willkommen', 'Welcome home']]),
    long: v('en', [['Willkommen', 'Welcome to your home sweet home']]),
  },
  'en_underlined.png': {
    de: v('de', [['Visit our', 'Besuchen Sie noch heute unsere Website']]),
  },
  'en_heavy_title.png': {
    de: v('de', [['GRAND OPENING', 'GROSSE ERÖFFNUNG']]),
    long: v('de', [['GRAND OPENING', 'FEIERLICHE NEUERÖFFNUNG']]),
  },
  'es_over_texture.jpg': {
    en: v('en', [['Festival', 'Summer festival tonight']]),
    long: v('de', [['Festival', 'Sommerfestival heute Abend ab acht Uhr']]),
  },
  'en_button_ok.png': {
    de: v('de', [['OK', 'OK']]),
    long: v('de', [['OK', 'Einverstanden']]),
  },
  'en_merged_letters.png': {
    de: v('de', [['Welcome', 'Willkommen']]),
    long: v('fi', [['Welcome', 'Tervetuloa kotiin']]),
  },
  'en_bilingual_sign.png': {
    de: v('de', [
      ['Staff only', 'Ab hier nur für Personal. Bitte benutzen Sie den Haupteingang'],
      ['restringida', 'Sperrbereich, nur für Personal'],
    ]),
  },
};

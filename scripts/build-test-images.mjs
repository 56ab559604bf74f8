#!/usr/bin/env node
// Draws OCR test images with known text (ImageMagick; Noto fonts from fonts-noto-core, URW fonts from
// fonts-urw-base35) into
// test/fixtures/generated/, with their ground truth in manifest.json. Tests and `npm run bench:ocr`
// use them next to the real photos in test/fixtures/real/. The PNGs are committed; rerun this only to
// change them: node scripts/build-test-images.mjs
//
// It also draws the "text over photo" family into test/fixtures/generated/over-photo/ (see overPhotoImages
// below): banner-style text over crops of the real photos and over ImageMagick textures, with its own
// manifest and a split into images OCR may be tuned on and held-out images it must only be measured on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test', 'fixtures', 'generated');
const FONTS = '/usr/share/fonts/truetype/noto';
const font = (name) =>
  name.startsWith('urw:')
    ? path.join('/usr/share/fonts/opentype/urw-base35', `${name.slice(4)}.otf`) // fonts-urw-base35
    : path.join(FONTS, `${name}.ttf`);
mkdirSync(outDir, { recursive: true });

/** ImageMagick drawing of a walking-figure pictogram in a 54 px square frame with its top left at (x, y). */
function pictogram(x, y) {
  const at = (dx, dy) => `${x + dx},${y + dy}`;
  return [
    '-fill', 'none', '-stroke', '#ffffff', '-strokewidth', '3', '-draw', `rectangle ${at(0, 0)} ${at(54, 54)}`,
    '-fill', '#ffffff', '-stroke', 'none', '-draw', `circle ${at(28, 10)} ${at(28, 15)}`,
    '-stroke', '#ffffff', '-strokewidth', '6', '-draw', `line ${at(27, 18)} ${at(25, 34)}`, '-draw', `line ${at(25, 34)} ${at(16, 48)}`,
    '-draw', `line ${at(25, 34)} ${at(35, 47)}`, '-draw', `line ${at(26, 21)} ${at(16, 31)}`, '-draw', `line ${at(26, 21)} ${at(38, 28)}`,
    '+stroke',
  ];
}

/**
 * Each image: canvas size and background, then blocks of text. A block is drawn with `caption`-free
 * `-annotate` so its lines are exactly the ground truth.
 */
const images = [
  {
    file: 'de_dark_on_light.png', language: 'de', kind: 'dark on light, paragraph',
    size: [900, 360], background: '#f4f1ea',
    blocks: [{ lines: ['Bitte schließen Sie die Tür', 'nach dem Verlassen des Raumes.', 'Vielen Dank für Ihre Mithilfe!'], font: 'NotoSans-Regular', size: 38, color: '#202020', at: [40, 80] }],
  },
  {
    file: 'fr_light_on_dark.png', language: 'fr', kind: 'light on dark',
    size: [820, 300], background: '#1d2a44',
    blocks: [{ lines: ['Sortie de secours', 'Ne pas encombrer le passage'], font: 'NotoSans-Bold', size: 44, color: '#f5f5f5', at: [40, 110] }],
  },
  {
    file: 'es_colours.png', language: 'es', kind: 'coloured text on coloured background',
    size: [860, 320], background: '#f2c94c',
    blocks: [
      { lines: ['Oferta especial de verano'], font: 'NotoSans-Bold', size: 46, color: '#b3261e', at: [40, 100] },
      { lines: ['Descuentos en todos los productos'], font: 'NotoSans-Regular', size: 34, color: '#1b4f9c', at: [40, 210] },
    ],
  },
  {
    file: 'it_multi_block.png', language: 'it', kind: 'several blocks (menu)',
    size: [1000, 640], background: '#ffffff',
    blocks: [
      { lines: ['Benvenuti al ristorante'], font: 'NotoSerif-Bold', size: 48, color: '#000000', at: [60, 90] },
      { lines: ['Pasta fresca fatta in casa', 'con pomodoro e basilico'], font: 'NotoSans-Regular', size: 32, color: '#333333', at: [60, 250] },
      { lines: ['Chiuso il lunedì'], font: 'NotoSans-Italic', size: 30, color: '#7a1f1f', at: [580, 520] },
    ],
  },
  {
    file: 'pt_rotated_90.png', language: 'pt', kind: 'page rotated 90° clockwise',
    size: [900, 300], background: '#ffffff', rotate: 90,
    blocks: [{ lines: ['Proibido estacionar nesta rua', 'Obrigado pela compreensão'], font: 'NotoSans-Regular', size: 40, color: '#111111', at: [40, 110] }],
  },
  {
    file: 'nl_rotated_180.png', language: 'nl', kind: 'page upside down',
    size: [900, 260], background: '#eef6ee', rotate: 180,
    blocks: [{ lines: ['Verboden toegang voor onbevoegden', 'Alleen voor personeel'], font: 'NotoSans-Regular', size: 40, color: '#14301a', at: [40, 100] }],
  },
  {
    file: 'sv_small_text.png', language: 'sv', kind: 'small text',
    size: [700, 220], background: '#ffffff',
    blocks: [{ lines: ['Tryck här för att öppna inställningarna', 'och välj vilket språk du vill använda.', 'Ändringarna sparas automatiskt.'], font: 'NotoSans-Regular', size: 13, color: '#222222', at: [30, 50] }],
  },
  {
    file: 'da_sign.png', language: 'da', kind: 'sign, white on red',
    size: [820, 300], background: '#c8102e',
    blocks: [{ lines: ['Parkering forbudt', 'hele dagen efter klokken otte'], font: 'NotoSans-Bold', size: 44, color: '#ffffff', at: [40, 120] }],
  },
  {
    file: 'no_notice.png', language: 'no', kind: 'notice, dark on light grey',
    size: [900, 320], background: '#dcdcdc',
    blocks: [{ lines: ['Hva gjør du hvis døren er stengt?', 'Ring oss etter klokka åtte,', 'så hjelper vi deg med nøkkelen.'], font: 'NotoSans-Regular', size: 36, color: '#101010', at: [40, 80] }],
  },
  {
    file: 'fi_rotated_270.png', language: 'fi', kind: 'page rotated 270°',
    size: [860, 280], background: '#fffbe6', rotate: 270,
    blocks: [{ lines: ['Pysäköinti kielletty koko päivän', 'Kiitos ymmärryksestäsi'], font: 'NotoSans-Regular', size: 40, color: '#222222', at: [40, 110] }],
  },
  {
    file: 'en_low_contrast.png', language: 'en', kind: 'low contrast grey on grey',
    size: [860, 260], background: '#9a9a9a',
    blocks: [{ lines: ['Please keep this door closed', 'Fire exit only'], font: 'NotoSans-Regular', size: 42, color: '#5c5c5c', at: [40, 100] }],
  },
  {
    file: 'de_script_font.png', language: 'de', kind: 'script (cursive) font',
    size: [800, 200], background: '#fdf6e3',
    blocks: [{ lines: ['Willkommen zu Hause'], font: 'urw:Z003-MediumItalic', size: 64, color: '#222222', at: [40, 120] }],
  },
  {
    file: 'en_underlined.png', language: 'en', kind: 'underlined link text (descender touches the rule)',
    size: [800, 200], background: '#ffffff',
    blocks: [{ lines: ['Visit our website today'], font: 'NotoSans-Regular', size: 40, color: '#1a0dab', at: [40, 110] }],
    after: ['-stroke', '#1a0dab', '-strokewidth', '3', '-draw', 'line 40,118 480,118'],
  },
  {
    file: 'en_heavy_title.png', language: 'en', kind: 'heavy condensed title, tight kerning',
    size: [900, 260], background: '#ffcc00',
    blocks: [{ lines: ['GRAND OPENING'], font: 'urw:NimbusSansNarrow-Bold', size: 110, color: '#000000', at: [30, 170], extra: ['-kerning', '-4'] }],
  },
  {
    file: 'es_over_texture.jpg', language: 'es', kind: 'outlined text over a busy texture',
    size: [800, 300], backgroundArgs: ['-seed', '7', 'plasma:fractal', '-blur', '0x3'],
    blocks: [{ lines: ['Festival de verano esta noche'], font: 'NotoSans-Bold', size: 46, color: '#ffffff', at: [30, 170], extra: ['-stroke', '#000000', '-strokewidth', '1'] }],
  },
  {
    file: 'en_button_ok.png', language: 'en', kind: 'single short label on a button',
    size: [240, 120], background: '#e0e0e0',
    before: ['-fill', '#3366cc', '-draw', 'roundrectangle 40,30 200,90 10,10'],
    blocks: [{ lines: ['OK'], font: 'NotoSans-Bold', size: 36, color: '#ffffff', at: [88, 73] }],
  },
  {
    file: 'en_merged_letters.png', language: 'en', kind: 'blurred bold word, letters run together',
    size: [500, 160], background: '#ffffff',
    blocks: [{ lines: ['Welcome'], font: 'NotoSans-Bold', size: 56, color: '#000000', at: [30, 100], extra: ['-kerning', '-6'] }],
    after: ['-blur', '0x2.5'],
  },
  {
    file: 'en_bilingual_sign.png', language: 'en', kind: 'English sign with a Spanish line',
    size: [900, 330], background: '#f7f7f2',
    blocks: [
      { lines: ['Staff only beyond this point', 'Please use the main entrance'], font: 'NotoSans-Bold', size: 40, color: '#1b1b1b', at: [40, 80] },
      { lines: ['Área restringida, sólo personal'], font: 'NotoSans-Italic', size: 36, color: '#444444', at: [40, 270] },
    ],
  },
  { file: 'none_no_text.png', language: null, kind: 'no text (gradient and shapes)', size: [640, 480], shapes: true, blocks: [] },
  {
    file: 'de_white_over_photo.jpg', language: 'de', kind: 'white bold text over a photo (pale stone)',
    size: [760, 300], backgroundArgs: ['test/fixtures/real/fr_paris_direction_signs.jpg', '-crop', '330x130+362+880', '+repage', '-resize', '760x300!'],
    blocks: [{ lines: ['Winterschlussverkauf', 'alles muss raus'], font: 'NotoSans-Bold', size: 58, color: '#ffffff', at: [40, 110] }],
  },
  {
    file: 'en_outlined_over_photo.jpg', language: 'en', kind: 'white text with a black outline over a photo',
    size: [760, 220], backgroundArgs: ['test/fixtures/real/fr_paris_direction_signs.jpg', '-crop', '380x110+0+40', '+repage', '-resize', '760x220!'],
    blocks: [{ lines: ['Autumn collection'], font: 'NotoSans-Bold', size: 72, color: '#ffffff', at: [40, 135], outline: '#000000' }],
  },
  {
    file: 'fr_pictogram_sign.png', language: 'fr', kind: 'direction signs: a pictogram in its square beside the words',
    size: [760, 300], background: '#8a8f96',
    before: [
      '-fill', '#1c2541', '-stroke', '#ffffff', '-strokewidth', '4', '-draw', 'roundrectangle 20,30 740,130 12,12',
      '-draw', 'roundrectangle 20,170 740,270 12,12',
      // Pictograms: a white square frame holding a walking figure about as tall as the capitals, just
      // before the words of the first plate and just after those of the second.
      ...pictogram(46, 52), ...pictogram(526, 192),
    ],
    blocks: [
      { lines: ['Gare du Nord'], font: 'NotoSans-Bold', size: 52, color: '#ffffff', at: [112, 100] },
      { lines: ['Tour Eiffel'], font: 'NotoSans-Bold', size: 52, color: '#ffffff', at: [250, 240] },
    ],
  },
  {
    file: 'sv_upside_down_photo.jpg', language: 'sv', kind: 'a line of white text over a photo, upside down',
    size: [800, 200], rotate: 180, backgroundArgs: ['test/fixtures/real/en_notice_double_parking.jpg', '-crop', '400x100+400+300', '+repage', '-resize', '800x200!'],
    blocks: [{ lines: ['Välkommen till vår butik'], font: 'NotoSans-Bold', size: 54, color: '#ffffff', at: [40, 120], shadow: '#000000' }],
  },
];

const manifest = [];
for (const image of images) {
  const out = path.join(outDir, image.file);
  const args = [];
  if (image.shapes) {
    args.push('-size', `${image.size[0]}x${image.size[1]}`, 'gradient:#87ceeb-#2e8b57', '-fill', '#d2691e',
      '-draw', 'circle 320,240 320,140', '-fill', '#ffffff', '-draw', 'rectangle 60,60 180,120');
  } else if (image.backgroundArgs) {
    args.push('-size', `${image.size[0]}x${image.size[1]}`, ...image.backgroundArgs.map((a) => (a.startsWith('test/') ? path.join(root, a) : a)));
  } else {
    args.push('-size', `${image.size[0]}x${image.size[1]}`, `xc:${image.background}`);
  }
  args.push(...(image.before ?? []));
  for (const block of image.blocks) {
    const lineHeight = Math.round(block.size * 1.45);
    block.lines.forEach((line, i) => {
      const [x, y] = [block.at[0], block.at[1] + i * lineHeight];
      const type = ['-font', font(block.font), '-pointsize', String(block.size)];
      // An outline outside the letters: a wide stroke first, the letters filled over it.
      if (block.outline) args.push(...type, '-fill', block.outline, '-stroke', block.outline, '-strokewidth', '6', '-annotate', `+${x}+${y}`, line, '+stroke');
      if (block.shadow) args.push(...type, '-fill', block.shadow, '-annotate', `+${x + 3}+${y + 3}`, line);
      args.push(...type, '-fill', block.color, ...(block.extra ?? []), '-annotate', `+${x}+${y}`, line);
    });
  }
  args.push(...(image.after ?? []));
  if (image.rotate) args.push('-rotate', String(image.rotate));
  // No timestamps in the PNGs, so rebuilding unchanged images changes no bytes. Photo-like images are
  // JPEG (a PNG of a texture is ten times larger).
  if (out.endsWith('.jpg')) args.push('-quality', '90');
  args.push('-define', 'png:exclude-chunk=date,time', '+set', 'date:create', '+set', 'date:modify', out);
  execFileSync('convert', args);
  const [width, height] = execFileSync('identify', ['-format', '%w %h', out]).toString().split(' ').map(Number);
  manifest.push({
    file: image.file,
    language: image.language,
    kind: image.kind,
    width,
    height,
    rotation: image.rotate ?? 0,
    ground_truth: image.blocks.flatMap((b) => b.lines),
    blocks: image.blocks.map((b) => b.lines),
  });
  console.log(`drew ${image.file}`);
}
writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');

// ---------------------------------------------------------------------------------------------------
// Text over photos: white, yellow and black text, bold and regular, plain, outlined or with a drop
// shadow, 30–120 px, one or two lines, in all our languages, over crops of the real fixtures' text-free
// areas and over seeded ImageMagick textures. The combinations are drawn by a seeded generator, so the
// family is the same on every run. Half the images are for tuning; the other half ("holdout") use
// backgrounds, phrases and two fonts the tuning half never shows, and are only measured.

/** Text-free backgrounds. `tone` is how light the area is: black text goes on light and mid tones only. */
const PHOTO = 'test/fixtures/real';
const BACKGROUNDS = {
  tune: [
    { name: 'facade_top', tone: 'mid', args: [`${PHOTO}/fr_paris_direction_signs.jpg`, '-crop', '692x185+0+0', '+repage'] },
    { name: 'facade_base', tone: 'mid', args: [`${PHOTO}/fr_paris_direction_signs.jpg`, '-crop', '692x290+0+732', '+repage'] },
    { name: 'trees', tone: 'dark', args: [`${PHOTO}/en_notice_double_parking.jpg`, '-crop', '350x300+450+0', '+repage'] },
    { name: 'sky_cartoon', tone: 'light', args: [`${PHOTO}/de_cartoon_halten_sie.jpg`, '-crop', '398x190+0+125', '+repage'] },
    { name: 'plasma_warm', tone: 'mid', args: ['-seed', '11', '-size', '700x300', 'plasma:#8a5a2b-#d9b38c', '-blur', '0x2'] },
    { name: 'plasma_fractal', tone: 'mid', args: ['-seed', '12', '-size', '700x300', 'plasma:fractal', '-blur', '0x4'] },
    { name: 'noise_dark', tone: 'dark', args: ['-seed', '13', '-size', '700x300', 'xc:#303848', '-attenuate', '2', '+noise', 'Gaussian', '-blur', '0x1.5'] },
  ],
  holdout: [
    { name: 'hedge_car', tone: 'mid', args: [`${PHOTO}/en_notice_double_parking.jpg`, '-crop', '280x190+400+385', '+repage'] },
    { name: 'trees_left', tone: 'dark', args: [`${PHOTO}/en_notice_double_parking.jpg`, '-crop', '250x300+0+0', '+repage'] },
    { name: 'flowers_cartoon', tone: 'mid', args: [`${PHOTO}/de_cartoon_halten_sie.jpg`, '-crop', '398x120+0+330', '+repage'] },
    { name: 'windows', tone: 'dark', args: [`${PHOTO}/fr_paris_direction_signs.jpg`, '-crop', '262x300+430+480', '+repage'] },
    { name: 'plasma_sky', tone: 'light', args: ['-seed', '21', '-size', '700x300', 'plasma:#6fa8dc-#f4f8ff', '-blur', '0x5'] },
    { name: 'plasma_green', tone: 'mid', args: ['-seed', '22', '-size', '700x300', 'plasma:#2e5e2e-#9fc97f', '-blur', '0x1'] },
    { name: 'gradient_noise', tone: 'mid', args: ['-seed', '23', '-size', '700x300', 'gradient:#1a3550-#c8a878', '-attenuate', '0.6', '+noise', 'Gaussian'] },
  ],
};

/** Banner phrases (one or two lines) per language. */
const PHRASES = {
  tune: {
    en: [['New collection', 'Shop now'], ['Free delivery on every order']],
    de: [['Neue Kollektion', 'Jetzt entdecken'], ['Herbstmarkt am Samstag']],
    fr: [['Nouvelle collection', 'Livraison gratuite'], ['Bienvenue au marché']],
    es: [['Gran venta de verano'], ['Nueva colección', 'Envío gratis']],
    it: [['Saldi estivi', 'Sconti su tutto'], ['Benvenuti a Roma']],
    pt: [['Grande liquidação', 'Só hoje'], ['Nova coleção de inverno']],
    nl: [['Grote uitverkoop', 'Alleen vandaag'], ['Welkom in Amsterdam']],
    sv: [['Stor rea', 'Bara idag'], ['Välkommen till Stockholm']],
    da: [['Stort udsalg', 'Kun i denne uge'], ['Velkommen til København']],
    no: [['Nye varer hver uke'], ['Stort salg', 'Bare i dag']],
    fi: [['Suuret alennukset', 'Vain tänään'], ['Tervetuloa Helsinkiin']],
  },
  holdout: {
    en: [['Grand opening', 'this weekend'], ['Best coffee in town']],
    de: [['Frische Brötchen', 'jeden Morgen'], ['Winterschlussverkauf']],
    fr: [['Offre spéciale', 'pour les étudiants'], ['Fermé le dimanche']],
    es: [['Bienvenidos a Madrid'], ['Ofertas de la semana', 'en todas las tiendas']],
    it: [['Nuova apertura'], ['Pizza fatta in casa', 'ogni sera']],
    pt: [['Bem vindo a Lisboa'], ['Descontos em toda a loja']],
    nl: [['Nieuwe collectie', 'nu in de winkel'], ['Gratis verzending']],
    sv: [['Nya kläder varje vecka'], ['Fri frakt', 'på alla beställningar']],
    da: [['Friske blomster', 'hver dag'], ['Gratis levering i hele landet']],
    no: [['Velkommen til Oslo'], ['Nye klær', 'til hele familien']],
    fi: [['Uusi mallisto', 'nyt myymälöissä'], ['Ilmainen toimitus']],
  },
};

const FONTS_BY_SPLIT = {
  tune: ['NotoSans-Bold', 'NotoSans-Regular', 'NotoSerif-Bold'],
  holdout: ['NotoSans-Bold', 'NotoSans-Regular', 'urw:NimbusSans-Bold', 'urw:URWGothic-Demi'],
};
const COLOURS = { white: '#ffffff', yellow: '#ffd400', black: '#111111' };
const EFFECTS = ['plain', 'outline', 'shadow'];
const SIZES = [30, 38, 48, 60, 76, 96, 120];
const PER_SPLIT = 24;
/** Text wider than this is drawn at a smaller size instead. */
const MAX_TEXT_WIDTH = 1200;

/** mulberry32: a small seeded generator, so the family is the same on every run. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function overPhotoImages() {
  const specs = [];
  for (const [split, seed] of [['tune', 101], ['holdout', 202]]) {
    const random = seededRandom(seed);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const languages = Object.keys(PHRASES[split]);
    for (let i = 0; i < PER_SPLIT; i++) {
      const language = languages[i % languages.length];
      const lines = pick(PHRASES[split][language]);
      const effect = EFFECTS[i % EFFECTS.length];
      const colour = pick(Object.keys(COLOURS));
      // Black text is drawn on light and mid tones only, light text on mid and dark ones, unless an
      // outline or shadow separates it from the background (as designers do).
      const fits = (b) => effect !== 'plain' || (colour === 'black' ? b.tone !== 'dark' : b.tone !== 'light');
      const background = pick(BACKGROUNDS[split].filter(fits));
      const size = pick(SIZES);
      const font = pick(FONTS_BY_SPLIT[split]);
      // Room around the text, so the picture also holds background that is not text.
      const room = [random(), random(), random(), random()];
      specs.push({ split, language, lines, effect, colour, background, size, font, room, index: i });
    }
  }
  return specs;
}

function textWidth(fontFile, size, text) {
  return Number(execFileSync('convert', ['-font', fontFile, '-pointsize', String(size), '-format', '%w', `label:${text}`, 'info:']).toString());
}

/** Draws `spec` into `out`; returns the text size used (smaller than asked when the text would not fit). */
function drawOverPhoto(spec, out) {
  const fontFile = font(spec.font);
  let size = spec.size;
  const widest = (s) => Math.max(...spec.lines.map((l) => textWidth(fontFile, s, l)));
  while (size > SIZES[0] && widest(size) > MAX_TEXT_WIDTH) size = SIZES[SIZES.indexOf(size) - 1];
  spec = { ...spec, size };
  const lineHeight = Math.round(spec.size * 1.3);
  const [left, right, top, bottom] = spec.room.map((r) => Math.round(12 + r * spec.size * 1.5));
  const textWidthPx = widest(spec.size);
  const width = left + textWidthPx + right;
  const height = top + spec.lines.length * lineHeight + bottom;
  const margin = left;
  const fill = COLOURS[spec.colour];
  const contrast = spec.colour === 'black' ? '#ffffff' : '#000000';
  const baseline = (i) => top + Math.round(spec.size * 0.95) + i * lineHeight;
  const annotate = (dx, dy) => spec.lines.flatMap((line, i) => ['-annotate', `+${margin + dx}+${baseline(i) + dy}`, line]);
  const text = ['-font', fontFile, '-pointsize', String(spec.size)];
  const stroke = Math.max(2, Math.round(spec.size / 16));
  const args = [
    ...spec.background.args.map((a) => (a.startsWith('test/') ? path.join(root, a) : a)),
    '-resize', `${width}x${height}^`, '-gravity', 'center', '-extent', `${width}x${height}`, '+gravity',
  ];
  if (spec.effect === 'shadow') {
    const offset = Math.max(2, Math.round(spec.size / 20));
    args.push('(', '-size', `${width}x${height}`, 'xc:none', ...text, '-fill', contrast, ...annotate(offset, offset),
      '-blur', `0x${Math.max(1.5, spec.size / 25)}`, ')', '-composite');
  }
  if (spec.effect === 'outline') {
    // The outline lies outside the letters: a wide stroke first, the letters filled over it.
    args.push(...text, '-fill', contrast, '-stroke', contrast, '-strokewidth', String(2 * stroke), ...annotate(0, 0), '+stroke');
  }
  args.push(...text, '-fill', fill, '-stroke', 'none', ...annotate(0, 0), '-quality', '85', out);
  execFileSync('convert', args, { cwd: root });
  return size;
}

const photoDir = path.join(outDir, 'over-photo');
mkdirSync(photoDir, { recursive: true });
for (const old of readdirSync(photoDir)) rmSync(path.join(photoDir, old));
const photoManifest = [];
for (const spec of overPhotoImages()) {
  const weight = /Bold|Demi/.test(spec.font) ? 'bold' : 'regular';
  const name = `${spec.split}_${String(spec.index).padStart(2, '0')}_${spec.language}_${spec.colour}_${spec.effect}`;
  const drawn = drawOverPhoto(spec, path.join(photoDir, 'drawing.jpg'));
  const file = `${name}_${drawn}.jpg`;
  const out = path.join(photoDir, file);
  renameSync(path.join(photoDir, 'drawing.jpg'), out);
  const [width, height] = execFileSync('identify', ['-format', '%w %h', out]).toString().split(' ').map(Number);
  photoManifest.push({
    file,
    split: spec.split,
    language: spec.language,
    kind: `${spec.colour} ${weight} ${spec.effect} ${drawn} px over ${spec.background.name}`,
    font: spec.font,
    width,
    height,
    rotation: 0,
    ground_truth: spec.lines,
    blocks: [spec.lines],
  });
  console.log(`drew over-photo/${file}`);
}
writeFileSync(path.join(photoDir, 'manifest.json'), JSON.stringify(photoManifest, null, 1) + '\n');

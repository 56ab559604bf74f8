#!/usr/bin/env node
// Draws OCR test images with known text (ImageMagick; Noto fonts from fonts-noto-core, URW fonts from
// fonts-urw-base35) into
// test/fixtures/generated/, with their ground truth in manifest.json. Tests and `npm run bench:ocr`
// use them next to the real photos in test/fixtures/real/. The PNGs are committed; rerun this only to
// change them: node scripts/build-test-images.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test', 'fixtures', 'generated');
const FONTS = '/usr/share/fonts/truetype/noto';
const font = (name) =>
  name.startsWith('urw:')
    ? path.join('/usr/share/fonts/opentype/urw-base35', `${name.slice(4)}.otf`) // fonts-urw-base35
    : path.join(FONTS, `${name}.ttf`);
mkdirSync(outDir, { recursive: true });

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
];

const manifest = [];
for (const image of images) {
  const out = path.join(outDir, image.file);
  const args = [];
  if (image.shapes) {
    args.push('-size', `${image.size[0]}x${image.size[1]}`, 'gradient:#87ceeb-#2e8b57', '-fill', '#d2691e',
      '-draw', 'circle 320,240 320,140', '-fill', '#ffffff', '-draw', 'rectangle 60,60 180,120');
  } else if (image.backgroundArgs) {
    args.push('-size', `${image.size[0]}x${image.size[1]}`, ...image.backgroundArgs);
  } else {
    args.push('-size', `${image.size[0]}x${image.size[1]}`, `xc:${image.background}`);
  }
  args.push(...(image.before ?? []));
  for (const block of image.blocks) {
    const lineHeight = Math.round(block.size * 1.45);
    block.lines.forEach((line, i) => {
      args.push('-font', font(block.font), '-pointsize', String(block.size), '-fill', block.color, ...(block.extra ?? []),
        '-annotate', `+${block.at[0]}+${block.at[1] + i * lineHeight}`, line);
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

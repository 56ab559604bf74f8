#!/usr/bin/env node
// Text removal and rendering benchmark (`npm run bench:render`). The real pipeline (bench/pipeline-worker.ts
// in workerd, offline translator) runs on test/fixtures/real, test/fixtures/generated and scenes drawn here
// with ImageMagick (text over photos, gradients and textures, dark on light and light on dark), and an
// independent OCR — the native tesseract CLI, `--psm 11`, told the language — judges the outputs:
//   clean:      the share of the words it reads on the original that it still reads on the clean image
//               (target ≤ 5%);
//   translated: the share of the words we drew that it reads back on the translated image (target ≥ 90%).
// The judge reads every picture, original, clean and translated alike, in two page segmentation modes:
// sparse text (`--psm 11`) and its default (`--psm 3`); a word counts as read when either mode reads it
// (as often as the mode that reads it more often). Sparse text alone misses whole framed signs whose
// text it reads on neither the original nor our output (fr_pictogram_sign); the figures with sparse text
// alone are reported beside, as the "psm 11" columns.
// Pages whose text runs turned (rotated fixtures) are turned upright for the judge, which cannot read them otherwise.
// Also reported: ms per megapixel for mask, inpaint, render and encode. Pictures go to bench/out/render/
// to be looked at. `--memory` (or `--memory-only`) measures the workerd process's peak memory while it
// translates a 12 MP, a 16 MP and a 50 MP photo.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { found, median, words } from './text-metrics.mjs';
import { memoryStatus, resetPeak, startBenchWorker, workerdPids } from './workerd.mjs';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'bench/out/render');
const TESS = { en: 'eng', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', sv: 'swe', da: 'dan', no: 'nor', fi: 'fin' };
const FONTS = '/usr/share/fonts/truetype/noto';

/** Scenes of our own: known text on backgrounds the fixtures lack. */
const SCENES = [
  { file: 'de_over_photo.jpg', language: 'de', kind: 'white bold text over a photo', lines: ['Sonderangebot', 'nur heute'],
    background: ['test/fixtures/real/fr_paris_direction_signs.jpg', '-crop', '692x294+0+730', '+repage'], font: 'NotoSans-Bold', size: 60, fill: 'white', stroke: null, at: '+30+110' },
  { file: 'fr_gradient.png', language: 'fr', kind: 'dark text over a gradient', lines: ['Ouvert tous les jours', 'de 9 h à 19 h'],
    background: ['-size', '900x320', 'gradient:#fdfbe3-#9ad0ec'], font: 'NotoSans-Regular', size: 48, fill: '#1c2b39', stroke: null, at: '+50+120' },
  { file: 'es_texture.jpg', language: 'es', kind: 'yellow text over a noisy texture', lines: ['Rebajas de invierno'],
    background: ['-seed', '7', '-size', '860x260', 'plasma:#5a3a22-#a0703c', '-blur', '0x1'], font: 'NotoSans-Bold', size: 62, fill: '#ffd84a', stroke: null, at: '+40+150' },
  { file: 'it_over_clouds.jpg', language: 'it', kind: 'dark text over a cloudy sky', lines: ['Chiuso per ferie'],
    background: ['-seed', '3', '-size', '800x260', 'plasma:#7fb3e6-#ffffff', '-blur', '0x6'], font: 'NotoSans-Bold', size: 66, fill: '#14213d', stroke: null, at: '+40+160' },
  { file: 'sv_dark_banner.png', language: 'sv', kind: 'light text on a dark gradient banner', lines: ['Fri frakt på alla', 'beställningar'],
    background: ['-size', '880x300', 'gradient:#0b3d2e-#1e6f50'], font: 'NotoSans-Regular', size: 56, fill: '#f7f3e8', stroke: null, at: '+60+120' },
  { file: 'en_outlined_photo.jpg', language: 'en', kind: 'outlined white text over a photo', lines: ['Summer sale'],
    background: ['test/fixtures/real/fr_paris_direction_signs.jpg', '-crop', '692x190+0+0', '+repage'], font: 'NotoSans-Bold', size: 76, fill: 'white', stroke: 'black', at: '+50+125' },
];

function makeScenes() {
  const dir = path.join(root, 'bench/out/scenes');
  mkdirSync(dir, { recursive: true });
  return SCENES.map((scene) => {
    const file = path.join(dir, scene.file);
    const text = scene.lines.join('\n');
    const stroke = scene.stroke ? ['-stroke', scene.stroke, '-strokewidth', '3'] : [];
    execFileSync('convert', [...scene.background.map((a) => (a.startsWith('test/') ? path.join(root, a) : a)),
      '-font', path.join(FONTS, `${scene.font}.ttf`), '-pointsize', String(scene.size), '-fill', scene.fill, ...stroke,
      '-interline-spacing', '6', '-annotate', scene.at, text, '-quality', '92', file], { cwd: root });
    return { file: scene.file, path: file, language: scene.language, kind: scene.kind, ground_truth: scene.lines, set: 'scene' };
  });
}

function fixtures(dir) {
  return JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8'))
    .filter((m) => m.language)
    .map((m) => ({ ...m, path: path.join(root, dir, m.file), set: path.basename(dir) }));
}

const startWorker = () => startBenchWorker('bench/pipeline-worker.ts');

async function pipeline(worker, file, query) {
  const started = performance.now();
  const response = await worker.fetch(`http://bench/pipeline?${new URLSearchParams(query)}`, { method: 'POST', body: readFileSync(file) });
  const result = await response.json();
  if (!response.ok) throw new Error(`${path.basename(file)}: ${JSON.stringify(result)}`);
  return { ...result, ms: performance.now() - started };
}

/** The judge's page segmentation modes: sparse text, and tesseract's default (fully automatic). */
const JUDGE_MODES = ['11', '3'];

/**
 * What the native OCR reads in `file` in each of JUDGE_MODES (texts in that order), turned upright
 * first when its text runs at `rotation` (clockwise).
 */
async function tesseract(file, language, rotation = 0) {
  let input = file;
  if (rotation) {
    input = path.join(out, `${path.basename(file)}.upright.png`);
    execFileSync('convert', [file, '-rotate', String(360 - rotation), input]);
  }
  const read = async (psm) =>
    (await run('tesseract', [input, '-', '--psm', psm, '-l', TESS[language]], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 26 })).stdout;
  return Promise.all(JUDGE_MODES.map(read));
}

/** The words read by any of `texts`, each as often as the text that reads it most often has it, as one text. */
function readByAny(texts) {
  const most = new Map();
  for (const text of texts) {
    const counts = new Map();
    for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w, n] of counts) most.set(w, Math.max(n, most.get(w) ?? 0));
  }
  return [...most].flatMap(([w, n]) => Array(n).fill(w)).join(' ');
}

/** The turn of the page's text (the one most drawn regions share), so the judge can read it upright. */
function pageRotation(regions) {
  const counts = new Map();
  for (const r of regions.filter((r) => r.drawn)) counts.set(r.style?.rotation ?? 0, (counts.get(r.style?.rotation ?? 0) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

const ext = (format) => (format === 'jpeg' ? 'jpg' : format);
const sniff = (b) => (b[0] === 0xff ? 'jpeg' : b[0] === 0x89 ? 'png' : 'webp');

async function judge(image, result) {
  const target = result.target;
  const name = path.basename(image.file, path.extname(image.file));
  const clean = Buffer.from(result.clean, 'base64');
  const translated = Buffer.from(result.translated, 'base64');
  const cleanFile = path.join(out, `${name}.clean.${ext(sniff(clean))}`);
  const translatedFile = path.join(out, `${name}.${target}.${ext(sniff(translated))}`);
  writeFileSync(cleanFile, clean);
  writeFileSync(translatedFile, translated);

  const rotation = pageRotation(result.regions);
  const [onOriginal, onClean, onTranslated] = await Promise.all([
    tesseract(image.path, image.language, rotation),
    tesseract(cleanFile, image.language, rotation),
    tesseract(translatedFile, target, rotation),
  ]);
  const drawn = words(result.regions.filter((r) => r.drawn).map((r) => r.translation).join(' ')).filter((w) => /\p{L}{2,}/u.test(w));
  const judged = (pick) => {
    const readOriginal = words(pick(onOriginal)).filter((w) => /\p{L}{2,}/u.test(w));
    return {
      originalWords: readOriginal.length,
      cleanSurvival: readOriginal.length ? found(readOriginal, pick(onClean)) / readOriginal.length : null,
      readBack: drawn.length ? found(drawn, pick(onTranslated)) / drawn.length : null,
    };
  };
  const sparse = judged((texts) => texts[0]);
  return {
    file: image.file,
    set: image.set,
    mp: (result.width * result.height) / 1e6,
    regions: result.regions.length,
    ...judged(readByAny),
    sparse,
    drawnWords: drawn.length,
    stages: result.stages,
    translations: result.regions.filter((r) => r.drawn).map((r) => `${r.text.replace(/\n/g, ' / ')} → ${r.translation.replace(/\n/g, ' / ')}`),
  };
}

function pct(x) {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(0)}%`;
}

function report(rows) {
  const lines = [
    '| image | MP | regions | words on original | still read on clean | words drawn | read back on translated | psm 11: words on original | still read on clean | read back | mask | inpaint | render | encode (ms) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const s = r.stages;
    const p = r.sparse;
    lines.push(
      `| ${r.file} | ${r.mp.toFixed(2)} | ${r.regions} | ${r.originalWords} | ${pct(r.cleanSurvival)} | ${r.drawnWords} | ${pct(r.readBack)} | ${p.originalWords} | ${pct(p.cleanSurvival)} | ${pct(p.readBack)} | ${s.mask ?? '—'} | ${s.inpaint ?? '—'} | ${s.render ?? '—'} | ${s.encode ?? '—'} |`,
    );
  }
  const drawnWords = rows.reduce((n, r) => n + r.drawnWords, 0);
  const totals = (pick) => {
    const judged = rows.map(pick);
    const originalWords = judged.reduce((n, j) => n + j.originalWords, 0);
    const survived = judged.reduce((n, j) => n + (j.cleanSurvival ?? 0) * j.originalWords, 0);
    const readBack = rows.reduce((n, r, i) => n + (judged[i].readBack ?? 0) * r.drawnWords, 0);
    const medianOf = (key) => {
      const scored = judged.filter((j) => j[key] !== null).map((j) => j[key]);
      return pct(scored.length ? median(scored) : null);
    };
    return {
      originalWords,
      clean: `**${pct(originalWords ? survived / originalWords : null)}** (median ${medianOf('cleanSurvival')})`,
      readBack: `**${pct(readBack / drawnWords)}** (${Math.round(readBack)} of ${drawnWords}; median ${medianOf('readBack')})`,
    };
  };
  const both = totals((r) => r);
  const sparse = totals((r) => r.sparse);
  lines.push(`| **all** | | | ${both.originalWords} | ${both.clean} | ${drawnWords} | ${both.readBack} | ${sparse.originalWords} | ${sparse.clean} | ${sparse.readBack} | | | | |`);
  const totalMp = rows.reduce((n, r) => n + r.mp, 0);
  const perMp = (stage) => (rows.reduce((n, r) => n + (r.stages[stage] ?? 0), 0) / totalMp).toFixed(0);
  lines.push('', `ms per megapixel of image (${totalMp.toFixed(1)} MP in all): mask ${perMp('mask')}, inpaint ${perMp('inpaint')}, render ${perMp('render')}, encode ${perMp('encode')} (both outputs), decode ${perMp('decode')}`);
  console.log(lines.join('\n'));
  console.log('\nTranslations drawn:');
  for (const r of rows) console.log(`  ${r.file}: ${r.translations.join(' | ') || '(none)'}`);
}

/** Peak memory of the workerd process while it translates a large photo (local workerd enforces no limit). */
async function memory() {
  const sizes = [
    ['12 MP', 4000, 3000],
    ['16 MP', 4096, 4096],
    ['50 MP', 8660, 5773],
  ];
  const dir = path.join(root, 'bench/out/memory');
  mkdirSync(dir, { recursive: true });
  console.log('\nPeak memory of the workerd process while it translates one photo (JPEG in, JPEG out), over its memory just before:');
  for (const [label, w, h] of sizes) {
    const file = path.join(dir, `photo_${w}x${h}.jpg`);
    if (!existsSync(file)) {
      execFileSync('convert', [path.join(root, 'test/fixtures/real/fr_paris_direction_signs.jpg'), '-resize', `${w}x${h}!`, '-quality', '88', file]);
    }
    const worker = await startWorker();
    try {
      // Warm: WebAssembly compiled, models loaded and heaps grown by a small image, as in a live isolate.
      await pipeline(worker, path.join(root, 'test/fixtures/real/fr_paris_direction_signs.jpg'), { target: 'en', images: '0' });
      const pids = workerdPids();
      for (const pid of pids) resetPeak(pid);
      const before = new Map(pids.map((pid) => [pid, memoryStatus(pid)]));
      const result = await pipeline(worker, file, { target: 'en', images: '0' });
      const [pid] = pids.sort((a, b) => memoryStatus(b).hwm - before.get(b).rss - (memoryStatus(a).hwm - before.get(a).rss));
      const peak = memoryStatus(pid).hwm;
      console.log(
        `  ${label} (${w}×${h}, ${(readFileSync(file).length / 1e6).toFixed(1)} MB file): RSS ${before.get(pid).rss.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB` +
          ` → +${(peak - before.get(pid).rss).toFixed(0)} MiB during the request; output ${result.width}×${result.height}` +
          `${result.scale < 1 ? ` (working size, scale ${result.scale.toFixed(3)})` : ' (full resolution)'}; Tesseract heap ${(result.tesseractHeapBytes / 2 ** 20).toFixed(0)} MiB;` +
          ` ${result.regions.length} regions; ${(result.ms / 1000).toFixed(1)} s`,
      );
    } finally {
      await worker.dispose();
    }
  }
}

async function main() {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    execFileSync('convert', ['-version'], { stdio: 'ignore' });
  } catch {
    console.error('bench:render needs the native tesseract CLI and ImageMagick: apt-get install tesseract-ocr tesseract-ocr-{deu,fra,spa,ita,por,nld,swe,dan,nor,fin} imagemagick fonts-noto-core');
    process.exit(2);
  }
  if (process.argv.includes('--memory-only')) return memory();
  mkdirSync(out, { recursive: true });
  const only = process.env.BENCH_ONLY; // a substring of file names, to look at a few pictures
  const images = [...fixtures('test/fixtures/real'), ...fixtures('test/fixtures/generated'), ...makeScenes()].filter((i) => !only || i.file.includes(only));
  const worker = await startWorker();
  const rows = [];
  try {
    for (const image of images) {
      const target = image.language === 'en' ? 'de' : 'en';
      const result = await pipeline(worker, image.path, { target, source: image.language });
      rows.push(await judge(image, { ...result, target }));
      process.stderr.write(`${image.file}: ${rows.at(-1).translations.length} regions drawn\n`);
    }
  } finally {
    await worker.dispose();
  }
  report(rows);
  writeFileSync(path.join(root, 'bench/out/render.json'), JSON.stringify(rows, null, 1));
  console.log(`\nPictures: ${path.relative(root, out)}/`);
  if (process.argv.includes('--memory')) await memory();
}

await main();

#!/usr/bin/env node
// Render preview (`npm run preview:render`, not part of npm test): draws hand-written translations
// onto the real and generated fixtures, with the real OCR regions and the real style estimate, and
// writes the pictures to bench/out/render-preview/ to be looked at. Each picture is read back with the native
// tesseract CLI (`--psm 11`, the target language's model) and the share of the translation's words it
// finds is reported (the team's bar: ≥ 90%). With `--speed` it also times the renderer in workerd and
// reads resvg's heap after a large region.
//
//   node bench/render-preview.mjs [--speed] [--only NAME] [--fresh-ocr] [--no-outline]
//
// --no-outline draws without the outlines the style estimate asks for (files *.no-outline.png), to
// judge what they cost the look and the read-back.
// OCR results are cached in bench/out/render-preview/ocr/ (the OCR is not what is judged here); --fresh-ocr
// runs it again. Translations live in bench/render-preview-translations.mjs: an "en" variant (what a
// translator would return) and a "long" one (German and Finnish compounds, longer sentences) per
// fixture, to exercise wrapping and shrinking.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startBenchWorker } from './workerd.mjs';
import { TRANSLATIONS } from './render-preview-translations.mjs';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'bench/out/render-preview');
const TESS = { en: 'eng', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', sv: 'swe', da: 'dan', no: 'nor', fi: 'fin' };
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const noOutline = args.includes('--no-outline');

function load(dir) {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8'));
  return manifest.map((m) => ({ ...m, path: path.join(root, dir, m.file) }));
}

/** Words as compared: whitespace-split, outer punctuation stripped, case and Unicode form ignored. */
function words(text) {
  return text
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

/** Share of `truth`'s words found in `text`; hyphenated words also count when read as their halves. */
function recall(truth, text) {
  const want = words(truth);
  if (!want.length) return null;
  const have = new Map();
  const read = words(text.replace(/-\s*\n\s*/g, ''));
  for (const w of read) have.set(w, (have.get(w) ?? 0) + 1);
  let found = 0;
  const missing = [];
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      found++;
      have.set(w, n - 1);
    } else missing.push(w);
  }
  return { recall: found / want.length, missing };
}

const pct = (score) => (score ? `${(score.recall * 100).toFixed(0)}%` : '—');
const normal = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The translation for each region: the first entry whose `match` occurs in the region's text. */
function translationsFor(regions, entries) {
  return regions.map((region) => {
    const text = normal(region.text);
    const entry = entries.find((e) => text.includes(normal(e.match)));
    return entry ? entry.text : null;
  });
}

async function tesseract(file, lang, psm) {
  const { stdout } = await run('tesseract', [file, '-', '--psm', psm, '-l', TESS[lang]], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  return stdout;
}

const startWorker = () => startBenchWorker('bench/render-worker.ts');

async function ocr(worker, image) {
  const cache = path.join(outDir, 'ocr', `${image.file}.json`);
  if (existsSync(cache) && !args.includes('--fresh-ocr')) return JSON.parse(readFileSync(cache, 'utf8'));
  const response = await worker.fetch('http://bench/ocr', { method: 'POST', body: readFileSync(image.path) });
  const result = await response.json();
  if (!response.ok) throw new Error(JSON.stringify(result));
  writeFileSync(cache, JSON.stringify(result, null, 1));
  return result;
}

async function preview(worker) {
  const images = [...load('test/fixtures/real'), ...load('test/fixtures/generated')].filter((i) => !only || i.file.includes(only));
  const rows = [];
  for (const image of images) {
    const result = await ocr(worker, image);
    const variants = TRANSLATIONS[image.file] ?? {};
    if (!Object.keys(variants).length) {
      console.error(`${image.file}: no translations; regions:\n${result.regions.map((r) => `  ${JSON.stringify(r.text)}`).join('\n')}`);
      continue;
    }
    for (const [variant, { lang, entries }] of Object.entries(variants)) {
      const translations = translationsFor(result.regions, entries);
      const body = JSON.stringify({ image: readFileSync(image.path).toString('base64'), regions: result.regions, translations, noOutline });
      const response = await worker.fetch('http://bench/render', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      const rendered = await response.json();
      if (!response.ok) throw new Error(JSON.stringify(rendered));
      const file = path.join(outDir, `${path.parse(image.file).name}.${variant}${noOutline ? '.no-outline' : ''}.png`);
      writeFileSync(file, Buffer.from(rendered.translated, 'base64'));
      writeFileSync(file.replace(/\.png$/, '.json'), JSON.stringify({ translations, styles: rendered.styles, layouts: rendered.layouts }, null, 1));
      const drawn = translations.filter((t) => t != null);
      // Turned fixtures are read turned back (tesseract's page mode 11 does not turn pages).
      const turn = image.rotation ? ['-rotate', String(-image.rotation)] : [];
      const upright = path.join(outDir, 'upright.png');
      await run('convert', [file, ...turn, upright]);
      const score = recall(drawn.join(' '), await tesseract(upright, lang, '11'));
      // The same picture read region by region (each drawn box cropped with a little context), which
      // judges the lettering without tesseract's page segmentation of the photo around it.
      const crops = [];
      for (const [i, style] of rendered.styles.entries()) {
        if (translations[i] == null) continue;
        const b = style.box;
        const pad = Math.round(b.height * 0.3);
        const crop = path.join(outDir, 'crop.png');
        await run('convert', [file, '-crop', `${b.width + 2 * pad}x${b.height + 2 * pad}+${Math.max(0, b.x - pad)}+${Math.max(0, b.y - pad)}`, '+repage', ...turn, crop]);
        crops.push(await tesseract(crop, lang, '6'));
      }
      const cropScore = recall(drawn.join(' '), crops.join('\n'));
      await run('convert', [image.path, ...turn, upright]);
      const originalScore = image.ground_truth?.length ? recall(image.ground_truth.join(' '), await tesseract(upright, image.language ?? 'en', '11')) : null;
      rows.push({ file: path.basename(file), regions: result.regions.length, drawn: drawn.length, score, cropScore, originalScore, layouts: rendered.layouts });
      const unmatched = result.regions.filter((_, i) => translations[i] == null).map((r) => r.text);
      console.error(
        `${path.basename(file)}: ${drawn.length}/${result.regions.length} regions drawn; read back ${pct(score)} (by region ${pct(cropScore)})` +
          `${score?.missing.length ? ` (missing: ${score.missing.join(' ')})` : ''}` +
          `\n  fits: ${rendered.layouts.map((l) => `${l.fit}@${l.fontSize.toFixed(1)}px×${l.lines.length}`).join(', ')}` +
          (unmatched.length ? `\n  kept: ${unmatched.map((t) => JSON.stringify(t)).join(', ')}` : ''),
      );
    }
  }
  const scored = rows.filter((r) => r.score);
  const lines = [
    '| picture | regions drawn | fits | read back, whole picture | read back, region by region | original read back (its ground truth) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const fits = {};
    for (const l of r.layouts) fits[l.fit] = (fits[l.fit] ?? 0) + 1;
    lines.push(
      `| ${r.file} | ${r.drawn}/${r.regions} | ${Object.entries(fits).map(([k, v]) => `${k} ${v}`).join(', ')} | ${pct(r.score)} | ${pct(r.cropScore)} | ${pct(r.originalScore)} |`,
    );
  }
  const mean = (key) => {
    const list = scored.filter((r) => r[key]);
    return { recall: list.reduce((a, r) => a + r[key].recall, 0) / Math.max(1, list.length) };
  };
  const regions = scored.reduce((a, r) => a + r.layouts.length, 0);
  lines.push(`| **mean** | ${regions} regions | | **${pct(mean('score'))}** | **${pct(mean('cropScore'))}** | ${pct(mean('originalScore'))} |`);
  console.log(lines.join('\n'));
}

/** Wall time of one /bench request, median of `rounds`. */
async function timed(worker, query, rounds = 5) {
  const times = [];
  let last;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const response = await worker.fetch(`http://bench/bench?${query}`, { method: 'POST' });
    last = await response.json();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1], heapBytes: last.heapBytes };
}

async function speed(worker) {
  const cases = [
    { label: '40 small regions (300×60 px, one line)', q: 'w=2000&h=2000&regions=40&rw=300&rh=60' },
    { label: '10 paragraph regions (600×240 px)', q: `w=2000&h=2000&regions=10&rw=600&rh=240&text=${encodeURIComponent('Please close the door after leaving the room and keep the corridor free. Thank you for your help!')}` },
    { label: 'one title region 3000×800 px', q: `w=3100&h=900&regions=1&rw=3000&rh=800&text=${encodeURIComponent('GRAND OPENING')}` },
  ];
  const started = performance.now();
  await timed(worker, 'w=200&h=200&regions=1', 1);
  console.log(`First drawing in a fresh isolate (instantiates resvg, parses the font): ${(performance.now() - started).toFixed(0)} ms`);
  const lines = ['| case | ms total | ms per region | ms per MP of region area |', '| --- | --- | --- | --- |'];
  for (const c of cases) {
    const params = new URLSearchParams(c.q);
    const count = Number(params.get('regions'));
    const area = (count * Number(params.get('rw')) * Number(params.get('rh'))) / 1e6;
    const base = await timed(worker, `${c.q}&draw=0`, 9);
    const drawn = await timed(worker, c.q, 9);
    const ms = drawn.ms - base.ms;
    lines.push(`| ${c.label} | ${ms.toFixed(0)} | ${(ms / count).toFixed(1)} | ${(ms / area).toFixed(0)} |`);
  }
  console.log(lines.join('\n'));
  // resvg's heap after a big region on a 16 MP image (4096×4096): the heap only grows, so this is
  // the most a title leaves behind.
  const big = await timed(worker, `w=4096&h=4096&regions=1&rw=3000&rh=800&text=${encodeURIComponent('GRAND OPENING')}`, 1);
  console.log(`resvg heap after a 3000×800 title on a 4096×4096 image: ${(big.heapBytes / 2 ** 20).toFixed(1)} MiB`);
}

async function main() {
  mkdirSync(path.join(outDir, 'ocr'), { recursive: true });
  const worker = await startWorker();
  try {
    if (args.includes('--speed')) await speed(worker);
    else await preview(worker);
  } finally {
    await worker.dispose();
  }
}

await main();

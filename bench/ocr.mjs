#!/usr/bin/env node
// OCR benchmark (`npm run bench:ocr`): our recognizeText running in workerd (bench/ocr-worker.ts started
// with wrangler's unstable_startWorker, no inspector attached) next to the native tesseract CLI
// (`--psm 11`, OMP_THREAD_LIMIT=1, told the right language), on the same images in the same run:
// test/fixtures/real (photos, a scan, a screenshot), test/fixtures/generated (known text in several
// languages, colours, light on dark, rotated, small text) and test/fixtures/generated/over-photo (banner
// text over photos and textures, reported in a table of its own, its tuning and held-out halves
// apart). `--sets=real,generated,tune,holdout` runs only those sets. For each image it reports word
// recall against the ground truth, precision (the share of the words read that are in the ground truth:
// the rest would be drawn as wrong translations), the language we detected vs the true one, and the
// wall time per image
// (ours: one HTTP request to the local worker including the decode; native: the whole CLI process
// including its decode and model load). Each image is run ROUNDS times (default 3, env BENCH_ROUNDS)
// and the median time is reported, since the machine is shared. Results: bench/out/ocr.json and a
// Markdown table on stdout. `--memory` also measures peak isolate memory for the largest input
// (`--memory-only`: just that).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { memoryStatus, resetPeak, startBenchWorker, workerdPids } from './workerd.mjs';
import { found, median, recall, words } from './text-metrics.mjs';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TESS = { en: 'eng', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', sv: 'swe', da: 'dan', no: 'nor', fi: 'fin' };

function load(dir) {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8'));
  return manifest.map((m) => ({ ...m, path: path.join(root, dir, m.file), set: m.split ?? path.basename(dir) }));
}

const SETS = process.argv.find((a) => a.startsWith('--sets='))?.slice(7).split(',');

async function native(image) {
  const lang = TESS[image.language ?? 'en'];
  const started = performance.now();
  const { stdout } = await run('tesseract', [image.path, '-', '--psm', '11', '-l', lang], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    maxBuffer: 1 << 26,
  });
  return { ms: performance.now() - started, text: stdout };
}

async function ours(worker, image, lang) {
  const body = readFileSync(image.path);
  const started = performance.now();
  const response = await worker.fetch(`http://bench/ocr${lang ? `?lang=${lang}` : ''}`, { method: 'POST', body });
  const result = await response.json();
  if (!response.ok) throw new Error(JSON.stringify(result));
  return { ms: performance.now() - started, result, text: result.regions.map((r) => r.text).join('\n') };
}

async function main() {
  const images = [...load('test/fixtures/real'), ...load('test/fixtures/generated'), ...load('test/fixtures/generated/over-photo')].filter(
    (image) => !SETS || SETS.includes(image.set),
  );
  if (process.argv.includes('--memory-only')) return await memory();
  const worker = await startWorker();
  try {
    // Warm-up: compile the WebAssembly and load the models once, as a live isolate would have.
    const cold = await ours(worker, images[0]);
    const warm = await ours(worker, images[0]);
    console.log(
      `First request in a fresh isolate (${images[0].file}): ${cold.ms.toFixed(0)} ms; the same image again: ${warm.ms.toFixed(0)} ms.\n`,
    );

    const rows = [];
    for (const image of images) {
      const mine = [];
      const given = [];
      const theirs = [];
      for (let r = 0; r < ROUNDS; r++) {
        mine.push(await ours(worker, image));
        theirs.push(await native(image));
      }
      if (image.language) given.push(await ours(worker, image, image.language));
      const last = mine[mine.length - 1];
      rows.push({
        file: image.file,
        set: image.set,
        kind: image.kind,
        language: image.language,
        detected: last.result.sourceLang,
        recallAuto: recall(image.ground_truth, last.text),
        recallGiven: given.length ? recall(image.ground_truth, given[0].text) : null,
        recallNative: recall(image.ground_truth, theirs[0].text),
        precisionAuto: precision(image.ground_truth, last.text),
        precisionNative: precision(image.ground_truth, theirs[0].text),
        msOurs: median(mine.map((m) => m.ms)),
        msNative: median(theirs.map((t) => t.ms)),
        regions: last.result.regions.length,
        text: last.text,
        nativeText: theirs[0].text,
      });
      process.stderr.write(`${image.file}: ${JSON.stringify(last.text)}\n`);
    }
    report(rows);
  } finally {
    await worker.dispose();
  }
  if (process.argv.includes('--memory')) await memory();
}

const startWorker = () => startBenchWorker('bench/ocr-worker.ts');

/**
 * Share of the words read that are words of the ground truth (each used once): what was read that is
 * not there becomes a wrong translation drawn over the picture. Null when nothing was read.
 */
function precision(truth, text) {
  const read = words(text);
  return read.length === 0 ? null : found(read, truth.join(' ')) / read.length;
}

function pct(x) {
  return x === null ? '—' : `${(x * 100).toFixed(0)}%`;
}

function report(rows) {
  const fixtureRows = rows.filter((r) => r.set === 'real' || r.set === 'generated');
  const photoRows = rows.filter((r) => r.set === 'tune' || r.set === 'holdout');
  const tables = [];
  if (fixtureRows.length) {
    tables.push(table(fixtureRows, [['real fixtures', 'real'], ['generated', 'generated'], ['all', null]]));
  }
  if (photoRows.length) {
    tables.push(
      '\nText over photos (test/fixtures/generated/over-photo):\n' +
        table(photoRows, [['over photo, tuned on', 'tune'], ['over photo, held out', 'holdout']]),
    );
  }
  console.log(tables.join('\n'));
  mkdirSync(path.join(root, 'bench/out'), { recursive: true });
  writeFileSync(path.join(root, 'bench/out/ocr.json'), JSON.stringify(rows, null, 1));
}

/** A Markdown table of `rows` with one mean row per [label, set] (set null: all the rows). */
function table(rows, means) {
  const scored = rows.filter((r) => r.recallAuto !== null);
  const mean = (key, list = scored) => list.reduce((a, r) => a + r[key], 0) / list.length;
  // Precision over all the words read in the set (images where nothing was read count for nothing).
  const pooled = (key, list) => {
    const read = list.reduce((n, r) => n + (r[key] === null ? 0 : words(key === 'precisionAuto' ? r.text : r.nativeText).length), 0);
    const right = list.reduce((n, r) => n + (r[key] === null ? 0 : r[key] * words(key === 'precisionAuto' ? r.text : r.nativeText).length), 0);
    return read ? right / read : null;
  };
  const lines = [
    '| image | true lang | detected | recall (auto) | recall (lang given) | native recall | precision (auto) | native precision | ours ms | native ms | ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.file} | ${r.language ?? '—'} | ${r.detected}${r.language && r.detected !== r.language ? ' ✗' : ''} | ${pct(r.recallAuto)} | ${pct(r.recallGiven)} | ${pct(r.recallNative)} | ${pct(r.precisionAuto)} | ${pct(r.precisionNative)} | ${r.msOurs.toFixed(0)} | ${r.msNative.toFixed(0)} | ${(r.msOurs / r.msNative).toFixed(2)} |`,
    );
  }
  for (const [label, set] of means) {
    const list = scored.filter((r) => set === null || r.set === set);
    if (list.length === 0) continue;
    const right = list.filter((r) => r.detected === r.language).length;
    const ratio = median(list.map((r) => r.msOurs / r.msNative));
    lines.push(
      `| **mean, ${label}** | | ${right}/${list.length} right | **${pct(mean('recallAuto', list))}** | ${pct(mean('recallGiven', list))} | **${pct(mean('recallNative', list))}** | ${pct(pooled('precisionAuto', list))} | ${pct(pooled('precisionNative', list))} | ${mean('msOurs', list).toFixed(0)} | ${mean('msNative', list).toFixed(0)} | median ${ratio.toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Peak memory for the largest input the pipeline accepts at full resolution (16 MP = 64 MiB of RGBA).
 * Local workerd does not enforce the 128 MB isolate limit, so we measure the workerd process: its peak
 * resident set (VmHWM, reset through /proc/PID/clear_refs) while it handles one request. Two fresh
 * workers get the same warm-up (one small OCR, so engine and models are loaded as in a live isolate) and
 * then build the same 4096×4096 RGBA image in the isolate (an upscaled photo, so no large request body
 * muddies the figure): one stops there, the other also runs recognizeText. The difference is what OCR
 * adds on top of holding the input.
 */
async function memory() {
  const size = Number(process.env.BENCH_MEMORY_SIZE ?? 4096);
  const src = path.join(root, 'test/fixtures/real/fr_paris_direction_signs.jpg');
  const body = readFileSync(src);
  const measure = async (query, warmUp) => {
    const worker = await startWorker();
    try {
      for (const file of warmUp) await ours(worker, { path: path.join(root, 'test/fixtures', file) });
      const pids = workerdPids();
      for (const pid of pids) resetPeak(pid);
      const before = new Map(pids.map((pid) => [pid, memoryStatus(pid)]));
      const response = await worker.fetch(`http://bench/ocr?synth=${size}${query}`, { method: 'POST', body });
      const result = await response.json();
      // The process running the Worker is the one whose peak moved most.
      const growth = Math.max(...pids.map((pid) => memoryStatus(pid).hwm - before.get(pid).rss));
      return { growth, result };
    } finally {
      await worker.dispose();
    }
  };
  // "warm": an isolate that has already served a few images (WebAssembly tiered up, models loaded, heaps
  // grown), as most requests find it; "first": the large image is the isolate's second OCR ever.
  const warm = ['real/fr_paris_direction_signs.jpg', 'real/sv_medtimer_settings.png', 'real/fr_paris_direction_signs.jpg'];
  const first = ['generated/de_dark_on_light.png'];
  console.log(
    `\nPeak memory, ${size}×${size} RGBA input (${((size * size * 4) / 2 ** 20).toFixed(0)} MiB, built in the isolate): growth of the` +
      ` workerd process's peak RSS during the request, over its RSS just before`,
  );
  for (const [label, warmUp] of [['warm isolate', warm], ['fresh isolate', first]]) {
    const receive = await measure('&noop=1', warmUp);
    const ocr = await measure('', warmUp);
    console.log(
      `  ${label}: input only +${receive.growth.toFixed(0)} MiB, input and OCR +${ocr.growth.toFixed(0)} MiB` +
        ` => OCR adds ${(ocr.growth - receive.growth).toFixed(0)} MiB; Tesseract heap after ${(ocr.result.heapBytes / 2 ** 20).toFixed(0)} MiB;` +
        ` ${ocr.result.regions?.length} regions`,
    );
  }
}

await main();

#!/usr/bin/env node
// OCR benchmark (`npm run bench:ocr`): our recognizeText running in workerd (bench/ocr-worker.ts started
// with wrangler's unstable_startWorker, no inspector attached) next to the native tesseract CLI
// (`--psm 11`, OMP_THREAD_LIMIT=1, told the right language), on the same images in the same run:
// test/fixtures/real (photos, a scan, a screenshot) and test/fixtures/generated (known text in several
// languages, colours, light on dark, rotated, small text). For each image it reports word recall
// against the ground truth, the language we detected vs the true one, and the wall time per image
// (ours: one HTTP request to the local worker including the decode; native: the whole CLI process
// including its decode and model load). Each image is run ROUNDS times (default 3, env BENCH_ROUNDS)
// and the median time is reported, since the machine is shared. Results: bench/out/ocr.json and a
// Markdown table on stdout. `--memory` also measures peak isolate memory for the largest input.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { unstable_startWorker } from 'wrangler';

process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false'; // no network here: skip wrangler's Request.cf lookup
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TESS = { en: 'eng', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', sv: 'swe', da: 'dan', no: 'nor', fi: 'fin' };

function load(dir) {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8'));
  return manifest.map((m) => ({ ...m, path: path.join(root, dir, m.file), set: path.basename(dir) }));
}

/** Words as compared: split on whitespace, outer punctuation stripped, case and Unicode form ignored. */
export function words(text) {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

/** Share of ground-truth words found in the OCR text (each found word used once). */
export function recall(truth, text) {
  const want = words(truth.join(' '));
  if (want.length === 0) return null;
  const have = new Map();
  for (const w of words(text)) have.set(w, (have.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      found++;
      have.set(w, n - 1);
    }
  }
  return found / want.length;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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
  const images = [...load('test/fixtures/real'), ...load('test/fixtures/generated')];
  const worker = await unstable_startWorker({
    config: path.join(root, 'wrangler.toml'),
    entrypoint: path.join(root, 'bench/ocr-worker.ts'),
    dev: { inspector: false, server: { port: 0 }, logLevel: 'error', persist: false, watch: false },
  });
  await worker.ready;
  try {
    // Warm-up: compile the WebAssembly and load the models once, as a live isolate would have.
    for (const image of images.slice(0, 2)) await ours(worker, image);

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
        msOurs: median(mine.map((m) => m.ms)),
        msNative: median(theirs.map((t) => t.ms)),
        regions: last.result.regions.length,
        text: last.text,
        nativeText: theirs[0].text,
      });
      process.stderr.write(`${image.file}: ${JSON.stringify(last.text)}\n`);
    }
    report(rows);
    if (process.argv.includes('--memory')) await memory(worker);
  } finally {
    await worker.dispose();
  }
}

function pct(x) {
  return x === null ? '—' : `${(x * 100).toFixed(0)}%`;
}

function report(rows) {
  const scored = rows.filter((r) => r.recallAuto !== null);
  const mean = (key, list = scored) => list.reduce((a, r) => a + r[key], 0) / list.length;
  const lines = [
    '| image | true lang | detected | recall (auto) | recall (lang given) | native recall | ours ms | native ms | ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.file} | ${r.language ?? '—'} | ${r.detected}${r.language && r.detected !== r.language ? ' ✗' : ''} | ${pct(r.recallAuto)} | ${pct(r.recallGiven)} | ${pct(r.recallNative)} | ${r.msOurs.toFixed(0)} | ${r.msNative.toFixed(0)} | ${(r.msOurs / r.msNative).toFixed(2)} |`,
    );
  }
  for (const [label, list] of [
    ['real fixtures', scored.filter((r) => r.set === 'real')],
    ['generated', scored.filter((r) => r.set === 'generated')],
    ['all', scored],
  ]) {
    const right = list.filter((r) => r.detected === r.language).length;
    const ratio = median(list.map((r) => r.msOurs / r.msNative));
    lines.push(
      `| **mean, ${label}** | | ${right}/${list.length} right | **${pct(mean('recallAuto', list))}** | ${pct(mean('recallGiven', list))} | **${pct(mean('recallNative', list))}** | ${mean('msOurs', list).toFixed(0)} | ${mean('msNative', list).toFixed(0)} | median ${ratio.toFixed(2)} |`,
    );
  }
  console.log(lines.join('\n'));
  mkdirSync(path.join(root, 'bench/out'), { recursive: true });
  writeFileSync(path.join(root, 'bench/out/ocr.json'), JSON.stringify(rows, null, 1));
}

/**
 * Peak memory for the largest input the pipeline accepts at full resolution (16 MP): the growth of the
 * workerd process's peak resident set (VmHWM) while it runs OCR on a 4096×4096 photo-like image, next
 * to the Tesseract heap it reports. Local workerd does not enforce the 128 MB isolate limit, so this is
 * how we see what a deployed isolate would need. The RGBA buffer is sent raw: decoding is the
 * decoder's budget, not OCR's, and the raw 64 MB input is counted in the figure.
 */
async function memory(worker) {
  const pid = workerdPid();
  const status = () => {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(text.match(new RegExp(`${key}:\\s+(\\d+)`))[1]);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  };
  const size = 4096;
  const src = path.join(root, 'test/fixtures/real/fr_paris_direction_signs.jpg');
  const raw = execFileSync('convert', [src, '-resize', `${size}x${size}!`, '-depth', '8', 'rgba:-'], { maxBuffer: 1 << 28 });
  const before = status();
  execFileSync('sh', ['-c', `echo 5 > /proc/${pid}/clear_refs`]); // reset VmHWM to the current RSS
  const reset = status();
  const response = await worker.fetch(`http://bench/ocr?raw=1&w=${size}&h=${size}`, { method: 'POST', body: raw });
  const result = await response.json();
  const after = status();
  console.log(
    `\nPeak memory, ${size}×${size} RGBA (${((size * size * 4) / 2 ** 20).toFixed(0)} MiB input): workerd RSS before ${reset.rss.toFixed(0)} MiB,` +
      ` peak during OCR ${after.hwm.toFixed(0)} MiB (+${(after.hwm - reset.rss).toFixed(0)} MiB); Tesseract heap after the run` +
      ` ${(result.heapBytes / 2 ** 20).toFixed(0)} MiB; regions ${result.regions?.length}; before reset peak was ${before.hwm.toFixed(0)} MiB.`,
  );
}

/** The workerd process started by this run: a descendant of this Node process (the machine is shared). */
function workerdPid() {
  const children = (pid) =>
    execFileSync('sh', ['-c', `cat /proc/${pid}/task/*/children 2>/dev/null || true`]).toString().split(/\s+/).filter(Boolean);
  const queue = [String(process.pid)];
  while (queue.length) {
    const pid = queue.shift();
    for (const child of children(pid)) {
      const name = readFileSync(`/proc/${child}/comm`, 'utf8').trim();
      if (name === 'workerd') return child;
      queue.push(child);
    }
  }
  throw new Error('workerd process not found');
}

await main();

#!/usr/bin/env node
// End-to-end benchmark (`npm run bench:e2e`): POST /api/v1/translate-image against `npm start` (started
// here on BENCH_PORT, default 8797, unless BENCH_URL points at a running server), for every image in
// test/fixtures/real and test/fixtures/generated, next to the native tesseract CLI's time for OCR alone
// on the same image in the same run (`--psm 11`, OMP_THREAD_LIMIT=1, told the right language).
//
// Each image is sent ROUNDS times (BENCH_ROUNDS, default 3), each round from a fresh account so the
// per-account analysis cache never answers: every request runs the whole pipeline. Reported: median
// wall time per image with its Server-Timing stages, the ratio to native OCR, the first request after
// start (cold), a cached second-language request, and the Worker bundle size (gzip). Results also go to
// bench/out/e2e.json.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { median } from './text-metrics.mjs';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 8797);
const BASE = process.env.BENCH_URL ?? `http://127.0.0.1:${PORT}`;
const TESS = { en: 'eng', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', sv: 'swe', da: 'dan', no: 'nor', fi: 'fin' };
const TYPES = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };


function images() {
  return ['test/fixtures/real', 'test/fixtures/generated'].flatMap((dir) =>
    JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8')).map((m) => ({ ...m, path: path.join(root, dir, m.file) })),
  );
}

async function startServer() {
  if (process.env.BENCH_URL) return null;
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: String(PORT) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const started = Date.now();
  while (!/Ready on/.test(output)) {
    if (Date.now() - started > 120_000 || child.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

function createKey(account) {
  const out = execFileSync('npm', ['run', '-s', 'key:create', '--', '--account', account], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  return out.trim().split('\n').pop();
}

async function translate(key, image, target = 'en') {
  const body = new FormData();
  const ext = path.extname(image.path).toLowerCase();
  body.append('image', new Blob([readFileSync(image.path)], { type: TYPES[ext] }), image.file);
  body.append('target_lang', target);
  const t0 = performance.now();
  // Node's fetch does not send `Expect: 100-continue`, so large uploads do not stall (DESIGN.md).
  const res = await fetch(`${BASE}/api/v1/translate-image`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body });
  const json = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${image.file}: HTTP ${res.status} ${JSON.stringify(json)}`);
  const stages = Object.fromEntries(
    (res.headers.get('server-timing') ?? '')
      .split(',')
      .map((s) => s.trim().match(/^(\w+);dur=([\d.]+)/))
      .filter(Boolean)
      .map((m) => [m[1], Number(m[2])]),
  );
  return { ms, stages, regions: json.regions.length };
}

async function nativeOcr(image) {
  const lang = TESS[image.language] ?? 'eng';
  const t0 = performance.now();
  await run('tesseract', [image.path, 'stdout', '--psm', '11', '-l', lang], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 1 << 24 });
  return performance.now() - t0;
}

function bundleSize() {
  const outdir = path.join(root, 'bench/out/bundle');
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], { cwd: root, stdio: 'ignore', env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' } });
  let raw = 0;
  const chunks = [];
  for (const file of readdirSync(outdir)) {
    const full = path.join(outdir, file);
    if (!statSync(full).isFile() || file.endsWith('.map')) continue;
    raw += statSync(full).size;
    chunks.push(readFileSync(full));
  }
  return { raw, gzip: gzipSync(Buffer.concat(chunks), { level: 9 }).length };
}

async function main() {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('bench:e2e needs the native tesseract CLI: apt-get install tesseract-ocr tesseract-ocr-{deu,fra,spa,ita,por,nld,swe,dan,nor,fin}');
    process.exit(2);
  }
  const list = images().filter((i) => i.language);
  const keys = Array.from({ length: ROUNDS + 1 }, (_, r) => createKey(`bench-e2e-${Date.now()}-${r}`));
  const server = await startServer();
  try {
    const cold = await translate(keys[ROUNDS], list[0]);
    const rows = [];
    for (const image of list) {
      const ours = [];
      const native = [];
      for (let r = 0; r < ROUNDS; r++) {
        // English sources go to German, the others to English: every request has text to translate and draw.
        ours.push(await translate(keys[r], image, image.language === 'en' ? 'de' : 'en'));
        native.push(await nativeOcr(image));
      }
      const stageNames = [...new Set(ours.flatMap((o) => Object.keys(o.stages)))].filter((s) => s !== 'total');
      const stages = Object.fromEntries(stageNames.map((s) => [s, median(ours.map((o) => o.stages[s] ?? 0))]));
      rows.push({ file: image.file, mp: (image.width * image.height) / 1e6 || null, ms: median(ours.map((o) => o.ms)), native: median(native), stages, regions: ours[0].regions });
    }
    const cached = await translate(keys[0], list[0], 'de');
    const bundle = bundleSize();

    const fmt = (n) => (Number.isFinite(n) ? Math.round(n).toString() : '–');
    console.log(`\n| image | regions | ours ms | decode | ocr | mask | translate | inpaint | render | encode | store | native OCR ms | ratio |`);
    console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
    for (const r of rows) {
      const s = r.stages;
      console.log(`| ${r.file} | ${r.regions} | ${fmt(r.ms)} | ${fmt(s.decode)} | ${fmt(s.ocr)} | ${fmt(s.mask)} | ${fmt(s.translate)} | ${fmt(s.inpaint)} | ${fmt(s.render)} | ${fmt(s.encode)} | ${fmt(s.store)} | ${fmt(r.native)} | ${(r.ms / r.native).toFixed(2)} |`);
    }
    const ratios = rows.map((r) => r.ms / r.native);
    const real = rows.filter((r) => list.find((i) => i.file === r.file)?.path.includes('/real/'));
    console.log(`\nmedian ratio, all ${rows.length} images: ${median(ratios).toFixed(2)}  ·  real fixtures: ${median(real.map((r) => r.ms / r.native)).toFixed(2)}`);
    console.log(`median request ${fmt(median(rows.map((r) => r.ms)))} ms vs native OCR ${fmt(median(rows.map((r) => r.native)))} ms`);
    console.log(`cold first request after start (${list[0].file}): ${fmt(cold.ms)} ms (${Object.entries(cold.stages).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')})`);
    console.log(`cached second language (${list[0].file} → de): ${fmt(cached.ms)} ms (${Object.entries(cached.stages).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')})`);
    console.log(`worker bundle: ${(bundle.raw / 1e6).toFixed(2)} MB raw, ${(bundle.gzip / 1e6).toFixed(2)} MB gzip (target ≤ 3 MB)`);
    mkdirSync(path.join(root, 'bench/out'), { recursive: true });
    writeFileSync(path.join(root, 'bench/out/e2e.json'), JSON.stringify({ rows, cold, cached, bundle }, null, 2));
  } finally {
    if (server) process.kill(-server.pid, 'SIGTERM');
  }
}

await main();

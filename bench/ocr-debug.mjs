#!/usr/bin/env node
// Debug view of OCR (not part of `npm run bench`):
//   node bench/ocr-debug.mjs IMAGE... [--lang=de] [--auto] [--decoder=photon] [--raw]
// (--raw: the line candidates as detected, before line-refinement.ts)
// For each image, prints every text-line candidate the detector found (polarity, box, character height,
// ink/paper grey, characters) with its Latin-model reading upright and upside down (and with the given
// language's model), then the regions recognizeText returns. Draws the candidates over the image into
// bench/out/debug/<name>.png: red = dark text, blue = light text; thin green boxes are the characters.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startBenchWorker } from './workerd.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const lang = args.find((a) => a.startsWith('--lang='))?.slice(7);
const auto = args.includes('--auto');
const decoder = args.find((a) => a.startsWith('--decoder='))?.slice(10);
const raw = args.includes('--raw');
const files = args.filter((a) => !a.startsWith('--'));
const outDir = path.join(root, 'bench/out/debug');
mkdirSync(outDir, { recursive: true });

const worker = await startBenchWorker('bench/ocr-debug-worker.ts');
try {
  for (const file of files) {
    const query = new URLSearchParams();
    if (lang) query.set('lang', lang);
    if (auto) query.set('auto', '1');
    if (decoder) query.set('decoder', decoder);
    if (raw) query.set('raw', '1');
    const response = await worker.fetch(`http://debug/?${query}`, { method: 'POST', body: readFileSync(file) });
    const d = await response.json();
    if (!response.ok) throw new Error(JSON.stringify(d));
    console.log(`\n## ${path.basename(file)} (working ${d.width}×${d.height}, scale ${d.scale.toFixed(3)}, verticalRatio ${d.verticalRatio.toFixed(2)})`);
    d.lines.forEach((l, i) => {
      const b = l.box;
      console.log(
        `#${i} ${l.polarity.padEnd(5)} box ${b.x},${b.y} ${b.width}×${b.height} h=${l.charHeight} ink=${l.inkLevel} paper=${l.paperLevel} n=${l.characters}` +
          `\n    latin   ${l.latin.confidence.toFixed(2)} ${JSON.stringify(l.latin.words)}` +
          `\n    flipped ${l.latinFlipped.confidence.toFixed(2)} ${JSON.stringify(l.latinFlipped.words)}` +
          (l.given ? `\n    ${lang}      ${l.given.confidence.toFixed(2)} ${JSON.stringify(l.given.words)}` : ''),
      );
    });
    console.log(`result (${d.result.sourceLang}${d.result.detected ? ', detected' : ''}):`);
    for (const r of d.result.regions) console.log(`  [${r.confidence.toFixed(2)}] ${JSON.stringify(r.text)}`);
    const name = path.basename(file).replace(/\.[^.]+$/, '');
    writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(d, null, 1));
    const draw = [];
    const s = 1 / d.scale;
    for (const l of d.lines) {
      draw.push('-stroke', 'lime', '-strokewidth', '1');
      for (const p of l.parts) draw.push('-draw', `rectangle ${p.x * s},${p.y * s} ${(p.x + p.width) * s},${(p.y + p.height) * s}`);
      draw.push('-stroke', l.polarity === 'dark' ? 'red' : 'blue', '-strokewidth', '2');
      const b = l.box;
      draw.push('-draw', `rectangle ${b.x * s},${b.y * s} ${(b.x + b.width) * s},${(b.y + b.height) * s}`);
    }
    execFileSync('convert', [file, '-fill', 'none', ...draw, path.join(outDir, `${name}.png`)]);
  }
} finally {
  await worker.dispose();
}

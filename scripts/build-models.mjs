#!/usr/bin/env node
// Rebuilds the OCR and language-detection models served from public/models/ and records where each
// came from in public/models/MODELS.json. The built files are committed, so a fresh clone never runs
// this; run it (as a developer, on Debian) only to change a model version:
//
//   node scripts/build-models.mjs
//
// Needs: apt-get (downloads Debian's tesseract-ocr-* packages, which carry tessdata_fast), dpkg-deb,
// combine_tessdata (Debian package `tesseract-ocr`) to strip the Latin model's word list, and the
// `eld` npm package (already a dependency) for the language n-gram table.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'public', 'models');

/** Our language codes (src/languages.ts) and the Tesseract model that reads each. */
const LANGUAGE_MODELS = {
  en: 'eng', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por',
  nl: 'nld', sv: 'swe', da: 'dan', no: 'nor', fi: 'fin',
};

const work = mkdtempSync(path.join(tmpdir(), 'build-models-'));
mkdirSync(outDir, { recursive: true });
const manifest = [];

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Downloads one Debian package and unpacks it; returns its directory and version. */
function unpackDebian(pkg) {
  const dir = path.join(work, pkg);
  mkdirSync(dir, { recursive: true });
  execFileSync('apt-get', ['download', pkg], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
  const debPath = path.join(dir, deb);
  execFileSync('dpkg-deb', ['-x', debPath, path.join(dir, 'root')]);
  const version = execFileSync('dpkg-deb', ['-f', debPath, 'Version']).toString().trim();
  return { root: path.join(dir, 'root'), version, debSha256: sha256(debPath) };
}

function findFile(dir, name) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return path.join(entry.parentPath ?? entry.path, entry.name);
  }
  throw new Error(`${name} not found under ${dir}`);
}

function record(file, fields) {
  const full = path.join(outDir, file);
  manifest.push({ file, bytes: readFileSync(full).length, sha256: sha256(full), ...fields });
  console.log(`built ${file}`);
}

// 1. One tessdata_fast model per language, unchanged.
for (const [language, tess] of Object.entries(LANGUAGE_MODELS)) {
  const pkg = `tesseract-ocr-${tess}`;
  const { root: pkgRoot, version, debSha256 } = unpackDebian(pkg);
  copyFileSync(findFile(pkgRoot, `${tess}.traineddata`), path.join(outDir, `${tess}.traineddata`));
  record(`${tess}.traineddata`, {
    use: `OCR model for language '${language}'`,
    source: `Debian package ${pkg} ${version} (upstream: tesseract-ocr/tessdata_fast)`,
    source_package_sha256: debSha256,
    license: 'Apache-2.0',
    changes: 'none',
  });
}

// 2. The Latin-script model without its 89 MB word list: reads every language above (all their
// letters and diacritics) and is small enough to load for the first pass before language detection.
{
  const pkg = 'tesseract-ocr-script-latn';
  const { root: pkgRoot, version, debSha256 } = unpackDebian(pkg);
  const source = findFile(pkgRoot, 'Latin.traineddata');
  const parts = path.join(work, 'latin-parts');
  mkdirSync(parts);
  const keep = ['lstm', 'lstm-punc-dawg', 'lstm-number-dawg', 'lstm-unicharset', 'lstm-recoder', 'version'];
  execFileSync('combine_tessdata', ['-e', source, ...keep.map((c) => path.join(parts, `Latin.${c}`))], {
    stdio: 'ignore',
  });
  execFileSync('combine_tessdata', [path.join(parts, 'Latin.')], { stdio: 'ignore' });
  copyFileSync(path.join(parts, 'Latin.traineddata'), path.join(outDir, 'Latin.traineddata'));
  record('Latin.traineddata', {
    use: 'first-pass OCR model for every language (Latin script)',
    source: `Debian package ${pkg} ${version}, script/Latin.traineddata (upstream: tesseract-ocr/tessdata_fast)`,
    source_package_sha256: debSha256,
    license: 'Apache-2.0',
    changes: `kept components ${keep.join(', ')}; dropped lstm-word-dawg (the word list) with combine_tessdata`,
  });
}

// 3. eld's n-gram table restricted to our 11 languages, in a compact binary form that
// src/pipeline/language/ngram-table.ts reads. eld's full table costs ~30-140 MB of JS heap; this
// subset costs ~3 MB. Layout (little-endian):
//   "LNG1" | u8 languageCount | languageCount x 2 ASCII bytes | 256 Latin-1 bytes (eld's byte dictionary)
//   | u32 ngramCount | ngramCount x (u8 length, Latin-1 bytes), sorted | ngramCount x languageCount u8
//   scores (eld score + 1; 0 = the language lacks this n-gram)
{
  const eldPackage = JSON.parse(readFileSync(path.join(root, 'node_modules/eld/package.json'), 'utf8'));
  const { ngramsData } = await import(path.join(root, 'node_modules/eld/src/ngrams/large.js'));
  const { dictionary } = await import(path.join(root, 'node_modules/eld/src/dictionary.js'));
  const codes = Object.keys(LANGUAGE_MODELS);
  const eldIndex = codes.map((code) => {
    const entry = Object.entries(ngramsData.languages).find(([, c]) => c === code);
    if (!entry) throw new Error(`eld has no '${code}'`);
    return Number(entry[0]);
  });
  const rows = [];
  for (const [key, scores] of Object.entries(ngramsData.ngrams)) {
    const row = eldIndex.map((i) => (scores[i] === undefined ? 0 : scores[i] + 1));
    if (row.some((s) => s > 0)) rows.push([key, row]);
  }
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks = [Buffer.from('LNG1', 'latin1'), Buffer.from([codes.length]), Buffer.from(codes.join(''), 'latin1')];
  const dict = Buffer.from(dictionary.join(''), 'latin1');
  if (dict.length !== 256) throw new Error('eld dictionary is not 256 Latin-1 characters');
  chunks.push(dict);
  const count = Buffer.alloc(4);
  count.writeUInt32LE(rows.length);
  chunks.push(count);
  for (const [key] of rows) {
    const bytes = Buffer.from(key, 'latin1');
    if (bytes.toString('latin1') !== key || bytes.length > 255) throw new Error(`unexpected n-gram ${key}`);
    chunks.push(Buffer.from([bytes.length]), bytes);
  }
  chunks.push(Buffer.from(rows.flatMap(([, row]) => row)));
  writeFileSync(path.join(outDir, 'language-ngrams.bin'), Buffer.concat(chunks));
  record('language-ngrams.bin', {
    use: 'language detection (eld n-gram scores for our 11 languages)',
    source: `npm package eld ${eldPackage.version}, src/ngrams/large.js (${ngramsData.type})`,
    license: 'Apache-2.0',
    changes: `kept the ${rows.length} n-grams scored for ${codes.join(' ')}; binary layout described in scripts/build-models.mjs`,
  });
}

writeFileSync(path.join(outDir, 'MODELS.json'), JSON.stringify(manifest, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
console.log(`wrote ${manifest.length} models and public/models/MODELS.json`);

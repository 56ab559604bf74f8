#!/usr/bin/env node
// Rebuilds the fonts the renderer draws translations with (src/pipeline/render/fonts/): Noto Sans
// Regular and Bold from Debian's fonts-noto-core, subset to the characters our 11 languages (en de fr
// es it pt nl sv da no fi) and their signs need. The built files are committed, so a fresh clone never
// runs this; run it (as a developer, on Debian) only to change the font version or the ranges:
//
//   npm run build:fonts
//
// Needs: fonts-noto-core (/usr/share/fonts/truetype/noto/) and fontTools' subsetter (`pyftsubset`, or
// Debian's python3-fonttools, which installs the module without the command).
//
// Why subset: the fonts are bundled into the Worker script (a Data module), whose budget is 3 MB gzip
// with resvg's wasm already taking ~0.9 MB. Why these options: resvg shapes with rustybuzz, which
// applies GPOS kerning and mark positioning, so `kern`, `mark`, `mkmk` and `ccmp` stay; ligatures and
// the other typographic features go (our layout measures one glyph per character). resvg does not use
// TrueType hinting, so the hinting programs go too. The name table stays whole: it carries the
// copyright notice and licence the OFL requires us to keep.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'src', 'pipeline', 'render', 'fonts');
const SOURCE_DIR = '/usr/share/fonts/truetype/noto';
const DEBIAN_PACKAGE = 'fonts-noto-core';

const FONTS = [
  { source: 'NotoSans-Regular.ttf', output: 'noto-sans-regular.ttf' },
  { source: 'NotoSans-Bold.ttf', output: 'noto-sans-bold.ttf' },
];

/** What is kept, with why; every code point here exists in Noto Sans 2.004. */
const RANGES = [
  ['U+0020-007E', 'Basic Latin'],
  ['U+00A0-00FF', 'Latin-1 Supplement (äöüßéèêëàâîïôûùçñæøå¿¡«»°©®·, no-break and soft hyphen)'],
  ['U+0100-017F', 'Latin Extended-A (œŒŸ and the rest of the block)'],
  ['U+02C6-02C7,U+02D8-02DD', 'spacing accents'],
  ['U+0300-0308,U+030A-030C,U+0323,U+0326-0328', 'combining accents, for text NFC cannot compose'],
  ['U+1E9E', 'capital sharp s ẞ'],
  ['U+2000-200B,U+202F,U+2060', 'spaces: thin, hair, figure, narrow no-break (French), zero-width, word joiner'],
  ['U+2010-2027', 'hyphens, dashes – —, quotes ‘ ’ ‚ ‛ “ ” „ ‟, daggers, bullet •, ellipsis …'],
  ['U+2030,U+2032-2033,U+2039-203A,U+2044', '‰ ′ ″ ‹ › ⁄'],
  ['U+20AC,U+2116,U+2122', '€ № ™'],
];
const LAYOUT_FEATURES = ['kern', 'mark', 'mkmk', 'ccmp'];

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `pyftsubset` when on PATH, else the same subsetter through Debian's python3 module. */
function subsetCommand() {
  try {
    execFileSync('pyftsubset', ['--help'], { stdio: 'ignore' });
    return { file: 'pyftsubset', prefix: [] };
  } catch {
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    return { file: python, prefix: ['-m', 'fontTools.subset'] };
  }
}

function fontToolsVersion(command) {
  const python = command.file === 'pyftsubset' ? 'python3' : command.file;
  try {
    return execFileSync(python, ['-c', 'import fontTools; print(fontTools.version)']).toString().trim();
  } catch {
    return 'unknown';
  }
}

function debianVersion() {
  return execFileSync('dpkg-query', ['-W', '-f=${Version}', DEBIAN_PACKAGE]).toString().trim();
}

/**
 * The OFL 1.1 text as Debian ships it in the package's copyright file (a DEP-5 paragraph: every line
 * indented by one space, " ." for an empty line).
 */
function oflText() {
  const copyright = readFileSync(`/usr/share/doc/${DEBIAN_PACKAGE}/copyright`, 'utf8');
  // The stand-alone licence paragraph (the file paragraphs only name it).
  const start = copyright.indexOf('\n\nLicense: OFL-1.1\n') + 1;
  if (start < 1) throw new Error('OFL-1.1 licence paragraph not found in the Debian copyright file');
  const lines = [];
  for (const line of copyright.slice(start + '\nLicense: OFL-1.1\n'.length).split('\n')) {
    if (!line.startsWith(' ')) break;
    lines.push(line === ' .' ? '' : line.slice(1));
  }
  return lines.join('\n');
}

function main() {
  const command = subsetCommand();
  const version = debianVersion();
  mkdirSync(outDir, { recursive: true });
  const unicodes = RANGES.map(([r]) => r).join(',');
  const fonts = [];
  for (const font of FONTS) {
    const source = path.join(SOURCE_DIR, font.source);
    const output = path.join(outDir, font.output);
    execFileSync(command.file, [
      ...command.prefix,
      source,
      `--output-file=${output}`,
      `--unicodes=${unicodes}`,
      `--layout-features=${LAYOUT_FEATURES.join(',')}`,
      '--no-hinting',
      '--name-IDs=*',
      '--name-legacy',
      '--name-languages=*',
      '--notdef-outline',
      '--drop-tables+=DSIG',
    ], { stdio: 'inherit' });
    const sourceBytes = readFileSync(source);
    const outBytes = readFileSync(output);
    fonts.push({
      file: font.output,
      source: path.join(SOURCE_DIR, font.source),
      source_sha256: sha256(sourceBytes),
      source_bytes: sourceBytes.length,
      bytes: outBytes.length,
      sha256: sha256(outBytes),
    });
    console.log(`built ${font.output}: ${outBytes.length} bytes (from ${sourceBytes.length})`);
  }
  const copyright = 'Copyright 2015 Google LLC. All Rights Reserved. (Noto Sans; the name table of each font carries this notice.)';
  writeFileSync(
    path.join(outDir, 'OFL.txt'),
    `${copyright}\n\nThe files in this directory are subsets of Noto Sans Regular and Bold (Debian ${DEBIAN_PACKAGE} ${version}),\n` +
      `made by scripts/build-fonts.mjs: only some characters and layout features are kept (see manifest.json).\n\n${oflText()}\n`,
  );
  const manifest = {
    about: 'Noto Sans subsets drawn by src/pipeline/render; rebuild with `npm run build:fonts`.',
    source_package: DEBIAN_PACKAGE,
    source_version: version,
    license: 'OFL-1.1 (OFL.txt)',
    tool: `fontTools.subset ${fontToolsVersion(command)}`,
    unicode_ranges: RANGES.map(([range, what]) => ({ range, what })),
    layout_features: LAYOUT_FEATURES,
    fonts,
  };
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

main();

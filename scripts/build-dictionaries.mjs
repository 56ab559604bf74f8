// Builds the offline engine's data (public/dictionaries/) from the FreeDict dictionaries Debian ships
// (dict-freedict-* packages, read from /usr/share/dictd) and the curated phrase table in
// scripts/dictionary/ (sign-phrases.txt, function-words.txt). The output is committed, so a fresh clone needs none of this.
//
//   apt-get install $(node scripts/build-dictionaries.mjs --packages)   # FreeDict + Tesseract packages
//   npm run build:dictionaries
//
// For each language X it writes X-en.tsv and en-X.tsv: sorted "key\tvalue" lines, keys lower-case.
// A headword with several candidate translations keeps the one scored best: earlier senses first,
// then the more common word (how often the word occurs across all dictionaries of its language, plus
// whether Tesseract's word list for the language has it), then shorter. Tesseract's word lists (from
// the tesseract-ocr-* packages) also decide which of the German dictionary's 500k multi-word
// headwords are common enough to keep.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'public', 'dictionaries');
const DICTD = '/usr/share/dictd';
const TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
const MAX_PHRASE_WORDS = 6;

const ISO3 = { en: 'eng', de: 'deu', fr: 'fra', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', sv: 'swe', da: 'dan', no: 'nor', fi: 'fin' };
const LANGS = Object.keys(ISO3).filter((l) => l !== 'en');
/** Extra X→en evidence for Norwegian, which has no nor-eng dictionary: via Swedish, Finnish and Italian. */
const PIVOTS = { no: ['sv', 'fi', 'it'] };
/**
 * The English dictionaries of these languages are small (4k–20k headwords), while German↔English
 * (Ding) is the largest of all. Words the direct dictionaries lack are filled in through the
 * language's dictionary with German, ranked below every direct translation. Only where that
 * dictionary is GPL (FreeDict's own, version 2 or later) like Ding (GPL 3 / AGPL 3), so the derived
 * table can carry one licence: the French and Swedish ones with German are WikDict (CC BY-SA 3.0),
 * which cannot be combined with the GPL, and are not used.
 */
const GERMAN_PIVOT = { es: true, it: true, pt: true, nl: true };
const germanPivotName = (l) => `${ISO3[l]}-deu`;

if (process.argv.includes('--packages')) {
  const names = new Set();
  for (const l of LANGS) {
    if (l !== 'no') names.add(`dict-freedict-${ISO3[l]}-eng`);
    names.add(`dict-freedict-eng-${ISO3[l]}`);
  }
  for (const via of PIVOTS.no) names.add(`dict-freedict-${ISO3[via]}-nor`);
  for (const l of Object.keys(GERMAN_PIVOT)) names.add(`dict-freedict-${germanPivotName(l)}`);
  names.add('tesseract-ocr');
  for (const l of Object.keys(ISO3)) names.add(`tesseract-ocr-${ISO3[l]}`);
  console.log([...names].join(' '));
  process.exit(0);
}

// ---------- reading dictd files ----------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decodeNumber = (s) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);

/** Reads one dictd dictionary: its info text and entries { head, lines }. */
function readDictd(name) {
  const base = path.join(DICTD, `freedict-${name}`);
  if (!existsSync(`${base}.index`)) throw new Error(`missing ${base}.index: apt-get install dict-freedict-${name}`);
  const data = gunzipSync(readFileSync(`${base}.dict.dz`));
  const entries = [];
  let info = '';
  for (const line of readFileSync(`${base}.index`, 'utf8').split('\n')) {
    if (!line) continue;
    const [headword, off, len] = line.split('\t');
    const text = data.subarray(decodeNumber(off), decodeNumber(off) + decodeNumber(len)).toString('utf8');
    if (headword.startsWith('00database') || headword.startsWith('00-database')) {
      if (headword.includes('info')) info = text;
      continue;
    }
    const lines = text.split('\n');
    entries.push({ head: headword, headLine: lines[0], lines: lines.slice(1) });
  }
  const format = /WikDict/u.test(info) ? 'wikdict' : /Ding/u.test(info) ? 'ding' : 'classic';
  return { name, info, entries, format };
}

/**
 * Labels that do not make a sense special: regional spellings, and the everyday fields (animals,
 * plants, food) whose words signs use as often as any (Fuchs → [zool.] fox).
 */
const EVERYDAY_LABEL = /^\s*\[(Br|Am|Ös|Schw|Sc|Dt|BE|AE|zool|bot|ornith|cook|gastr|geogr)\.?\]/u;

/** The translation senses of an entry: [[alternative, ...], ...] with a domain flag per sense. */
function senses(entry, format) {
  const out = [];
  if (format === 'wikdict') {
    let expect = true;
    for (const raw of entry.lines) {
      const numbered = /^\s*\d+\.\s*(.*)$/u.exec(raw);
      if (numbered) {
        const text = numbered[1].replace(/\s+\d+\.\s*$/u, '').trim();
        if (text) out.push({ text, domain: false });
        expect = false;
        continue;
      }
      if (expect && raw.trim() && !raw.trim().startsWith('#')) out.push({ text: raw.trim(), domain: false });
      expect = false;
    }
  } else {
    for (const raw of entry.lines) {
      if (!raw.trim()) continue;
      if (format === 'ding' && /^\s{2,}/u.test(raw)) continue;
      const line = raw.trim();
      if (/^(Synonyms?|Antonyms?|Notes?|see|Usage|Examples?)\s*:/iu.test(line) || line.startsWith('"') || line.startsWith('{')) continue;
      out.push({ text: line.replace(/^\d+\.\s*/u, ''), domain: /^\s*\[[^\]]+\]/u.test(line) && !EVERYDAY_LABEL.test(line) });
    }
  }
  return out.map((s) => ({ domain: s.domain, alternatives: splitAlternatives(s.text) })).filter((s) => s.alternatives.length > 0);
}

function splitAlternatives(text) {
  const cleaned = text
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/\[[^\]]*\]/gu, ' ')
    .replace(/\/[^/]*\//gu, ' ')
    .replace(/<[^>]*>/gu, ',')
    .replace(/\{[^}]*\}/gu, ' ');
  return cleaned
    .split(/[,;]/u)
    .map((a) => cleanPhrase(a))
    .filter((a) => a && a.length <= 40 && !/[/…|=+"?]|\.\.\./u.test(a) && a.split(' ').length <= MAX_PHRASE_WORDS);
}

const FILLER = /(^|\s)(sth\.|sb\.|sth|sb|etw\.|jdn\.|jdm\.|jds\.|jd\.|qc|qn|qqch\.|qqn|o\.s\.|ngt|ngn|noget|nogen|algo|alguien|qualcosa|qualcuno|algo|alguém|iets|iemand)(?=\s|$)/giu;

function cleanPhrase(text) {
  return text.replace(/\s+\d+\.\s*$/u, '').replace(FILLER, ' ').replace(/\s+/gu, ' ').trim().replace(/^[-–:.]+|[-–:]+$/gu, '').trim();
}

function cleanHead(head) {
  const h = head.replace(/\s+/gu, ' ').trim();
  if (!h || /[/…,;!?()[\]{}"=+|]|\.\.\./u.test(h) || /\d/u.test(h)) return undefined;
  if (/(^|\s)(etw\.|jdn\.|jdm\.|jds\.|sth\.|sb\.)/u.test(h)) return undefined;
  if (h.split(' ').length > MAX_PHRASE_WORDS) return undefined;
  return h;
}

/** The same normalisation as normaliseKey in src/translate/offline/dictionary-translator.ts. */
const normaliseKey = (t) => t.normalize('NFC').toLowerCase().replace(/[’‘ʼ]/gu, "'").replace(/[‐‑–—]/gu, '-').replace(/ĳ/gu, 'ij');

// ---------- word statistics ----------

/** Tesseract's word list for a language (frequent words of its training text), lower-cased. */
function tesseractWords(lang) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tessdict-'));
  try {
    const prefix = path.join(dir, `${ISO3[lang]}.`);
    execFileSync('combine_tessdata', ['-u', path.join(TESSDATA, `${ISO3[lang]}.traineddata`), prefix], { stdio: 'ignore' });
    execFileSync('dawg2wordlist', [`${prefix}lstm-unicharset`, `${prefix}lstm-word-dawg`, `${prefix}words`], { stdio: 'ignore' });
    return new Set(readFileSync(`${prefix}words`, 'utf8').split('\n').filter(Boolean).map(normaliseKey));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

class WordStats {
  constructor(wordlist) {
    this.wordlist = wordlist;
    this.counts = new Map();
  }
  /** Adds one dictionary's worth of text; each dictionary adds log(1 + its count) per word. */
  addCorpus(phrases) {
    const local = new Map();
    for (const phrase of phrases) for (const w of normaliseKey(phrase).split(/[^\p{L}'-]+/u)) if (w) local.set(w, (local.get(w) ?? 0) + 1);
    for (const [w, c] of local) this.counts.set(w, (this.counts.get(w) ?? 0) + Math.log1p(c));
  }
  commonness(phrase) {
    const words = normaliseKey(phrase).split(/[^\p{L}'-]+/u).filter(Boolean);
    if (words.length === 0) return 0;
    // A phrase is as common as its rarest word.
    let min = Infinity;
    for (const w of words) min = Math.min(min, (this.counts.get(w) ?? 0) + (this.wordlist.has(w) ? 2 : 0));
    // Square root: a word met in every dictionary (a sum near 50: "place", "become") should not outrank
    // the plain equivalent (near 25: "local") by more than agreement and spelling can make up.
    // Measured on the curated words (the build's "agree" line, when French and Swedish still went
    // through German): linear 1068/1933, log 1121, sqrt 1129.
    return 3 * Math.sqrt(min);
  }
  knows(phrase) {
    return normaliseKey(phrase).split(' ').every((w) => this.wordlist.has(w));
  }
}

// ---------- candidates ----------

class Candidates {
  constructor() {
    this.byKey = new Map();
  }
  add(head, value, score) {
    const key = normaliseKey(head);
    if (!key || !value || key.includes('\t') || value.includes('\t')) return;
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = new Map()));
    const previous = list.get(value);
    // The best evidence counts, and each further source or entry giving the same answer a little more.
    list.set(value, previous === undefined ? { score, count: 1 } : { score: Math.max(previous.score, score), count: previous.count + 1 });
  }
}

/** Adds a dictionary's entries as head→translation candidates; `invert` reads it the other way. */
function addDictionary(cands, dict, { invert, base, stats, keepHead, toEnglish }) {
  const entryCount = new Map();
  for (const entry of dict.entries) {
    const head = cleanHead(entry.headLine.replace(/\s*\/[^/]*\/.*$/u, '').replace(/\s*<[^>]*>\s*$/u, '') || entry.head);
    if (!head) continue;
    const nth = entryCount.get(head) ?? 0;
    entryCount.set(head, nth + 1);
    const list = senses(entry, dict.format);
    list.forEach((sense, senseIndex) => {
      sense.alternatives.forEach((alt, altIndex) => {
        const translation = toEnglish && !invert ? alt.replace(/^to\s+/u, '') : alt;
        const [from, to] = invert ? [alt, head] : [head, translation];
        if (!keepHead(from, to)) return;
        const target = invert && toEnglish === false ? to : to;
        if (invert && altIndex > 2) return;
        // Ding lists one sense per entry, in no useful order; other dictionaries list senses by importance.
        const order = dict.format === 'ding' ? 0 : 0.8 * Math.min(senseIndex, 4) + 0.3 * Math.min(nth, 5);
        // A Ding entry with a usage note is a narrow sense (Fuchs → chestnut, "Note: horse").
        const narrow = dict.format === 'ding' && entry.lines.some((line) => /^\s+Note:/u.test(line)) ? 1.5 : 0;
        const score =
          base -
          order -
          0.5 * Math.min(altIndex, 4) -
          (sense.domain ? 1.5 : 0) -
          narrow +
          stats.commonness(target) -
          1.0 * (target.split(' ').length - 1);
        cands.add(from, invert && toEnglish ? to.replace(/^to\s+/u, '') : target, score);
      });
    });
  }
}

/** A curated block file (sign-phrases.txt, function-words.txt): [{ en: [forms], de: [forms], ... }]. */
function readCurated(file) {
  const text = readFileSync(path.join(ROOT, 'scripts', 'dictionary', file), 'utf8');
  const blocks = [];
  let block = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (Object.keys(block).length > 0) blocks.push(block);
      block = {};
      continue;
    }
    const m = /^([a-z]{2}):\s*(.*)$/u.exec(line);
    if (!m) throw new Error(`${file}: cannot read line: ${line}`);
    const forms = m[2].split('|').map((s) => s.trim()).filter(Boolean);
    if (forms.length > 0) block[m[1]] = forms;
  }
  if (Object.keys(block).length > 0) blocks.push(block);
  return blocks;
}

const TYPOGRAPHY = [[/ĳ/gu, 'ij'], [/Ĳ/gu, 'IJ'], [/[‐‑–—]/gu, '-'], [/[’‘ʼ]/gu, "'"], [/[“”„]/gu, '"'], [/[\u200b-\u200f\u00ad]/gu, '']];
const tidy = (text) => TYPOGRAPHY.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
// One character above U+00FF makes V8 store the whole file as a two-byte string (twice the memory):
// such entries are dropped, except French œ in the French files.
const LATIN1 = /^[\u0000-\u00ff]*$/u;
const LATIN1_FRENCH = /^[\u0000-\u00ffœŒ]*$/u;

/**
 * The best candidate per key. `bonus(key, value)` adds evidence from outside the candidates (the
 * other direction's dictionary agreeing, see roundTrip).
 */
function pickBest(cands, bonus = () => 0) {
  const best = new Map();
  for (const [key, list] of cands.byKey) {
    let value;
    let bestScore = -Infinity;
    for (const [candidate, evidence] of list) {
      const score = evidence.score + Math.min(1.5, 0.3 * (evidence.count - 1)) + bonus(key, candidate);
      if (score > bestScore || (score === bestScore && candidate.length < value.length)) {
        value = candidate;
        bestScore = score;
      }
    }
    best.set(key, value);
  }
  return best;
}

/**
 * Round-trip agreement: a translation whose own best translation back is the headword is what both
 * dictionaries mean (Fuchs → fox → Fuchs), where a first-listed or merely common word may not be
 * (Fuchs → chestnut, a horse's colour, → Kastanie). Ding lists its senses in no useful order, so for
 * German this is most of the ranking. The bonus is on the scale of commonness (a word found in many
 * dictionaries scores 12 to 21), so agreement outweighs a few dictionaries more.
 */
const ROUND_TRIP_BONUS = 6;
const words = (t) => t.split(' ').length;
// Only between entries of the same length: a phrase that happens to lead back ("will be" → geben) says
// little about a single word.
const roundTrip = (back) => (key, value) => {
  const there = back.get(normaliseKey(value));
  return there !== undefined && normaliseKey(there) === key && words(key) === words(value) ? ROUND_TRIP_BONUS : 0;
};

/**
 * Cognates: among translations the dictionaries give, one spelt like the headword is usually the
 * plain equivalent (décoratif → decorative rather than ornamental, local → local rather than place).
 * Only words the dictionary offers compete, so a false friend it does not list never wins. Below the
 * round-trip bonus, which is firmer evidence.
 */
const COGNATE_BONUS = 6;
const bare = (t) => normaliseKey(t).normalize('NFD').replace(/\p{M}/gu, '');
function cognate(key, value) {
  const [a, b] = [bare(key), bare(value)];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 4 && common >= 0.6 * Math.min(a.length, b.length) ? COGNATE_BONUS : 0;
}
const withCognates = (bonus) => (key, value) => bonus(key, value) + cognate(key, value);

/** The best candidates plus the curated entries (which win), as sorted TSV text. */
function toTsv(best, curated, charset = LATIN1) {
  const rows = [];
  for (const [key, value] of best) if (!curated.has(key)) rows.push([key, value]);
  for (const [key, value] of curated) rows.push([key, value]);
  const kept = rows.map(([key, value]) => [key, tidy(value)]).filter(([key, value]) => charset.test(key) && charset.test(value));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return kept.map(([k, v]) => `${k}\t${v}`).join('\n') + '\n';
}

// ---------- main ----------

const started = Date.now();
mkdirSync(OUT, { recursive: true });
// Sign phrases first: where both files give a form, the sign phrase wins.
const phrases = [...readCurated('sign-phrases.txt'), ...readCurated('function-words.txt')];
const rules = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'dictionary', 'languages.json'), 'utf8'));
delete rules['//'];

const dicts = new Map();
const load = (name) => {
  if (!dicts.has(name)) dicts.set(name, readDictd(name));
  return dicts.get(name);
};
const dictNamesFor = (l) => [...(l === 'no' ? [] : [`${ISO3[l]}-eng`]), `eng-${ISO3[l]}`, ...(PIVOTS[l] ?? []).map((v) => `${ISO3[v]}-nor`)];
/** The dictionaries whose entries end up in X-en.tsv and en-X.tsv (word statistics aside). */
const contentSourcesFor = (l) => [
  ...(l === 'no' ? [] : [`${ISO3[l]}-eng`]),
  `eng-${ISO3[l]}`,
  ...(PIVOTS[l] ?? []).flatMap((v) => [`${ISO3[v]}-nor`, `${ISO3[v]}-eng`]),
  ...(GERMAN_PIVOT[l] ? [germanPivotName(l), 'deu-eng', 'eng-deu'] : []),
];

// Word statistics per language, from every dictionary side written in it.
const stats = {};
for (const l of Object.keys(ISO3)) stats[l] = new WordStats(tesseractWords(l));
for (const l of LANGS) {
  for (const name of dictNamesFor(l)) {
    const d = load(name);
    const [fromIso, toIso] = name.split('-');
    const fromLang = Object.keys(ISO3).find((k) => ISO3[k] === fromIso);
    const toLang = Object.keys(ISO3).find((k) => ISO3[k] === toIso);
    stats[fromLang].addCorpus(d.entries.map((e) => e.head));
    stats[toLang].addCorpus(d.entries.flatMap((e) => senses(e, d.format).flatMap((s) => s.alternatives)));
  }
}

/**
 * X↔English candidates through German: each (X headword, German translation) pair of the X→de
 * dictionary becomes X → the German word's English, and the English words whose German is that
 * word → X. The X→de dictionary's own order decides (first sense, first alternative). de→X is not
 * read backwards: its X side is full of derived words and phrases that made nonsense through a
 * second language ("locaux" → "auditory source width").
 */
function germanPivot(l, german) {
  const toEn = new Candidates();
  const fromEn = new Candidates();
  const englishFor = new Map();
  for (const [en, de] of german.fromEn) {
    if (!stats.en.knows(en)) continue;
    const key = normaliseKey(de);
    if (!englishFor.has(key)) englishFor.set(key, []);
    englishFor.get(key).push(en);
  }
  const add = (x, de, rank) => {
    const head = cleanHead(x);
    if (!head || head.split(' ').length > 3) return;
    const english = german.toEn.get(normaliseKey(de));
    if (english) toEn.add(head, english, -rank + 0.02 * stats.en.commonness(english));
    for (const en of englishFor.get(normaliseKey(de)) ?? []) fromEn.add(en, head, -rank + 0.02 * stats[l].commonness(head));
  };
  const headOf = (entry) => entry.headLine.replace(/\s*\/[^/]*\/.*$/u, '').replace(/\s*<[^>]*>\s*$/u, '') || entry.head;
  const toGerman = load(germanPivotName(l));
  for (const entry of toGerman.entries) {
    senses(entry, toGerman.format).forEach((sense, i) => sense.alternatives.forEach((de, k) => add(headOf(entry), de, 3 * Math.min(i, 4) + Math.min(k, 4))));
  }
  return { toEn: pickBest(toEn), fromEn: pickBest(fromEn) };
}

/** `best` with the keys it lacks filled in from `extra`. */
const fillMissing = (best, extra) => new Map([...extra, ...best]);

const notices = [];
const summary = [];
/** German's final tables, the pivot for GERMAN_PIVOT languages (German is built first). */
let german;
for (const l of LANGS) {
  const toEn = new Candidates();
  const fromEn = new Candidates();
  // German (Ding) has half a million headwords each way: keep single words that are common or short
  // (longer compounds are split at run time), and multi-word phrases only when every word is common.
  const big = l === 'de';
  const keepX = (h) => !big || (h.includes(' ') ? h.split(' ').length <= 3 && stats.de.knows(h) : stats.de.knows(h) || h.length <= 12);
  // English phrases are kept for German when they make one common German word ("waiting room" → "Wartezimmer").
  const keepEn = (h, t) =>
    !big || (h.includes(' ') ? h.split(' ').length <= 3 && !t.includes(' ') && stats.en.knows(h) && stats.de.knows(t) : stats.en.knows(h) || h.length <= 12);
  if (l !== 'no') {
    const xe = load(`${ISO3[l]}-eng`);
    addDictionary(toEn, xe, { invert: false, base: 0, stats: stats.en, keepHead: keepX, toEnglish: true });
    if (xe.format !== 'ding') addDictionary(fromEn, xe, { invert: true, base: -1.5, stats: stats[l], keepHead: keepEn, toEnglish: false });
  }
  const ex = load(`eng-${ISO3[l]}`);
  addDictionary(fromEn, ex, { invert: false, base: 0, stats: stats[l], keepHead: keepEn, toEnglish: false });
  if (ex.format !== 'ding') addDictionary(toEn, ex, { invert: true, base: -1.5, stats: stats.en, keepHead: keepX, toEnglish: true });
  for (const via of PIVOTS[l] ?? []) {
    // via→no gives Norwegian words for a via-language word; via→en gives that word's English.
    const viaEn = new Candidates();
    addDictionary(viaEn, load(`${ISO3[via]}-eng`), { invert: false, base: 0, stats: stats.en, keepHead: () => true, toEnglish: true });
    const bestEnglish = pickBest(viaEn);
    const vn = load(`${ISO3[via]}-nor`);
    for (const entry of vn.entries) {
      const english = bestEnglish.get(normaliseKey(entry.head));
      if (!english) continue;
      senses(entry, vn.format).forEach((sense, i) =>
        sense.alternatives.forEach((alt) => toEn.add(alt, english, -3 - 0.8 * Math.min(i, 4) + 0.8 * stats.en.commonness(english))),
      );
    }
  }
  const curatedToEn = new Map();
  const curatedFromEn = new Map();
  for (const block of phrases) {
    if (!block.en || !block[l]) continue;
    // `-`: the language has no word for it; English→X leaves it out, X→English has nothing to read.
    const written = block[l][0] === '-' ? '' : block[l][0];
    for (const form of block[l]) if (form !== '-' && !curatedToEn.has(normaliseKey(form))) curatedToEn.set(normaliseKey(form), block.en[0]);
    for (const form of block.en) if (!curatedFromEn.has(normaliseKey(form))) curatedFromEn.set(normaliseKey(form), written);
  }
  const charset = l === 'fr' ? LATIN1_FRENCH : LATIN1;
  const plainToEn = pickBest(toEn);
  const plainFromEn = pickBest(fromEn);
  let bestToEn = pickBest(toEn, withCognates(roundTrip(plainFromEn)));
  let bestFromEn = pickBest(fromEn, withCognates(roundTrip(plainToEn)));
  if (GERMAN_PIVOT[l]) {
    const pivot = germanPivot(l, german);
    bestToEn = fillMissing(bestToEn, pivot.toEn);
    bestFromEn = fillMissing(bestFromEn, pivot.fromEn);
  }
  if (l === 'de') german = { toEn: new Map([...bestToEn, ...curatedToEn]), fromEn: new Map([...bestFromEn, ...curatedFromEn]) };
  // How often the dictionaries alone pick what the curated tables say, for the tables' single words.
  let agree = 0;
  let asked = 0;
  for (const block of phrases) {
    if (!block.en || !block[l]) continue;
    const english = new Set(block.en.map(normaliseKey));
    for (const form of block[l]) {
      const key = normaliseKey(form);
      if (form === '-' || key.includes(' ') || !bestToEn.has(key)) continue;
      asked++;
      if (english.has(normaliseKey(bestToEn.get(key)))) agree++;
    }
  }
  const a = toTsv(bestToEn, curatedToEn, charset);
  const b = toTsv(bestFromEn, curatedFromEn, charset);
  writeFileSync(path.join(OUT, `${l}-en.tsv`), a);
  writeFileSync(path.join(OUT, `en-${l}.tsv`), b);
  summary.push(
    `${l}-en ${a.split('\n').length - 1} entries (${(a.length / 1e6).toFixed(2)} MB), en-${l} ${b.split('\n').length - 1} entries (${(b.length / 1e6).toFixed(2)} MB); ` +
      `dictionaries alone agree with the curated tables on ${agree}/${asked} words`,
  );
}

for (const [name, d] of [...dicts].sort()) {
  const availability = /Availability:[\s\S]*?(?=\n\S|\n\n\S)/u.exec(d.info)?.[0] ?? d.info.slice(0, 1200);
  const title = d.info.split('\n').find((line) => /FreeDict|Dictionary|dictionary/u.test(line))?.trim() ?? name;
  const edition = /Edition:\s*(.+)/u.exec(d.info)?.[1] ?? '?';
  notices.push(`## freedict-${name} (${title}, edition ${edition})\n\n${availability.trim()}\n`);
}
writeFileSync(
  path.join(OUT, 'NOTICE.md'),
  `# Offline dictionary data: sources and licences\n\nThe files in this folder are derived by scripts/build-dictionaries.mjs from the FreeDict\n` +
    `dictionaries below (as packaged by Debian, dict-freedict-*; https://freedict.org) and from the project's\n` +
    `own curated tables (scripts/dictionary/sign-phrases.txt and function-words.txt, Apache-2.0). Each dictionary keeps its\n` +
    `own licence (GPL, AGPL or CC BY-SA as stated below); the derived tables are distributed under the same\n` +
    `terms as the dictionaries they come from. Tesseract word lists (Apache-2.0) were used only to rank\n` +
    `and filter entries; none of their text is included.\n\n## What each file is made from\n\n` +
    LANGS.map((l) => `- \`${l}-en.tsv\`, \`en-${l}.tsv\`: ${contentSourcesFor(l).map((n) => `freedict-${n}`).join(', ')}; the curated tables`).join('\n') +
    `\n\n${notices.join('\n')}`,
);
writeFileSync(
  path.join(OUT, 'manifest.json'),
  JSON.stringify(
    {
      description: 'Development dictionary data for the offline translation engine (FreeDict + curated sign phrases). Not machine translation.',
      maxPhraseWords: MAX_PHRASE_WORDS,
      languages: rules,
    },
    null,
    1,
  ) + '\n',
);
console.log(summary.join('\n'));
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

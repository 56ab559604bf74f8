// The offline dictionary engine inside workerd, measured two ways. Quality: how many of the realistic
// sign, shop and app texts of test/translate/offline-sign-texts.ts come out as one of their accepted
// English translations, per language, on the table the curated data was tuned with, on a held-out
// table, on an "unseen" table written after the held-out one had been looked at, on a "fresh" one
// written after that, and on a "final" one written after the last change (each is the honest
// estimate for the changes made before it was first read), with the misses listed. Speed: the first call per
// language pair (which fetches and indexes the dictionary from the static assets) and warm calls,
// measured from outside the Worker (workerd freezes its clocks during CPU work). There is no native
// reference to compare with: the engine exists only here. Run: npm run bench:translate-offline
import { statSync } from 'node:fs';
import { startBenchWorker } from './workerd.mjs';

const SIGNS = {
  de: ['Notausgang', 'Rauchen verboten', 'Öffnungszeiten', 'Bitte Tür schließen', 'Kein Zutritt', 'Der Hund ist hier', 'Eltern haften für ihre Kinder', 'Betreten der Baustelle verboten'],
  fi: ['Hätäuloskäynti', 'Tupakointi kielletty', 'Aukioloajat', 'Ovi on suljettu', 'Tervetuloa Helsinkiin', 'Avoinna arkisin'],
  fr: ['Sortie de secours', 'Défense de fumer', "Horaires d'ouverture", 'La porte est ouverte', 'Toilettes au sous-sol'],
};
const batch = (lang, n) => Array.from({ length: n }, (_, i) => `${SIGNS[lang][i % SIGNS[lang].length]} ${i}`);

const worker = await startBenchWorker('bench/translate-offline/worker.ts');
const url = await worker.url;

async function time(label, texts, source, target) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ texts, source, target }) });
  const result = await response.json();
  const ms = performance.now() - started;
  if (!response.ok || result.texts?.length !== texts.length) throw new Error(`${label}: ${JSON.stringify(result).slice(0, 200)}`);
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  (${texts.length} texts)  e.g. ${JSON.stringify(result.texts[0])}`);
}

function printQuality(label, scores) {
  let right = 0;
  let total = 0;
  const perLanguage = Object.entries(scores).map(([language, s]) => {
    right += s.right;
    total += s.total;
    return `${language} ${s.right}/${s.total}`;
  });
  console.log(`${label.padEnd(26)} ${right}/${total} right (${((100 * right) / total).toFixed(0)}%)   ${perLanguage.join('  ')}`);
  for (const [language, s] of Object.entries(scores)) for (const miss of s.wrong) console.log(`    ${language}: ${miss}`);
}

const size = (pair) => `${(statSync(`public/dictionaries/${pair}.tsv`).size / 1e6).toFixed(2)} MB`;

try {
  // Nothing to translate: starts the isolate without loading any dictionary.
  await time('isolate start (texts without letters)', ['12:30'], 'de', 'en');
  await time(`de→en first call (loads de-en, ${size('de-en')})`, batch('de', 1), 'de', 'en');
  for (let i = 0; i < 3; i++) await time(`de→en warm, 200 sign texts #${i + 1}`, batch('de', 200), 'de', 'en');
  await time('de→fr first call (pivot, loads en-fr)', batch('de', 1), 'de', 'fr');
  await time('de→fr warm, 200 sign texts', batch('de', 200), 'de', 'fr');
  await time(`fi→en first call (loads fi-en, ${size('fi-en')})`, batch('fi', 1), 'fi', 'en');
  await time('fi→en warm, 200 sign texts', batch('fi', 200), 'fi', 'en');
  await time(`fr→en first call (loads fr-en, ${size('fr-en')})`, batch('fr', 1), 'fr', 'en');
  await time('fr→en warm, 200 sign texts', batch('fr', 200), 'fr', 'en');
  console.log();
  const quality = await (await fetch(new URL('/quality', url))).json();
  printQuality('quality, tuning table', quality.tuning);
  printQuality('quality, held-out table', quality.heldOut);
  printQuality('quality, unseen table', quality.unseen);
  printQuality('quality, fresh table', quality.fresh);
  printQuality('quality, final table', quality.final);
} finally {
  await worker.dispose();
}

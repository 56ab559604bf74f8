/**
 * Where OCR and language-detection models come from. Models are static assets (public/models/, built by
 * scripts/build-models.mjs) rather than part of the Worker script: together they are ~38 MB, far over
 * the script size limit, and each stays under the 25 MiB per-asset limit. An isolate fetches each
 * model once and keeps its bytes; the Cache API keeps them across isolates in the same colo.
 */
import type { LanguageCode } from '../../languages';

/** Returns a model file's bytes by file name (e.g. `eng.traineddata`). */
export type ModelSource = (name: string) => Promise<Uint8Array>;

/** The compact Latin-script model (no word list) used for the first pass, before the language is known. */
export const LATIN_MODEL = 'Latin.traineddata';

/** eld's n-gram table restricted to our languages (see scripts/build-models.mjs for its layout). */
export const LANGUAGE_NGRAMS = 'language-ngrams.bin';

const TESSERACT_LANGUAGE: Record<LanguageCode, string> = {
  en: 'eng',
  de: 'deu',
  fr: 'fra',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  sv: 'swe',
  da: 'dan',
  no: 'nor',
  fi: 'fin',
};

/** The Tesseract model file that reads `language`. */
export function modelFileFor(language: LanguageCode): string {
  return `${TESSERACT_LANGUAGE[language]}.traineddata`;
}

const ASSET_ORIGIN = 'https://assets.invalid';

/** Model bytes an isolate keeps at most (oldest dropped first); the isolate has 128 MB in all. */
const KEEP_BYTES = 16 * 1024 * 1024;

/** Model bytes kept by this isolate, least recently used first (shared by every asset source). */
const kept = new Map<string, Promise<Uint8Array>>();
const sizes = new Map<string, number>();

/**
 * A ModelSource reading `/models/<name>` from Workers Static Assets (`env.ASSETS`). The isolate keeps
 * the bytes of the models it used last (up to 16 MB, shared by all sources, so a source may be made per
 * request) and a model is normally fetched once per isolate; concurrent callers share one fetch. The
 * Cache API is not used: static assets are already served from Cloudflare's edge cache and answer in tens
 * of milliseconds, so a second cache would only add a copy.
 */
export function assetModelSource(assets: Fetcher): ModelSource {
  return (name) => {
    let bytes = kept.get(name);
    if (bytes) {
      kept.delete(name); // re-insert: Map order is least recently used first
      kept.set(name, bytes);
      return bytes;
    }
    bytes = fetchModel(assets, name);
    kept.set(name, bytes);
    bytes.then(
      (b) => {
        sizes.set(name, b.byteLength);
        let total = [...sizes.values()].reduce((a, n) => a + n, 0);
        for (const old of kept.keys()) {
          if (total <= KEEP_BYTES || old === name) break;
          total -= sizes.get(old) ?? 0;
          kept.delete(old);
          sizes.delete(old);
        }
      },
      () => kept.delete(name),
    );
    return bytes;
  };
}

async function fetchModel(assets: Fetcher, name: string): Promise<Uint8Array> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`invalid model name: ${name}`);
  const response = await assets.fetch(`${ASSET_ORIGIN}/models/${name}`);
  // With single-page-application fallback a missing asset answers 200 with index.html: check the type.
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.startsWith('text/html')) {
    await response.body?.cancel();
    throw new Error(`model ${name} is missing from static assets (status ${response.status})`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

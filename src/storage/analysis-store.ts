/**
 * The R2 home of reusable image analyses: `cache/{account}/{sha256}/{source}/{exclude-hash}/` holds
 * `analysis.json` and `clean.{png,jpg,webp}` (the analysis names the format). Scoped to one account, so a shared image never links two accounts.
 * Objects expire through an R2 lifecycle rule (README, "Deploy"); a stale or unreadable entry is treated
 * as missing.
 */
import { ANALYSIS_VERSION, type ImageAnalysis } from '../pipeline/image-analysis';
import type { AnalysisId, AnalysisStore, StoredAnalysis } from '../pipeline/analysis-store';
import { CONTENT_TYPES } from '../pipeline/image/probe';
import type { ImageFormat } from '../pipeline/types';
import { cachePrefix, EXTENSIONS } from './object-keys';

export function r2AnalysisStore(bucket: R2Bucket, accountId: string): AnalysisStore {
  const prefix = (id: AnalysisId) => `${cachePrefix(accountId, id.contentSha256, id.sourceLang)}/${id.excludeHash}`;
  return {
    async get(id) {
      const json = await bucket.get(`${prefix(id)}/analysis.json`);
      if (!json) return null;
      try {
        const { cleanFormat, ...analysis } = (await json.json()) as ImageAnalysis & { cleanFormat: ImageFormat };
        if (analysis.version !== ANALYSIS_VERSION || !(cleanFormat in CONTENT_TYPES)) return null;
        const clean = await bucket.get(`${prefix(id)}/clean.${EXTENSIONS[cleanFormat]}`);
        if (!clean) return null;
        return { analysis, clean: new Uint8Array(await clean.arrayBuffer()), cleanFormat };
      } catch {
        return null;
      }
    },
    async put(id, value: StoredAnalysis) {
      // The picture first: an analysis is only ever found next to its clean image.
      await bucket.put(`${prefix(id)}/clean.${EXTENSIONS[value.cleanFormat]}`, value.clean, { httpMetadata: { contentType: CONTENT_TYPES[value.cleanFormat] } });
      await bucket.put(`${prefix(id)}/analysis.json`, JSON.stringify({ ...value.analysis, cleanFormat: value.cleanFormat }), { httpMetadata: { contentType: 'application/json' } });
    },
  };
}

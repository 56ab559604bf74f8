import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../../src/languages';
import { assetModelSource, LANGUAGE_NGRAMS, LATIN_MODEL, modelFileFor } from '../../../src/pipeline/ocr/models';

it('serves every model from static assets, each under the 25 MiB asset limit', async () => {
  const models = assetModelSource(env.ASSETS);
  for (const name of [LATIN_MODEL, LANGUAGE_NGRAMS, ...LANGUAGE_CODES.map(modelFileFor)]) {
    const bytes = await models(name);
    expect(bytes.byteLength, name).toBeGreaterThan(100_000);
    expect(bytes.byteLength, name).toBeLessThan(25 * 1024 * 1024);
  }
});

it('fetches a model once per source and shares it between callers', async () => {
  let fetches = 0;
  const counting = { fetch: (input: RequestInfo | URL, init?: RequestInit) => (fetches++, env.ASSETS.fetch(input, init)) };
  const models = assetModelSource(counting as Fetcher);
  const [a, b] = await Promise.all([models(LATIN_MODEL), models(LATIN_MODEL)]);
  expect(await models(LATIN_MODEL)).toBe(a);
  expect(b).toBe(a);
  expect(fetches).toBe(1);
});

it('rejects a model that is not there instead of returning the fallback page', async () => {
  const models = assetModelSource(env.ASSETS);
  await expect(models('klingon.traineddata')).rejects.toThrow(/missing/);
  await expect(models('../wrangler.toml')).rejects.toThrow(/invalid/);
});

import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../../src/languages';
import { assetModelSource, LANGUAGE_NGRAMS, LATIN_MODEL, modelFileFor } from '../../../src/pipeline/ocr/models';

function countingAssets() {
  const counter = { fetches: 0 };
  const assets = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      counter.fetches++;
      return env.ASSETS.fetch(input, init);
    },
  } as Fetcher;
  return { counter, assets };
}

// Runs first: nothing in this isolate has asked for the Finnish model yet.
it('fetches a model once per isolate, shared between callers and between sources', async () => {
  const { counter, assets } = countingAssets();
  const name = modelFileFor('fi');
  const first = assetModelSource(assets);
  const [a, b] = await Promise.all([first(name), first(name)]);
  expect(b).toBe(a);
  expect(await assetModelSource(assets)(name)).toBe(a);
  expect(counter.fetches).toBe(1);
});

it('serves every model from static assets, each under the 25 MiB asset limit', async () => {
  const models = assetModelSource(env.ASSETS);
  for (const name of [LATIN_MODEL, LANGUAGE_NGRAMS, ...LANGUAGE_CODES.map(modelFileFor)]) {
    const bytes = await models(name);
    expect(bytes.byteLength, name).toBeGreaterThan(100_000);
    expect(bytes.byteLength, name).toBeLessThan(25 * 1024 * 1024);
  }
});

it('rejects a model that is not there instead of returning the fallback page', async () => {
  const models = assetModelSource(env.ASSETS);
  await expect(models('klingon.traineddata')).rejects.toThrow(/missing/);
  await expect(models('../wrangler.toml')).rejects.toThrow(/invalid/);
});

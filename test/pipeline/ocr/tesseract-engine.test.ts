import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { grayScaled } from '../../../src/pipeline/ocr/gray-image';
import { grayToLeptonica, rgbaToLeptonica } from '../../../src/pipeline/ocr/leptonica-pixels';
import { assetModelSource, LATIN_MODEL, modelFileFor } from '../../../src/pipeline/ocr/models';
import { engineBuildCount, engineHeapBytes, withEngine } from '../../../src/pipeline/ocr/tesseract-engine';
import { generatedImage } from '../../generated-fixtures';

const models = assetModelSource(env.ASSETS);

it('reads an image with models swapped inside one engine instance', async () => {
  const image = generatedImage('helloProbe');
  const builds = engineBuildCount();
  const [latin, english] = await withEngine(models, async (engineFor) => {
    const read = async (model: string) => {
      const engine = await engineFor(model);
      engine.loadImage(rgbaToLeptonica(image));
      const text = engine.getText().trim();
      engine.clearImage();
      return text;
    };
    return [await read(LATIN_MODEL), await read(modelFileFor('en'))];
  });
  expect(latin).toBe('Hello quick world');
  expect(english).toBe('Hello quick world');
  expect(engineBuildCount() - builds).toBeLessThanOrEqual(1);
  expect(await engineHeapBytes()).toBeGreaterThan(0);
});

it('drops the engine when a run leaves its heap over the budget, and builds a new one next time', async () => {
  const gray = grayToLeptonica(grayScaled(generatedImage('helloProbe'), 1));
  const read = (budget?: number) =>
    withEngine(
      models,
      async (engineFor) => {
        const engine = await engineFor(LATIN_MODEL);
        engine.loadImage(gray);
        return engine.getText().trim();
      },
      budget,
    );
  await read();
  const before = engineBuildCount();
  expect(await read(1)).toBe('Hello quick world'); // every heap is over one byte: dropped after the run
  expect(await engineHeapBytes()).toBe(0);
  expect(await read()).toBe('Hello quick world');
  expect(engineBuildCount()).toBe(before + 1);
});

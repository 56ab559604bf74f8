import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { grayScaled } from '../../../src/pipeline/ocr/gray-image';
import { grayToLeptonica, rgbaToLeptonica } from '../../../src/pipeline/ocr/leptonica-pixels';
import { assetModelSource, LATIN_MODEL, modelFileFor } from '../../../src/pipeline/ocr/models';
import { engineBuildCount, engineHeapBytes, releaseEngines, withEngine } from '../../../src/pipeline/ocr/tesseract-engine';
import { generatedImage } from '../../generated-fixtures';

const models = assetModelSource(env.ASSETS);

it('reads an image with either model, each loaded once into an instance of its own', async () => {
  const image = generatedImage('helloProbe');
  const builds = engineBuildCount();
  const readBoth = () =>
    withEngine(models, async (engineFor) => {
      const read = async (model: string) => {
        const engine = await engineFor(model);
        engine.loadImage(rgbaToLeptonica(image));
        const text = engine.getText().trim();
        engine.clearImage();
        return text;
      };
      return [await read(LATIN_MODEL), await read(modelFileFor('en'))];
    });
  const [latin, english] = await readBoth();
  expect(latin).toBe('Hello quick world');
  expect(english).toBe('Hello quick world');
  expect(engineBuildCount() - builds).toBeLessThanOrEqual(2); // one instance per model (see the last test)
  expect(await engineHeapBytes()).toBeGreaterThan(0);
  const built = engineBuildCount();
  expect(await readBoth()).toEqual([latin, english]);
  expect(engineBuildCount()).toBe(built); // both kept: switching between them builds nothing
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
      { heapBudgetBytes: budget },
    );
  await read();
  const before = engineBuildCount();
  expect(await read(1)).toBe('Hello quick world'); // every heap is over one byte: dropped after the run
  expect(await engineHeapBytes()).toBe(0);
  expect(await read()).toBe('Hello quick world');
  expect(engineBuildCount()).toBe(before + 1);
});

it('releases every engine on request (after the run in progress), and builds them again when next needed', async () => {
  const gray = grayToLeptonica(grayScaled(generatedImage('helloProbe'), 1));
  const read = () =>
    withEngine(models, async (engineFor) => {
      const engine = await engineFor(LATIN_MODEL);
      engine.loadImage(gray);
      return engine.getText().trim();
    });
  await read();
  expect(await engineHeapBytes()).toBeGreaterThan(0);
  const before = engineBuildCount();
  // Asked for while a run is under way, the release waits for it: the run still reads.
  const running = read();
  const released = releaseEngines();
  expect(await running).toBe('Hello quick world');
  await released;
  expect(await engineHeapBytes()).toBe(0);
  expect(await read()).toBe('Hello quick world');
  expect(engineBuildCount()).toBe(before + 1);
});

it('keeps one instance at a time when asked to, as for a large picture', async () => {
  await releaseEngines();
  const useModels = (names: string[], maxInstances?: number) =>
    withEngine(models, async (engineFor) => {
      for (const name of names) await engineFor(name);
    }, { maxInstances });
  await useModels([LATIN_MODEL, modelFileFor('en')], 1); // the Latin instance makes way for the English one
  const before = engineBuildCount();
  await useModels([modelFileFor('en')]);
  expect(engineBuildCount()).toBe(before); // kept
  await useModels([LATIN_MODEL]);
  expect(engineBuildCount()).toBe(before + 1); // built again
});

it('reads with each model its own dictionary, whatever models were loaded before', async () => {
  // Tesseract caches word lists process-wide under the language name it was initialised with, and
  // tesseract-wasm initialises every model as "eng": a model loaded after another in the same instance
  // would read with the first one's dictionary (indices into the wrong alphabet).
  const image = generatedImage('deDarkOnLight');
  const gray = grayToLeptonica(grayScaled(image, 1));
  const readGerman = () =>
    withEngine(
      models,
      async (engineFor) => {
        const engine = await engineFor(modelFileFor('de'));
        engine.loadImage(gray);
        return engine.getTextBoxes('word').map((w) => `${w.text} ${w.confidence.toFixed(3)}`);
      },
      { heapBudgetBytes: 0 }, // dropped after the run, so the next run starts from a fresh instance
    );
  await releaseEngines(); // whatever earlier tests loaded is dropped
  const fresh = await readGerman();
  await withEngine(
    models,
    async (engineFor) => {
      const french = await engineFor(modelFileFor('fr'));
      french.loadImage(gray);
      french.getText();
      french.clearImage();
      const latin = await engineFor(LATIN_MODEL);
      latin.loadImage(gray);
      latin.getText();
      latin.clearImage();
    },
  );
  expect(await readGerman()).toEqual(fresh);
});

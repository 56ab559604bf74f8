/**
 * The Tesseract engines of this isolate. tesseract-wasm is built for browsers: it compiles its .wasm
 * from bytes, which Workers forbid, so we import the precompiled module (wrangler hands us a
 * WebAssembly.Module) and give the library a stand-in for the bytes that our own instantiate step
 * recognises.
 *
 * Each model gets a WebAssembly instance of its own. Tesseract keeps the word lists (dawgs) of loaded
 * models in a process-wide cache keyed by the language name given at initialisation, and tesseract-wasm
 * initialises every model as "eng": a second model in the same instance would be handed the first one's
 * dictionaries, whose entries index another model's alphabet, and would read worse than native
 * Tesseract (in ways that depend on which images the isolate served before). Instances are built lazily
 * (a few milliseconds from the compiled module, plus the model's own initialisation) and reused; at most
 * two are kept, the first-pass Latin model's and one language model's. WebAssembly memory never shrinks,
 * so an instance whose heap a run leaves above HEAP_BUDGET_BYTES is dropped and rebuilt when next needed,
 * and all are released (releaseEngines) before a large picture is decoded and before it is drawn on.
 */
import { createOCREngine, type OCREngine } from 'tesseract-wasm';
// The package's exports map hides dist/, so the module is imported by path. Only the SIMD build is
// bundled: V8 in workerd always has WebAssembly SIMD, so the package's non-SIMD fallback could never
// run on Workers and would cost 0.7 MB (gzip) of the 3 MB script budget.
import simdModule from '../../../node_modules/tesseract-wasm/dist/tesseract-core.wasm';
import type { ModelSource } from './models';

/**
 * Drop an instance after a run that leaves its heap above this. A heap holds its model and grows little
 * in use (lines are read one small crop at a time): 16 MiB for the Latin, Portuguese and Danish models,
 * 19 for Norwegian, 35 for Dutch, 48 for Finnish (its word list). An isolate has 128 MB for everything;
 * pictures over LARGE_PICTURE_PIXELS are decoded and drawn on with no instance kept (see
 * image-analysis.ts), so what the budget keeps between requests sits beside small pictures only.
 */
export const HEAP_BUDGET_BYTES = 56 * 1024 * 1024;

/** Instances (one model each) kept at once: the Latin first-pass model's and one language model's. */
const MAX_INSTANCES = 2;

/**
 * Over this many pixels a picture's RGBA (up to 64 MiB at 16 MP) leaves no room for two instances
 * beside it: it is read with one instance at a time (a model swapped out is rebuilt when needed again,
 * ~0.1 s on a request of seconds), and decoded and drawn on with none.
 */
export const LARGE_PICTURE_PIXELS = 4_000_000;

/** The Emscripten module object behind an OCREngine (tesseract-wasm keeps it in `_tesseractLib`). */
interface TesseractLib {
  HEAPU8: Uint8Array;
}

interface EngineInstance {
  lib: TesseractLib;
  engine: OCREngine;
}

/** Instances by model file name, least recently used first. */
const instances = new Map<string, Promise<EngineInstance>>();
let queue: Promise<unknown> = Promise.resolve();
let builds = 0;

/** How many WebAssembly instances this isolate has built (tests use it to see the budget at work). */
export function engineBuildCount(): number {
  return builds;
}

/** Total size of the engines' heaps in bytes, or 0 when no engine exists. */
export async function engineHeapBytes(): Promise<number> {
  let total = 0;
  for (const pending of instances.values()) {
    const built = await pending.catch(() => undefined);
    total += built ? built.lib.HEAPU8.byteLength : 0;
  }
  return total;
}

/**
 * Runs `work` with exclusive use of the isolate's engines; `engineFor(model)` returns an engine with
 * that model loaded. Calls are queued: Tesseract is synchronous and keeps one image per engine, so two
 * requests in the same isolate must not interleave. At most `maxInstances` are kept while it runs.
 * After the work, every instance whose heap is past the budget (and every instance used, when the work
 * failed) is dropped so the next caller gets a fresh one.
 */
export async function withEngine<T>(
  models: ModelSource,
  work: (engineFor: (model: string) => Promise<OCREngine>) => Promise<T>,
  { heapBudgetBytes = HEAP_BUDGET_BYTES, maxInstances = MAX_INSTANCES }: { heapBudgetBytes?: number; maxInstances?: number } = {},
): Promise<T> {
  const run = queue.then(async () => {
    const used = new Set<string>();
    let failed = false;
    try {
      return await work((model) => {
        used.add(model);
        return instanceFor(models, model, maxInstances).then((built) => built.engine);
      });
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      for (const [model, pending] of [...instances]) {
        const built = await pending.catch(() => undefined);
        if (built && ((failed && used.has(model)) || built.lib.HEAPU8.byteLength > heapBudgetBytes)) dropInstance(model, built);
      }
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Drops every instance (after any run in progress), so their heaps can be reclaimed: for decoding and
 * drawing on a large picture, which needs the room more than the next request needs its models loaded.
 * The next run builds what it uses again.
 */
export function releaseEngines(): Promise<void> {
  const release = queue.then(async () => {
    for (const [model, pending] of [...instances]) {
      const built = await pending.catch(() => undefined);
      if (built) dropInstance(model, built);
      else instances.delete(model);
    }
  });
  queue = release.catch(() => undefined);
  return release;
}

function instanceFor(models: ModelSource, model: string, maxInstances: number): Promise<EngineInstance> {
  let pending = instances.get(model);
  if (pending) {
    instances.delete(model); // re-insert: Map order is least recently used first
    instances.set(model, pending);
    return pending;
  }
  for (const [oldest, old] of instances) {
    if (instances.size < maxInstances) break;
    instances.delete(oldest);
    old.then((built) => built.engine.destroy(), () => undefined);
  }
  pending = buildInstance(models, model);
  instances.set(model, pending);
  pending.catch(() => {
    if (instances.get(model) === pending) instances.delete(model);
  });
  return pending;
}

async function buildInstance(models: ModelSource, model: string): Promise<EngineInstance> {
  const bytes = await models(model);
  const engine = await instantiate(simdModule);
  builds++;
  try {
    engine.loadModel(bytes);
  } catch (error) {
    engine.destroy();
    throw error;
  }
  const lib = (engine as unknown as { _tesseractLib: TesseractLib })._tesseractLib;
  return { lib, engine };
}

function dropInstance(model: string, built: EngineInstance): void {
  built.engine.destroy();
  // Runs are queued, so the instance being dropped is the current one for its model.
  instances.delete(model);
}

/**
 * Instantiates tesseract-wasm from a precompiled module. The library only ever calls
 * `WebAssembly.instantiate(bytes, imports)` with the `wasmBinary` we pass it; we pass a marker buffer
 * and, for the duration of the call, answer instantiate requests for that marker with the module.
 * Every other caller reaches the real function.
 */
async function instantiate(module: WebAssembly.Module): Promise<OCREngine> {
  const marker = new ArrayBuffer(8);
  const original = WebAssembly.instantiate;
  const patched = function (source: unknown, imports?: WebAssembly.Imports) {
    if (ArrayBuffer.isView(source) && source.buffer === marker) {
      return original(module, imports).then((wasmInstance) => ({ instance: wasmInstance, module }));
    }
    return (original as (...args: unknown[]) => unknown).apply(WebAssembly, [source, imports]);
  } as typeof WebAssembly.instantiate;
  WebAssembly.instantiate = patched;
  try {
    return await createOCREngine({ wasmBinary: marker });
  } finally {
    if (WebAssembly.instantiate === patched) WebAssembly.instantiate = original;
  }
}

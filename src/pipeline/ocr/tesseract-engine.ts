/**
 * The Tesseract engine of this isolate. tesseract-wasm is built for browsers: it compiles its .wasm
 * from bytes, which Workers forbid, so we import the precompiled modules (wrangler hands us a
 * WebAssembly.Module) and give the library a stand-in for the bytes that our own instantiate step
 * recognises. One WebAssembly instance is created lazily per isolate and reused; inside it we keep a
 * Tesseract API object per loaded model (the first-pass Latin model and the last language model used)
 * so that switching between them costs nothing. WebAssembly memory never shrinks, so once a run leaves
 * the heap above HEAP_BUDGET_BYTES the instance is dropped and the next run builds a fresh one.
 */
import { createOCREngine, type OCREngine } from 'tesseract-wasm';
// The package's exports map hides dist/, so the module is imported by path. Only the SIMD build is
// bundled: V8 in workerd always has WebAssembly SIMD, so the package's non-SIMD fallback could never
// run on Workers and would cost 0.7 MB (gzip) of the 3 MB script budget.
import simdModule from '../../../node_modules/tesseract-wasm/dist/tesseract-core.wasm';
import type { ModelSource } from './models';

/**
 * Drop the instance after a run that leaves its heap above this. The heap is 16–23 MiB in steady use
 * (lines are read one small crop at a time); an isolate has 128 MB for everything, input image included.
 */
export const HEAP_BUDGET_BYTES = 40 * 1024 * 1024;

/** Models kept loaded at once: the Latin first-pass model and one language model. */
const MAX_LOADED_MODELS = 2;

/** The Emscripten module object behind an OCREngine (tesseract-wasm keeps it in `_tesseractLib`). */
interface TesseractLib {
  HEAPU8: Uint8Array;
}

interface EngineInstance {
  lib: TesseractLib;
  /** Builds another Tesseract API object inside the same WebAssembly instance. */
  newEngine: () => OCREngine;
  /** One engine per loaded model, least recently used first. */
  engines: Map<string, OCREngine>;
  spare: OCREngine | undefined;
}

let instance: Promise<EngineInstance> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let builds = 0;

/** How many WebAssembly instances this isolate has built (tests use it to see the budget at work). */
export function engineBuildCount(): number {
  return builds;
}

/** Size of the current engine heap in bytes, or 0 when no engine exists. */
export async function engineHeapBytes(): Promise<number> {
  if (!instance) return 0;
  const built = await instance.catch(() => undefined);
  return built ? built.lib.HEAPU8.byteLength : 0;
}

/**
 * Runs `work` with exclusive use of the isolate's engine; `engineFor(model)` returns an engine with
 * that model loaded. Calls are queued: Tesseract is synchronous and keeps one image per engine, so two
 * requests in the same isolate must not interleave. After the work, an engine whose heap grew past the
 * budget (or that failed) is dropped so the next caller gets a fresh one.
 */
export async function withEngine<T>(
  models: ModelSource,
  work: (engineFor: (model: string) => Promise<OCREngine>) => Promise<T>,
  heapBudgetBytes = HEAP_BUDGET_BYTES,
): Promise<T> {
  const run = queue.then(async () => {
    const built = await getInstance();
    let failed = false;
    try {
      return await work((model) => engineWithModel(built, models, model));
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      if (failed || built.lib.HEAPU8.byteLength > heapBudgetBytes) dropInstance(built);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

function getInstance(): Promise<EngineInstance> {
  if (!instance) {
    instance = buildInstance();
    instance.catch(() => (instance = undefined));
  }
  return instance;
}

async function buildInstance(): Promise<EngineInstance> {
  const first = await instantiate(simdModule);
  builds++;
  const lib = (first as unknown as { _tesseractLib: TesseractLib })._tesseractLib;
  const Engine = first.constructor as new (lib: TesseractLib) => OCREngine;
  return { lib, newEngine: () => new Engine(lib), engines: new Map(), spare: first };
}

function dropInstance(built: EngineInstance): void {
  for (const engine of built.engines.values()) engine.destroy();
  built.spare?.destroy();
  built.engines.clear();
  built.spare = undefined;
  // Runs are queued, so the instance being dropped is the current one.
  instance = undefined;
}

async function engineWithModel(built: EngineInstance, models: ModelSource, model: string): Promise<OCREngine> {
  const loaded = built.engines.get(model);
  if (loaded) {
    built.engines.delete(model);
    built.engines.set(model, loaded);
    return loaded;
  }
  const bytes = await models(model);
  while (built.engines.size >= MAX_LOADED_MODELS) {
    const [oldest, engine] = built.engines.entries().next().value as [string, OCREngine];
    engine.destroy();
    built.engines.delete(oldest);
  }
  const engine = built.spare ?? built.newEngine();
  built.spare = undefined;
  engine.loadModel(bytes);
  built.engines.set(model, engine);
  return engine;
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

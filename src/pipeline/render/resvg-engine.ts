/**
 * resvg (SVG rendering in WebAssembly) for this isolate. Workers cannot compile WebAssembly from bytes,
 * so the module is imported by path (wrangler hands us a compiled WebAssembly.Module) and instantiated
 * once per isolate, on the first drawing. resvg-wasm keeps its instance private and its heap never
 * shrinks, so callers keep every render small (see render-translations.ts) and we hold on to the
 * instance's memory only to report its size.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
// The package exports its .wasm by path; wrangler's default rule turns it into a compiled module.
import resvgModule from '@resvg/resvg-wasm/index_bg.wasm';
import { FONT_FAMILY } from './fonts';

export interface Pixmap {
  width: number;
  height: number;
  /** Premultiplied RGBA, as resvg renders it. */
  pixels: Uint8Array;
}

let ready: Promise<void> | undefined;
let memory: WebAssembly.Memory | undefined;

/** Instantiates resvg once per isolate; concurrent callers share the one instantiation. */
export function ensureResvg(): Promise<void> {
  if (!ready) {
    ready = instantiate();
    ready.catch(() => (ready = undefined));
  }
  return ready;
}

/** Bytes in resvg's WebAssembly heap (0 before the first drawing). */
export function resvgHeapBytes(): number {
  return memory?.buffer.byteLength ?? 0;
}

/**
 * Renders an SVG document at its own pixel size with only `fonts` available (no system fonts: workerd
 * has none, and results must not depend on the machine). Call `ensureResvg` first. Frees everything it
 * allocates in the WebAssembly heap before returning.
 */
export function renderSvg(svg: string, fonts: Uint8Array[]): Pixmap {
  const resvg = new Resvg(svg, {
    font: { fontBuffers: fonts, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
  });
  try {
    const rendered = resvg.render();
    try {
      // The getter copies the pixmap out of the WebAssembly heap.
      return { width: rendered.width, height: rendered.height, pixels: rendered.pixels };
    } finally {
      rendered.free();
    }
  } finally {
    resvg.free();
  }
}

/**
 * initWasm instantiates the module it is given with WebAssembly.instantiate and keeps the instance to
 * itself; for the duration of that call we watch instantiate to learn the instance's memory.
 */
async function instantiate(): Promise<void> {
  const original = WebAssembly.instantiate;
  const watching = function (source: unknown, imports?: WebAssembly.Imports) {
    const result = (original as (...args: unknown[]) => Promise<unknown>).apply(WebAssembly, [source, imports]);
    if (source !== resvgModule) return result;
    return result.then((instance) => {
      const exported = (instance as WebAssembly.Instance).exports.memory;
      if (exported instanceof WebAssembly.Memory) memory = exported;
      return instance;
    });
  } as typeof WebAssembly.instantiate;
  WebAssembly.instantiate = watching;
  try {
    await initWasm(resvgModule);
  } finally {
    if (WebAssembly.instantiate === watching) WebAssembly.instantiate = original;
  }
}

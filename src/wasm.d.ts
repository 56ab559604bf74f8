// wrangler (and the Workers vitest pool) turn an imported .wasm file into a compiled WebAssembly.Module.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}

// mozjpeg's Emscripten glue (@jsquash/jpeg), imported by path: the package's decode.js keeps one
// instance for the isolate's life, which we must not (see src/pipeline/image/jpeg-decode.ts).
declare module '@jsquash/jpeg/codec/dec/mozjpeg_dec.js' {
  interface MozJpegDecoder {
    decode(data: BufferSource, preserveOrientation: boolean): { data: Uint8ClampedArray; width: number; height: number } | null;
  }
  const factory: (options: {
    noInitialRun: boolean;
    instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => WebAssembly.Exports;
  }) => Promise<MozJpegDecoder>;
  export default factory;
}

// wrangler.toml's Data rule (and the Workers vitest pool, which reads it) turns an imported .ttf file into an ArrayBuffer.
declare module '*.ttf' {
  const bytes: ArrayBuffer;
  export default bytes;
}

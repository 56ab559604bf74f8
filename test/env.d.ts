// Test-only bindings, added by vitest.config.ts on top of the generated Env.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** Provider keys for the opt-in live translation tests; empty unless set in the shell. */
    LIVE_TRANSLATION_ENV?: Record<string, string>;
  }
}
declare module '*?inline' {
  const dataUrl: string;
  export default dataUrl;
}

// Vite's import.meta.glob, used to inline a folder of fixtures.
interface ImportMeta {
  glob<T = unknown>(pattern: string, options: { query?: string; eager: true; import?: string }): Record<string, T>;
}

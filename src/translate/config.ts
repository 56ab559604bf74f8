/**
 * The translation configuration, read from environment variables, secrets and bindings and checked
 * with zod once, so a wrong setting fails with a message that says what to set instead of failing
 * on the first image. See docs/translation.md for every setting.
 */
import { z } from 'zod';
import { TranslationConfigError } from './errors';
import { EN_VARIANTS, PT_VARIANTS, type RegionalVariants } from './regional-variants';
import { ENGINE_NAMES, type EngineName } from './types';

/** The Workers AI binding's `run`, as much of it as the engine uses (tests pass a binding with the same contract). */
export interface AiBinding {
  run(model: string, inputs: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
}

/** What createTranslator reads from the Worker environment (all optional; Env is assignable to it). */
export interface TranslationEnv {
  TRANSLATION_ENGINE?: string;
  TRANSLATION_FALLBACK?: string;
  TRANSLATION_TIMEOUT_MS?: string;
  TRANSLATION_EN_VARIANT?: string;
  TRANSLATION_PT_VARIANT?: string;
  WORKERS_AI_MODEL?: string;
  DEEPL_API_KEY?: string;
  DEEPL_API_URL?: string;
  GOOGLE_TRANSLATE_API_KEY?: string;
  GOOGLE_TRANSLATE_URL?: string;
  AZURE_TRANSLATOR_KEY?: string;
  AZURE_TRANSLATOR_REGION?: string;
  AZURE_TRANSLATOR_ENDPOINT?: string;
  LIBRETRANSLATE_URL?: string;
  LIBRETRANSLATE_API_KEY?: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL?: string;
  AI?: AiBinding;
  ASSETS?: Fetcher;
}

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().optional());
const optionalUrl = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().replace(/\/+$/u, '') : v),
  z.url({ protocol: /^https?$/u, message: 'must be an http(s) URL' }).optional(),
);
// The value is named in the message: engine names and variants are settings, never secrets.
const engineName = z.enum(ENGINE_NAMES, { error: (issue) => `is "${String(issue.input)}"; it must be one of ${ENGINE_NAMES.join(', ')}` });
/** A variant setting, matched without regard to case ("en-us" is en-US); `fallback` when unset. */
const variant = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z.preprocess(
    (v) => (typeof v !== 'string' || v.trim() === '' ? fallback : (values.find((x) => x.toLowerCase() === v.trim().toLowerCase()) ?? v.trim())),
    z.enum(values, { error: (issue) => `is "${String(issue.input)}"; it must be ${values.join(' or ')}` }),
  );

const schema = z
  .object({
    TRANSLATION_ENGINE: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : 'offline'), engineName),
    TRANSLATION_FALLBACK: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : []),
      z.array(engineName),
    ),
    TRANSLATION_TIMEOUT_MS: z.preprocess((v) => (v === undefined || v === '' ? 25_000 : Number(v)), z.number().int().min(1_000).max(300_000)),
    TRANSLATION_EN_VARIANT: variant([...EN_VARIANTS], 'en-GB'),
    TRANSLATION_PT_VARIANT: variant([...PT_VARIANTS], 'pt-PT'),
    WORKERS_AI_MODEL: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : '@cf/meta/m2m100-1.2b'), z.string()),
    DEEPL_API_KEY: optionalText,
    DEEPL_API_URL: optionalUrl,
    GOOGLE_TRANSLATE_API_KEY: optionalText,
    GOOGLE_TRANSLATE_URL: optionalUrl,
    AZURE_TRANSLATOR_KEY: optionalText,
    AZURE_TRANSLATOR_REGION: optionalText,
    AZURE_TRANSLATOR_ENDPOINT: optionalUrl,
    LIBRETRANSLATE_URL: optionalUrl,
    LIBRETRANSLATE_API_KEY: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: optionalText,
    hasAi: z.boolean(),
    hasAssets: z.boolean(),
  })
  .superRefine((c, ctx) => {
    const chain = [c.TRANSLATION_ENGINE, ...c.TRANSLATION_FALLBACK];
    const need = (ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', message });
    };
    if (new Set(chain).size !== chain.length) need(false, `TRANSLATION_FALLBACK repeats an engine (${chain.join(' > ')})`);
    for (const engine of new Set(chain)) {
      if (engine === 'workers-ai') need(c.hasAi, 'engine "workers-ai" needs the AI binding ([ai] binding = "AI"; run `npm run dev:remote` locally or deploy with `npm run deploy`)');
      if (engine === 'offline') need(c.hasAssets, 'engine "offline" needs the ASSETS binding serving public/ (the [assets] section of wrangler.toml)');
      if (engine === 'deepl') need(!!c.DEEPL_API_KEY, 'engine "deepl" needs the secret DEEPL_API_KEY (`wrangler secret put DEEPL_API_KEY`, or .dev.vars locally)');
      if (engine === 'google') need(!!c.GOOGLE_TRANSLATE_API_KEY, 'engine "google" needs the secret GOOGLE_TRANSLATE_API_KEY');
      if (engine === 'azure') need(!!c.AZURE_TRANSLATOR_KEY, 'engine "azure" needs the secret AZURE_TRANSLATOR_KEY (and AZURE_TRANSLATOR_REGION for a regional resource)');
      if (engine === 'libretranslate') need(!!c.LIBRETRANSLATE_URL, 'engine "libretranslate" needs LIBRETRANSLATE_URL, the base URL of your LibreTranslate server');
      if (engine === 'openai') need(!!c.OPENAI_API_KEY, 'engine "openai" needs the secret OPENAI_API_KEY (and OPENAI_BASE_URL / OPENAI_MODEL for other providers)');
    }
  });

export type TranslationConfig = z.infer<typeof schema> & { chain: EngineName[]; variants: RegionalVariants };

/**
 * Validates the translation settings of `env`. Throws TranslationConfigError listing every problem,
 * each naming the variable to set.
 */
export function parseTranslationConfig(env: TranslationEnv): TranslationConfig {
  const { AI, ASSETS, ...vars } = env;
  const result = schema.safeParse({ ...pickStrings(vars), hasAi: typeof AI?.run === 'function', hasAssets: typeof ASSETS?.fetch === 'function' });
  if (!result.success) {
    throw new TranslationConfigError(
      result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message)),
    );
  }
  return {
    ...result.data,
    chain: [result.data.TRANSLATION_ENGINE, ...result.data.TRANSLATION_FALLBACK],
    variants: { en: result.data.TRANSLATION_EN_VARIANT, pt: result.data.TRANSLATION_PT_VARIANT },
  };
}

function pickStrings(vars: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = vars[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

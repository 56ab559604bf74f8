/**
 * The Worker's configuration, read from vars and secrets and validated once per isolate. A missing or
 * malformed setting fails every request with a clear log line for the operator (and a 503 for the
 * client) instead of misbehaving later.
 */
import { z } from 'zod';
import { fromBase64 } from './security/encoding';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number) =>
  z
    .string()
    .default(String(fallback))
    .transform((v) => Number(v))
    .pipe(z.number().int().positive());

export const ConfigSchema = z.object({
  URL_SIGNING_SECRET: z.string({ error: 'URL_SIGNING_SECRET is not set (wrangler secret put URL_SIGNING_SECRET)' }).min(32, 'URL_SIGNING_SECRET must be at least 32 characters'),
  DATA_ENCRYPTION_KEY: z
    .string({ error: 'DATA_ENCRYPTION_KEY is not set (wrangler secret put DATA_ENCRYPTION_KEY)' })
    .refine((v) => {
      try {
        return fromBase64(v).byteLength === 32;
      } catch {
        return false;
      }
    }, 'DATA_ENCRYPTION_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)'),
  SIGNED_URL_TTL_SECONDS: positiveInt(86_400),
  TRANSLATE_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  /** Development only: lets batches use http://localhost webhooks. */
  ALLOW_INSECURE_WEBHOOKS: flag,
  /** Origin used in signed URLs when the Worker sits behind a proxy that rewrites the host. */
  PUBLIC_BASE_URL: z.url().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const cache = new WeakMap<object, Config>();

/** Parses and caches the configuration for this env object; throws ConfigError naming every problem. */
export function readConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)));
  }
  cache.set(env, parsed.data);
  return parsed.data;
}

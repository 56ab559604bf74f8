/** Signs object URLs for responses, against the origin clients used (or PUBLIC_BASE_URL when set). */
import type { Config } from '../config';
import { signObjectUrl } from './signed-urls';

export type UrlSigner = (key: string) => Promise<string>;

export function urlSigner(config: Config, requestUrl: string): UrlSigner {
  const baseUrl = config.PUBLIC_BASE_URL ?? new URL(requestUrl).origin;
  return (key) => signObjectUrl({ baseUrl, key, secret: config.URL_SIGNING_SECRET, ttlSeconds: config.SIGNED_URL_TTL_SECONDS });
}

// Prepares a fresh clone for `npm start`: writes .dev.vars with random local secrets the first time.
// Nothing here is used in production, where secrets are set with `wrangler secret put`.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../.dev.vars', import.meta.url);
const wanted = {
  URL_SIGNING_SECRET: () => randomBytes(32).toString('base64url'),
  DATA_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
};

const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
const missing = Object.keys(wanted).filter((name) => !new RegExp(`^${name}=`, 'm').test(current));
if (missing.length > 0) {
  const lines = missing.map((name) => `${name}=${wanted[name]()}`);
  const prefix = current && !current.endsWith('\n') ? '\n' : '';
  writeFileSync(path, current + prefix + lines.join('\n') + '\n');
  console.log(`dev-setup: wrote local ${missing.join(', ')} to .dev.vars`);
}

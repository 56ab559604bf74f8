// Operator command: creates an account (if it does not exist) and a new API key for it, in the local
// D1 database that `npm start` uses, or in the deployed one with --remote. Prints the key as the last
// line of output; it is shown only this once (only its SHA-256 is stored).
//
//   npm run key:create -- --account NAME [--name KEY_NAME] [--remote]
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const USAGE = 'Usage: npm run key:create -- --account NAME [--name KEY_NAME] [--remote]   (NAME, KEY_NAME: 1–100 characters)';
let values;
try {
  ({ values } = parseArgs({
    options: {
      account: { type: 'string' },
      name: { type: 'string', default: 'cli' },
      remote: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}

// The same rules as POST /api/v1/keys, so a key made here looks like one made through the API.
const account = values.account?.trim();
const keyName = values.name.trim();
if (!account || account.length > 100 || !keyName || keyName.length > 100) {
  console.error(USAGE);
  process.exit(2);
}

// Generate the key with the Worker's own code, so the format can never drift from what auth accepts.
const bundled = await build({
  stdin: {
    contents: `export { generateApiKey } from './src/security/api-key-format'; export { newId } from './src/security/random';`,
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
});
const { generateApiKey, newId } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const { key, prefix, hash } = await generateApiKey();

const target = values.remote ? '--remote' : '--local';
function wrangler(args) {
  try {
    return execFileSync('npx', ['wrangler', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } }).toString();
  } catch (error) {
    console.error(`key:create failed running "wrangler ${args.slice(0, 4).join(' ')} …":\n${error.stderr?.toString() || error.message}`);
    process.exit(1);
  }
}

// Bring the database to the current schema first: a fresh clone may never have run `npm start`.
wrangler(['d1', 'migrations', 'apply', 'DB', target]);

const quote = (text) => `'${String(text).replaceAll("'", "''")}'`;
const now = new Date().toISOString();
const sql = [
  `INSERT INTO accounts (id, name, created_at) VALUES (${quote(newId('acct'))}, ${quote(account)}, ${quote(now)}) ON CONFLICT (name) DO NOTHING;`,
  `INSERT INTO api_keys (id, account_id, name, prefix, key_hash, created_at)
     SELECT ${quote(newId('key'))}, id, ${quote(keyName)}, ${quote(prefix)}, ${quote(hash)}, ${quote(now)} FROM accounts WHERE name = ${quote(account)};`,
].join('\n');
wrangler(['d1', 'execute', 'DB', target, '--command', sql]);

console.log(`Created an API key "${keyName}" for account "${account}" (${values.remote ? 'remote' : 'local'} database).`);
console.log('Store it now: it is shown only once.');
console.log(key);

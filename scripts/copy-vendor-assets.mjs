// Copies the API docs viewer (Swagger UI, from the swagger-ui-dist package) into public/vendor so /docs
// works offline and is served as a static asset. Runs after `npm install`; the copies are not committed.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let source;
try {
  source = dirname(require.resolve('swagger-ui-dist/package.json'));
} catch {
  console.log('copy-vendor-assets: swagger-ui-dist is not installed (production install?); /docs will lack its viewer');
  process.exit(0);
}
const target = new URL('../public/vendor/swagger-ui/', import.meta.url).pathname;
mkdirSync(target, { recursive: true });
for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE']) {
  if (existsSync(join(source, file))) copyFileSync(join(source, file), join(target, file));
}

// Builds our WebAssembly kernels from their AssemblyScript sources (`npm run build:wasm`) into
// wasm/build/, where they are committed so a fresh clone works without building. With `--check`
// (`npm run build:wasm:check`, run by CI) it builds into a temporary directory instead and fails if the
// result differs from the committed file: the sources and the .wasm must not drift apart. The build is
// deterministic for a given compiler, which is why package.json pins assemblyscript exactly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const asc = path.join(root, 'node_modules/.bin/asc');
const kernels = [{ config: 'wasm/inpaint/asconfig.json', output: 'wasm/build/inpaint.wasm' }];
const check = process.argv.includes('--check');

const scratch = check ? mkdtempSync(path.join(tmpdir(), 'build-wasm-')) : null;
let stale = 0;
try {
  for (const { config, output } of kernels) {
    const target = scratch ? path.join(scratch, path.basename(output)) : path.join(root, output);
    execFileSync(asc, ['--config', path.join(root, config), '--outFile', target], { stdio: 'inherit' });
    if (!scratch) {
      console.log(`built ${output}`);
      continue;
    }
    if (Buffer.compare(readFileSync(target), readFileSync(path.join(root, output))) === 0) {
      console.log(`${output} matches its sources`);
    } else {
      console.error(`${output} differs from a fresh build of ${config}: run npm run build:wasm and commit the result`);
      stale++;
    }
  }
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(stale ? 1 : 0);

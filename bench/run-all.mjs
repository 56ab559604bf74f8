#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another (they measure time, so never in parallel).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = Object.keys(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts).filter((name) => name.startsWith('bench:'));
let failed = 0;
for (const name of scripts) {
  console.log(`\n=== npm run ${name}`);
  try {
    execFileSync('npm', ['run', '-s', name], { stdio: 'inherit' });
  } catch {
    failed += 1;
    console.error(`${name} failed`);
  }
}
process.exit(failed ? 1 : 0);

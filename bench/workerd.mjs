// What the benchmarks share about running a Worker in workerd: starting one entrypoint with the
// project's wrangler.toml (no inspector: an attached debugger halves WebAssembly speed), and reading
// the workerd processes' memory (local workerd enforces no 128 MB limit, so the process is measured).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unstable_startWorker } from 'wrangler';

process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false'; // no network here: skip wrangler's Request.cf lookup
const root = path.resolve(import.meta.dirname, '..');

/** Starts `entrypoint` (relative to the project) with the project's bindings; dispose() it when done. */
export async function startBenchWorker(entrypoint) {
  const worker = await unstable_startWorker({
    config: path.join(root, 'wrangler.toml'),
    entrypoint: path.join(root, entrypoint),
    dev: { inspector: false, server: { port: 0 }, logLevel: 'error', persist: false, watch: false },
  });
  await worker.ready;
  return worker;
}

/** Resident and peak resident memory of a process, in MiB. */
export function memoryStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(text.match(new RegExp(`${key}:\\s+(\\d+)`))[1]);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Resets a process's peak (VmHWM := VmRSS), to measure the peak of what comes next. */
export function resetPeak(pid) {
  execFileSync('sh', ['-c', `echo 5 > /proc/${pid}/clear_refs`]);
}

/** The workerd processes started by this run: descendants of this Node process (the machine is shared). */
export function workerdPids() {
  const children = (pid) => execFileSync('sh', ['-c', `cat /proc/${pid}/task/*/children 2>/dev/null || true`]).toString().split(/\s+/).filter(Boolean);
  const pids = [];
  const queue = [String(process.pid)];
  while (queue.length) {
    const pid = queue.shift();
    for (const child of children(pid)) {
      try {
        if (readFileSync(`/proc/${child}/comm`, 'utf8').trim() === 'workerd') pids.push(child);
      } catch {
        continue; // a short-lived helper process that has already exited
      }
      queue.push(child);
    }
  }
  if (pids.length === 0) throw new Error('workerd process not found');
  return pids;
}

/**
 * Connected components of a binary image described as horizontal runs (8-connected). Text detection
 * labels two such images per page (dark-on-light and light-on-dark candidates) of up to ~3 MP; runs keep
 * that fast and small, since text pixels come in short horizontal runs and no per-pixel label map is
 * ever allocated.
 */

/** Horizontal runs of set pixels, row by row (rows ascending, runs left to right within a row). */
export class RunList {
  count = 0;
  row = new Int32Array(4096);
  start = new Int32Array(4096);
  /** Exclusive. */
  end = new Int32Array(4096);

  push(row: number, start: number, end: number): void {
    if (this.count === this.row.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.row = grow(this.row);
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.row[this.count] = row;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }
}

export interface Components {
  count: number;
  /** Component index of each run. */
  runComponent: Int32Array;
  minX: Int32Array;
  minY: Int32Array;
  /** Exclusive. */
  maxX: Int32Array;
  /** Exclusive. */
  maxY: Int32Array;
  area: Int32Array;
}

/** Labels the 8-connected components formed by `runs`. */
export function labelRuns(runs: RunList): Components {
  const n = runs.count;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };

  // Walk rows; `prevStart..prevEnd` are the runs of the row above.
  let prevStart = 0;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    const row = runs.row[i];
    let rowEnd = i;
    while (rowEnd < n && runs.row[rowEnd] === row) rowEnd++;
    const abovePresent = prevEnd > prevStart && runs.row[prevStart] === row - 1;
    if (abovePresent) {
      let j = prevStart;
      for (let k = i; k < rowEnd; k++) {
        const a = runs.start[k] - 1;
        const b = runs.end[k] + 1;
        while (j < prevEnd && runs.end[j] <= a) j++;
        for (let m = j; m < prevEnd && runs.start[m] < b; m++) {
          const ra = find(k);
          const rb = find(m);
          if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
    prevStart = i;
    prevEnd = rowEnd;
    i = rowEnd;
  }

  const runComponent = new Int32Array(n);
  const index = new Int32Array(n).fill(-1);
  let count = 0;
  for (let k = 0; k < n; k++) {
    const root = find(k);
    if (index[root] < 0) index[root] = count++;
    runComponent[k] = index[root];
  }
  const minX = new Int32Array(count).fill(2 ** 30);
  const minY = new Int32Array(count).fill(2 ** 30);
  const maxX = new Int32Array(count);
  const maxY = new Int32Array(count);
  const area = new Int32Array(count);
  for (let k = 0; k < n; k++) {
    const c = runComponent[k];
    const y = runs.row[k];
    if (runs.start[k] < minX[c]) minX[c] = runs.start[k];
    if (runs.end[k] > maxX[c]) maxX[c] = runs.end[k];
    if (y < minY[c]) minY[c] = y;
    if (y + 1 > maxY[c]) maxY[c] = y + 1;
    area[c] += runs.end[k] - runs.start[k];
  }
  return { count, runComponent, minX, minY, maxX, maxY, area };
}

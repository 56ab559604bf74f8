/**
 * A dictionary held as its sorted TSV text ("key\tvalue" lines, keys lower-case, sorted by UTF-16
 * code units) plus an index of line starts, looked up by binary search. This keeps a 100k-entry
 * dictionary at roughly its file size in memory (a Map would take several times more), which matters
 * inside a 128 MB isolate that also runs OCR.
 */
export class SortedDictionary {
  private readonly lineStarts: Uint32Array;

  constructor(private readonly text: string) {
    let count = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
    const starts = new Uint32Array(count + 1);
    let n = 0;
    if (text.length > 0) starts[n++] = 0;
    for (let i = 0; i < text.length - 1; i++) if (text.charCodeAt(i) === 10) starts[n++] = i + 1;
    this.lineStarts = starts.subarray(0, n);
  }

  get size(): number {
    return this.lineStarts.length;
  }

  /** The value stored for `key` (already normalised), or undefined. */
  get(key: string): string | undefined {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.lineStarts[mid];
      const tab = this.text.indexOf('\t', start);
      const candidate = this.text.slice(start, tab);
      if (candidate === key) {
        const end = this.text.indexOf('\n', tab);
        return this.text.slice(tab + 1, end === -1 ? this.text.length : end);
      }
      if (candidate < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

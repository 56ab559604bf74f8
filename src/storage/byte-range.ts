/**
 * The `Range` header of GET /files, per RFC 9110 §14: one `bytes=` range is served as 206; a range
 * that starts past the end is 416; anything else (another unit, several ranges, bad syntax) is
 * ignored and the whole object served, which the RFC allows and every client understands.
 */

export type ByteRange = { kind: 'none' } | { kind: 'unsatisfiable' } | { kind: 'range'; offset: number; length: number };

/** What a Range header asks of an object of `size` bytes. */
export function parseByteRange(header: string | undefined | null, size: number): ByteRange {
  if (!header) return { kind: 'none' };
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'none' };
  const [first, last] = [match[1], match[2]];
  if (first === '') {
    // A suffix: the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    const length = Math.min(suffix, size);
    return { kind: 'range', offset: size - length, length };
  }
  const offset = Number(first);
  if (last !== '' && Number(last) < offset) return { kind: 'none' }; // syntactically invalid: ignore it
  if (offset >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'range', offset, length: end - offset + 1 };
}

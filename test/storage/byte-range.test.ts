import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../src/storage/byte-range';

describe('parseByteRange', () => {
  it.each([
    [undefined, 10, { kind: 'none' }],
    ['bytes=0-0', 10, { kind: 'range', offset: 0, length: 1 }],
    ['bytes=2-4', 10, { kind: 'range', offset: 2, length: 3 }],
    ['bytes=2-', 10, { kind: 'range', offset: 2, length: 8 }],
    ['bytes=-4', 10, { kind: 'range', offset: 6, length: 4 }],
    ['bytes=-40', 10, { kind: 'range', offset: 0, length: 10 }],
    ['bytes=9-99', 10, { kind: 'range', offset: 9, length: 1 }],
    ['bytes=10-', 10, { kind: 'unsatisfiable' }],
    ['bytes=-0', 10, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=4-2', 10, { kind: 'none' }],
    ['bytes=-', 10, { kind: 'none' }],
    ['bytes=1-2,4-5', 10, { kind: 'none' }],
    ['bytes=a-b', 10, { kind: 'none' }],
    ['pages=1-2', 10, { kind: 'none' }],
  ])('%s of %i bytes', (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});

/**
 * What each pixel of a tile is (known, trusted as a source, settled) and the order masked pixels are
 * filled in: from the outside in, by chamfer distance to the known pixels. Mirrors tileFlags and
 * fillOrder in src/pipeline/render/inpaint-reference-order.ts.
 */
import { BUCKETS, DISTANCE, DISTANCE_BUCKETS, FLAGS, MASK, ORDER, PAD, TILE_SIDE } from './layout';

export const KNOWN: u8 = 1;
/** Known, or filled already. */
export const VALID: u8 = 2;
/** Known, and no masked pixel among its 8 neighbours (its colour holds no letter fringe). */
export const TRUSTED: u8 = 4;


const INF: i32 = 65535;

@inline function masked(i: i32): bool {
  return load<u8>(MASK + <usize>i) != 0;
}

/** Sets the flags of a width × height tile on the grid padded by PAD (padding: no flags). */
export function computeFlags(width: i32, height: i32): void {
  const pw = width + 2 * PAD;
  memory.fill(FLAGS, 0, <usize>(pw * (height + 2 * PAD)));
  for (let y = 0; y < height; y++) {
    const row = FLAGS + <usize>((y + PAD) * pw + PAD);
    for (let x = 0; x < width; x++) if (!masked(y * width + x)) store<u8>(row + <usize>x, KNOWN | VALID);
  }
  // TRUSTED: no masked pixel among the 8 neighbours.
  markByNeighbourhood(width, height, 1, TRUSTED, false);
}

/**
 * Adds `bit` to the known pixels that have (`whenNear`) or have not a masked pixel within `radius`
 * (Chebyshev, inside the tile): running counts along rows, into DISTANCE (free until fillOrder), then
 * along columns. Mirrors the neighbourhood test of tileFlags in the reference.
 */
function markByNeighbourhood(width: i32, height: i32, radius: i32, bit: u8, whenNear: bool): void {
  const rows = DISTANCE;
  const r = radius;
  for (let y = 0; y < height; y++) {
    let count = 0;
    for (let x = 0; x < min(r, width); x++) count += <i32>masked(y * width + x);
    for (let x = 0; x < width; x++) {
      if (x + r < width) count += <i32>masked(y * width + x + r);
      if (x - r - 1 >= 0) count -= <i32>masked(y * width + x - r - 1);
      store<u8>(rows + <usize>(y * width + x), count > 0 ? 1 : 0);
    }
  }
  const pw = width + 2 * PAD;
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = 0; y < min(r, height); y++) count += <i32>load<u8>(rows + <usize>(y * width + x));
    for (let y = 0; y < height; y++) {
      if (y + r < height) count += <i32>load<u8>(rows + <usize>((y + r) * width + x));
      if (y - r - 1 >= 0) count -= <i32>load<u8>(rows + <usize>((y - r - 1) * width + x));
      const at = FLAGS + <usize>((y + PAD) * pw + x + PAD);
      const f = load<u8>(at);
      if (f & KNOWN && (count > 0) == whenNear) store<u8>(at, f | bit);
    }
  }
}

@inline function distanceAt(i: i32): i32 {
  return <i32>load<u16>(DISTANCE + (<usize>i << 1));
}

@inline function relax(i: i32, nx: i32, ny: i32, step: i32, width: i32, height: i32): void {
  if (nx < 0 || ny < 0 || nx >= width || ny >= height) return;
  const d = min(INF, distanceAt(ny * width + nx) + step);
  if (d < distanceAt(i)) store<u16>(DISTANCE + (<usize>i << 1), <u16>d);
}

@inline function bucketOf(d: i32): i32 {
  return d == INF ? 4 * TILE_SIDE + 1 : d;
}

/** Writes the masked pixels in fill order to ORDER; returns how many there are. */
export function fillOrder(width: i32, height: i32): i32 {
  const n = width * height;
  for (let i = 0; i < n; i++) store<u16>(DISTANCE + (<usize>i << 1), masked(i) ? <u16>INF : 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!masked(i)) continue;
      relax(i, x - 1, y, 3, width, height);
      relax(i, x - 1, y - 1, 4, width, height);
      relax(i, x, y - 1, 3, width, height);
      relax(i, x + 1, y - 1, 4, width, height);
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (!masked(i)) continue;
      relax(i, x + 1, y, 3, width, height);
      relax(i, x + 1, y + 1, 4, width, height);
      relax(i, x, y + 1, 3, width, height);
      relax(i, x - 1, y + 1, 4, width, height);
    }
  }
  memory.fill(BUCKETS, 0, <usize>DISTANCE_BUCKETS * 4);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!masked(i)) continue;
    const b = BUCKETS + (<usize>bucketOf(distanceAt(i)) << 2);
    store<i32>(b, load<i32>(b) + 1);
    count++;
  }
  let start = 0;
  for (let b = 0; b < DISTANCE_BUCKETS; b++) {
    const at = BUCKETS + (<usize>b << 2);
    const c = load<i32>(at);
    store<i32>(at, start);
    start += c;
  }
  for (let i = 0; i < n; i++) {
    if (!masked(i)) continue;
    const b = BUCKETS + (<usize>bucketOf(distanceAt(i)) << 2);
    const slot = load<i32>(b);
    store<i32>(ORDER + (<usize>slot << 2), i);
    store<i32>(b, slot + 1);
  }
  return count;
}

/**
 * Texture for the fill: every masked pixel, in fill order, copies the residual (pixel minus base) of
 * one known pixel whose neighbourhood matches its own, with a correction that fades out the step to its
 * settled neighbours. Mirrors synthesize and copyResidual in src/pipeline/render/inpaint-reference-synthesis.ts;
 * all arithmetic is on integers, so the order of the sums does not matter.
 */
import { BASE_RGBA, FLAGS, ORDER, PAD, PATCH_OFFSETS, PATCH_RESIDUAL, PATCH_VALID, RESIDUAL, SOURCE, TRIED } from './layout';
import { KNOWN, TRUSTED, VALID } from './order';
import { random } from './random';

const SEARCH_RADIUS: i32 = 48;
const RANDOM_CANDIDATES: i32 = 8;
/** Random candidates for a pixel that no filled neighbour suggests a source for. */
const FRONT_CANDIDATES: i32 = 32;
/** Weight of the base-colour difference to a candidate against one pixel of residual mismatch. */
const BASE_MATCH_WEIGHT: i64 = 16;
/** A candidate that does not continue a neighbour's copy must score this many times better. */
const COHERENCE_BIAS: i64 = 2;
/** Weights (of 8) of the step to a known and to a filled neighbour in the seam correction. */
const SEAM_KNOWN_WEIGHT: i32 = 8;
const SEAM_FILLED_WEIGHT: i32 = 7;

// The pixel being filled and the best candidate so far (AssemblyScript has no closures).
let width: i32 = 0;
let height: i32 = 0;
let pw: i32 = 0;
let pad: i32 = 0;
let current: i32 = 0; // tile index
let currentPadded: i32 = 0;
let validCount: i32 = 0;
let best: i32 = -1;
let bestX: i32 = 0;
let bestY: i32 = 0;
let bestNum: i64 = 0;
let bestDen: i64 = 1;
let bestUntrusted: bool = false;

@inline function flagAt(p: i32): u8 {
  return load<u8>(FLAGS + <usize>p);
}

@inline function residualAt(p: i32, c: i32): i32 {
  return <i32>load<i16>(RESIDUAL + (<usize>p << 3) + (<usize>c << 1));
}

@inline function sourceAt(t: i32): i32 {
  return load<i32>(SOURCE + (<usize>t << 2));
}

/** Scores source candidate (qx, qy) for the current pixel and keeps it if it is the best so far. */
function consider(qx: i32, qy: i32, coherent: bool): void {
  if (qx < 0 || qy < 0 || qx >= width || qy >= height) return;
  const q = qy * pw + qx + pad;
  const f = flagAt(q);
  if (!(f & KNOWN)) return;
  const untrusted = !(f & TRUSTED);
  const bias: i64 = coherent ? 1 : COHERENCE_BIAS;
  // Candidates that cannot win are dropped before their patch is compared (the reference compares them
  // and loses them; the choice is the same): an untrusted source never beats a trusted best...
  if (best >= 0 && untrusted && !bestUntrusted) return;
  const qt = qy * width + qx;
  let dl: i32 = 0;
  for (let c = 0; c < 4; c++) {
    const d = <i32>load<u8>(BASE_RGBA + (<usize>current << 2) + <usize>c) - <i32>load<u8>(BASE_RGBA + (<usize>qt << 2) + <usize>c);
    dl += d * d;
  }
  // ...and, within one trust class, the score (ssd / n + 16 dl) × bias is at least 16 dl × bias, and
  // at least (ssd so far / validCount + 16 dl) × bias while the patch is being summed.
  const sameClass = best >= 0 && untrusted == bestUntrusted;
  const floor: i64 = <i64>dl * BASE_MATCH_WEIGHT * bias;
  if (sameClass && floor * bestDen >= bestNum) return;
  // Sum of squared residual differences over the patch pixels valid on both sides: four i16 channels
  // per pixel, squared and paired by one dot product. Residuals stay within ±255 (copyResidual), so
  // the 32-bit lanes cannot overflow and the integer sum equals the reference's in any order.
  let acc = i32x4.splat(0);
  let n: i32 = 0;
  for (let k = 0; k < validCount; k++) {
    const qo = q + load<i32>(PATCH_VALID + (<usize>k << 2));
    if (!(flagAt(qo) & VALID)) continue;
    n++;
    const d = i16x8.sub(v128.load64_zero(PATCH_RESIDUAL + (<usize>k << 3)), v128.load64_zero(RESIDUAL + (<usize>qo << 3)));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(d, d));
    if (sameClass && (k & 7) == 7) {
      const partial = <i64>(i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1));
      if ((partial * bias + floor * <i64>validCount) * bestDen >= bestNum * <i64>validCount) return;
    }
  }
  const ssd = i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1);
  const den: i64 = n > 0 ? n : 1;
  const num: i64 = (<i64>ssd + den * <i64>dl * BASE_MATCH_WEIGHT) * bias;
  const better = best < 0 || (untrusted != bestUntrusted ? !untrusted : num * bestDen < bestNum * den);
  if (better) {
    best = qt;
    bestX = qx;
    bestY = qy;
    bestNum = num;
    bestDen = den;
    bestUntrusted = untrusted;
  }
}

/** 32 random bits scaled to 0..n−1 by multiply and shift (as `below` in the reference). */
@inline function below(bits: u32, n: i32): i32 {
  return <i32>((<u64>bits * <u64>n) >> 32);
}

@inline function bound(v: i32): i32 {
  return max(-255, min(255, v));
}

/**
 * Sets the residual of masked pixel p (padded index) to that of source q plus the mean step to p's
 * settled 4-neighbours, full towards known ones and decayed towards filled ones.
 */
function copyResidual(p: i32, q: i32): void {
  let s0: i32 = 0;
  let s1: i32 = 0;
  let s2: i32 = 0;
  let s3: i32 = 0;
  let den: i32 = 0;
  for (let k = 0; k < 4; k++) {
    const o = k == 0 ? -pw : k == 1 ? -1 : k == 2 ? 1 : pw;
    const fp = flagAt(p + o);
    if (!(fp & VALID) || !(flagAt(q + o) & VALID)) continue;
    const w = fp & KNOWN ? SEAM_KNOWN_WEIGHT : SEAM_FILLED_WEIGHT;
    s0 += w * (residualAt(p + o, 0) - residualAt(q + o, 0));
    s1 += w * (residualAt(p + o, 1) - residualAt(q + o, 1));
    s2 += w * (residualAt(p + o, 2) - residualAt(q + o, 2));
    s3 += w * (residualAt(p + o, 3) - residualAt(q + o, 3));
    den += SEAM_KNOWN_WEIGHT;
  }
  // Beyond ±255 a residual only saturates the output; bounded, patch sums fit 32-bit lanes.
  const at = RESIDUAL + (<usize>p << 3);
  store<i16>(at, <i16>bound(residualAt(q, 0) + (den > 0 ? s0 / den : 0)));
  store<i16>(at + 2, <i16>bound(residualAt(q, 1) + (den > 0 ? s1 / den : 0)));
  store<i16>(at + 4, <i16>bound(residualAt(q, 2) + (den > 0 ? s2 / den : 0)));
  store<i16>(at + 6, <i16>bound(residualAt(q, 3) + (den > 0 ? s3 / den : 0)));
}

/** Fills the residual of the `count` masked pixels in ORDER for a width × height tile. */
export function synthesize(tileWidth: i32, tileHeight: i32, count: i32): void {
  width = tileWidth;
  height = tileHeight;
  pw = width + 2 * PAD;
  pad = PAD * pw + PAD;
  memory.fill(SOURCE, 0xff, <usize>(width * height) << 2);
  let k = 0;
  for (let dy = -PAD; dy <= PAD; dy++) {
    for (let dx = -PAD; dx <= PAD; dx++) {
      if (dx != 0 || dy != 0) store<i32>(PATCH_OFFSETS + (<usize>(k++) << 2), dy * pw + dx);
    }
  }

  for (let i = 0; i < count; i++) {
    const t = load<i32>(ORDER + (<usize>i << 2));
    const px = t % width;
    const py = t / width;
    const p = t + py * 2 * PAD + pad;
    current = t;
    currentPadded = p;
    validCount = 0;
    for (let j = 0; j < 24; j++) {
      const o = load<i32>(PATCH_OFFSETS + (<usize>j << 2));
      if (!(flagAt(p + o) & VALID)) continue;
      store<i32>(PATCH_VALID + (<usize>validCount << 2), o);
      store<u64>(PATCH_RESIDUAL + (<usize>validCount << 3), load<u64>(RESIDUAL + (<usize>(p + o) << 3)));
      validCount++;
    }
    best = -1;
    bestNum = 0;
    bestDen = 1;
    bestUntrusted = false;

    let triedCount = 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = px + dx;
        const ny = py + dy;
        if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const s = sourceAt(ny * width + nx);
        if (s < 0) continue;
        const qx = (s & 0xffff) - dx;
        const qy = (s >> 16) - dy;
        if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
        const q = qy * width + qx;
        let seen = false;
        for (let j = 0; j < triedCount; j++) if (load<i32>(TRIED + (<usize>j << 2)) == q) seen = true;
        if (seen) continue;
        store<i32>(TRIED + (<usize>(triedCount++) << 2), q);
        consider(qx, qy, true);
      }
    }
    const randoms = triedCount > 0 ? RANDOM_CANDIDATES : FRONT_CANDIDATES;
    for (let j = 0; j < randoms; j++) {
      const dx = below(random(), 2 * SEARCH_RADIUS + 1) - SEARCH_RADIUS;
      const dy = below(random(), 2 * SEARCH_RADIUS + 1) - SEARCH_RADIUS;
      consider(px + dx, py + dy, false);
    }
    for (let r = SEARCH_RADIUS >> 1; r >= 1; r >>= 1) {
      const dx = below(random(), 2 * r + 1) - r;
      const dy = below(random(), 2 * r + 1) - r;
      if (best >= 0) consider(bestX + dx, bestY + dy, false);
    }

    if (best >= 0) copyResidual(p, best + bestY * 2 * PAD + pad);
    // Sources are kept as (y << 16 | x): the coherence step needs coordinates, not an index.
    store<i32>(SOURCE + (<usize>t << 2), best >= 0 ? (bestY << 16) | bestX : -1);
    store<u8>(FLAGS + <usize>p, flagAt(p) | VALID);
  }
}

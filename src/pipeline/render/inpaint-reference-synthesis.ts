/**
 * Texture for the fill (step 2 of the algorithm described in inpaint-reference.ts) in plain TypeScript:
 * every masked pixel, in fill order, copies the residual of one known pixel whose neighbourhood matches
 * its own, with a correction that fades out the step to its settled neighbours.
 * wasm/inpaint/assembly/synthesis.ts and random.ts make the same choices.
 */
import { KNOWN, PATCH_RADIUS, TRUSTED, VALID } from './inpaint-reference-order';

const SEARCH_RADIUS = 48;
const RANDOM_CANDIDATES = 8;
/**
 * Weight of the base-colour difference between a pixel and a candidate source, against one pixel of
 * residual mismatch: residuals copied from where the base differs much (beside an edge, on another
 * surface) bring that place's structure with them.
 */
const BASE_MATCH_WEIGHT = 16;
/** A candidate that does not continue a neighbour's copy must score this many times better. */
const COHERENCE_BIAS = 2;
const FRONT_CANDIDATES = 32;
/** Weights (of 8) of the step to a known and to a filled neighbour in the seam correction. */
const SEAM_KNOWN_WEIGHT = 8;
const SEAM_FILLED_WEIGHT = 7;

/** 32 random bits scaled to 0..n−1 (multiply and shift: exact in float64, no division). */
function below(bits: number, n: number): number {
  return Math.floor((bits * n) / 4294967296);
}

/** Seed of the tile's random choices: depends only on where the tile is, so reruns repeat. */
export function tileSeed(x: number, y: number): number {
  const seed = (Math.imul(x + 1, 73856093) ^ Math.imul(y + 1, 19349663) ^ 0x9e3779b9) >>> 0;
  return seed === 0 ? 1 : seed;
}

/** Copies a residual into every masked pixel of `order`, in order. */
export function synthesize(order: Int32Array, flags: Uint8Array, L: Uint8Array, R: Int16Array, width: number, height: number, seed: number): void {
  const pw = width + 2 * PATCH_RADIUS;
  const pad = PATCH_RADIUS * pw + PATCH_RADIUS;
  const source = new Int32Array(width * height).fill(-1);
  let state = seed;
  const random = (): number => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    return state;
  };
  const offsets: number[] = [];
  for (let dy = -PATCH_RADIUS; dy <= PATCH_RADIUS; dy++) {
    for (let dx = -PATCH_RADIUS; dx <= PATCH_RADIUS; dx++) if (dx !== 0 || dy !== 0) offsets.push(dy * pw + dx);
  }
  const patch = new Int32Array(offsets.length);
  const tried = new Int32Array(8);

  for (const t of order) {
    const px = t % width;
    const py = (t / width) | 0;
    const p = t + py * 2 * PATCH_RADIUS + pad;
    let valid = 0;
    for (const o of offsets) if (flags[p + o] & VALID) patch[valid++] = o;

    let best = -1;
    let bestNum = 0;
    let bestDen = 1;
    let bestUntrusted = false;
    const consider = (qx: number, qy: number, coherent: boolean): void => {
      if (qx < 0 || qy < 0 || qx >= width || qy >= height) return;
      const q = qy * pw + qx + pad;
      const f = flags[q];
      if (!(f & KNOWN)) return;
      let ssd = 0;
      let n = 0;
      for (let k = 0; k < valid; k++) {
        const o = patch[k];
        if (!(flags[q + o] & VALID)) continue;
        n++;
        for (let c = 0; c < 4; c++) {
          const d = R[(p + o) * 4 + c] - R[(q + o) * 4 + c];
          ssd += d * d;
        }
      }
      const qt = qy * width + qx;
      let dl = 0;
      for (let c = 0; c < 4; c++) {
        const d = L[t * 4 + c] - L[qt * 4 + c];
        dl += d * d;
      }
      const den = n > 0 ? n : 1;
      const num = (ssd + den * dl * BASE_MATCH_WEIGHT) * (coherent ? 1 : COHERENCE_BIAS);
      const untrusted = !(f & TRUSTED);
      const better = best < 0 || (untrusted !== bestUntrusted ? !untrusted : num * bestDen < bestNum * den);
      if (better) {
        best = qt;
        bestNum = num;
        bestDen = den;
        bestUntrusted = untrusted;
      }
    };

    // Coherence: continue the copy of each filled neighbour, one pixel on.
    let triedCount = 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = px + dx;
        const ny = py + dy;
        if ((dx === 0 && dy === 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const s = source[ny * width + nx];
        if (s < 0) continue;
        const qx = (s % width) - dx;
        const qy = ((s / width) | 0) - dy;
        if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
        const q = qy * width + qx;
        let seen = false;
        for (let k = 0; k < triedCount; k++) if (tried[k] === q) seen = true;
        if (seen) continue;
        tried[triedCount++] = q;
        consider(qx, qy, true);
      }
    }
    const randoms = triedCount > 0 ? RANDOM_CANDIDATES : FRONT_CANDIDATES;
    for (let k = 0; k < randoms; k++) {
      const dx = below(random(), 2 * SEARCH_RADIUS + 1) - SEARCH_RADIUS;
      const dy = below(random(), 2 * SEARCH_RADIUS + 1) - SEARCH_RADIUS;
      consider(px + dx, py + dy, false);
    }
    for (let r = SEARCH_RADIUS >> 1; r >= 1; r >>= 1) {
      const dx = below(random(), 2 * r + 1) - r;
      const dy = below(random(), 2 * r + 1) - r;
      if (best >= 0) consider((best % width) + dx, ((best / width) | 0) + dy, false);
    }

    if (best >= 0) copyResidual(R, flags, p, best + ((best / width) | 0) * 2 * PATCH_RADIUS + pad, pw);
    source[t] = best;
    flags[p] |= VALID;
  }
}

/**
 * Sets the residual of masked pixel `p` (padded index) to that of source `q`, plus a correction that
 * removes the step between p and each of its settled 4-neighbours n: the copy predicts R[q + (n − p)]
 * at n, and n holds R[n]. The mean step is added, at full strength towards known pixels and decayed
 * towards filled ones, so seams along the mask's edge and between copies from different places fade
 * out over a few pixels instead of showing as an outline.
 */
function copyResidual(R: Int16Array, flags: Uint8Array, p: number, q: number, pw: number): void {
  const step = [0, 0, 0, 0];
  let den = 0;
  for (const o of [-pw, -1, 1, pw]) {
    if (!(flags[p + o] & VALID) || !(flags[q + o] & VALID)) continue;
    const w = flags[p + o] & KNOWN ? SEAM_KNOWN_WEIGHT : SEAM_FILLED_WEIGHT;
    for (let c = 0; c < 4; c++) step[c] += w * (R[(p + o) * 4 + c] - R[(q + o) * 4 + c]);
    den += SEAM_KNOWN_WEIGHT;
  }
  // A residual beyond ±255 only saturates the output; bounding it keeps patch sums within 32 bits.
  for (let c = 0; c < 4; c++) R[p * 4 + c] = Math.max(-255, Math.min(255, R[q * 4 + c] + (den > 0 ? (step[c] / den) | 0 : 0)));
}

/**
 * xorshift32, the kernel's only source of randomness, seeded per tile from the tile's position so that
 * a fill repeats exactly. Mirrors tileSeed and random in src/pipeline/render/inpaint-reference-synthesis.ts.
 */
let state: u32 = 1;

/** Seeds the generator for the tile whose origin is (x, y) in the box. */
export function seedForTile(x: i32, y: i32): void {
  const seed = (<u32>(x + 1) * 73856093) ^ (<u32>(y + 1) * 19349663) ^ 0x9e3779b9;
  state = seed == 0 ? 1 : seed;
}

/** The next 32 random bits. */
export function random(): u32 {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}

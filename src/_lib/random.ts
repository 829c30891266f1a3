/**
 * A seeded pseudo-random generator of uniform numbers in [0, 1): mulberry32 (Tommy Ettinger,
 * public domain), a 32-bit state advanced by the Weyl constant 0x6D2B79F5 and mixed by two
 * multiply–xorshift rounds. The same seed always gives the same sequence, on every engine.
 * Good enough for bootstrap resampling; not for cryptography.
 *
 * @param seed - Any integer; only its low 32 bits are used.
 * @returns A function returning the next number in [0, 1) (a multiple of 2^−32).
 * @internal
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

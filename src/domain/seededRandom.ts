/**
 * mulberry32: a small, fast generator of numbers in [0, 1) that is the same on every machine for a
 * seed. For what must be made the same every time (the simulator's population, the fuzz suite's
 * requests), never for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The run's seeded random source: the very numbers d3-random's randomLcg draws (the LCG of Numerical
 * Recipes, a = 1664525, c = 1013904223, mod 2^32), drawn about twice as fast. d3 keeps its state in a
 * closure variable, and V8 boxes every state past 2^30 as a fresh heap number; here the state lives in a
 * Uint32Array (which also does the mod 2^32), and the guest's writes draw a number each.
 */
export function seededRandom(seed: number): () => number {
  const eps = 1 / 0x100000000;
  const state = new Uint32Array([(0 <= seed && seed < 1 ? seed / eps : Math.abs(seed)) | 0]);
  return () => {
    state[0] = Math.imul(0x19660d, state[0]) + 0x3c6ef35f;
    return state[0] * eps;
  };
}

/** The draws from [0, 1) of a seeded source, and, for loops that draw many in a row, its state. */
export type SeededRandom = (() => number) & {
  /** The generator's state (one 32-bit word): a loop may keep it in a local and step it with lcgNext. */
  readonly state: Uint32Array;
};

/** What a state is worth as a draw from [0, 1). */
export const LCG_SCALE = 1 / 0x100000000;

/** The state after `state` (a = 1664525, c = 1013904223, mod 2^32). */
export const lcgNext = (state: number): number => (Math.imul(0x19660d, state) + 0x3c6ef35f) >>> 0;

/**
 * The run's seeded random source: the very numbers d3-random's randomLcg draws (the LCG of Numerical
 * Recipes, a = 1664525, c = 1013904223, mod 2^32), drawn about twice as fast. d3 keeps its state in a
 * closure variable, and V8 boxes every state past 2^30 as a fresh heap number; here the state lives in a
 * Uint32Array, and the guest's write loops keep it in a local while they draw (see WriteStream).
 */
export function seededRandom(seed: number): SeededRandom {
  const state = new Uint32Array([(0 <= seed && seed < 1 ? seed / LCG_SCALE : Math.abs(seed)) | 0]);
  const next = () => {
    state[0] = lcgNext(state[0]);
    return state[0] * LCG_SCALE;
  };
  return Object.assign(next, { state });
}

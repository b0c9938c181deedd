/** The comparison's link parameters (see comparisonLink.ts): its format version, then one per run. */
export const RUN_PARAMS = ['c1', 'c2', 'c3', 'c4'] as const;
export const COMPARISON_PARAMS = ['cmp', ...RUN_PARAMS] as const;

/** The sweep's link parameters (see sweepLink.ts). */
export const SWEEP_PARAMS = [
  'sweep',
  'sweep.field',
  'sweep.from',
  'sweep.to',
  'sweep.points',
  'sweep.each',
  'sweep.base',
] as const;

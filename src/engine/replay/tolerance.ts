import type { FitFigures } from './measure';

/**
 * How close a fitted simulation must land to a record, per figure. Real runs of the same migration vary
 * by 10-30 % between repeats (../shared/traces/README.md), so totals get 30 %; figures that are tiny in
 * absolute terms also pass within a small absolute margin: QEMU reports whole milliseconds, a downtime of
 * 1-21 ms is mostly fixed switchover cost, a round or two either way is one sync early or late.
 */
export interface FigureTolerance {
  relative: number;
  absolute: number;
}

export const FIT_TOLERANCE: Record<keyof FitFigures, FigureTolerance | 'exact'> = {
  iterations: { relative: 0.3, absolute: 1 },
  downtimeMs: { relative: 0.3, absolute: 3 },
  totalTimeMs: { relative: 0.3, absolute: 5 },
  bytesTransferred: { relative: 0.3, absolute: 1_000_000 },
  converged: 'exact',
  outcome: 'exact',
  postcopyBytes: { relative: 0.3, absolute: 1_000_000 },
  // A fault is one vCPU's wait: a few more or fewer in a 170 ms post-copy phase is timing noise.
  postcopyRequests: { relative: 0.5, absolute: 5 },
};

/** True when the predicted figure is within the figure's tolerance of the measured one. */
export function withinTolerance(
  figure: keyof FitFigures,
  measured: number | boolean | string,
  predicted: number | boolean | string,
): boolean {
  const t = FIT_TOLERANCE[figure];
  if (t === 'exact' || typeof measured !== 'number' || typeof predicted !== 'number') return measured === predicted;
  return Math.abs(predicted - measured) <= Math.max(t.relative * Math.abs(measured), t.absolute);
}

/** The tolerance in words, for tables: `±30 % or ±3 ms`. */
export function toleranceText(figure: keyof FitFigures, unit: string): string {
  const t = FIT_TOLERANCE[figure];
  if (t === 'exact') return 'exact';
  const abs = unit === 'MB' ? `${t.absolute / 1e6} MB` : `${t.absolute}${unit ? ' ' + unit : ''}`;
  return `±${t.relative * 100} % or ±${abs}`;
}

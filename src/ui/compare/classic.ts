import { STRATEGIES, type Scenario } from '../../engine';
import type { ComparisonItem } from '../../state/comparison';
import { fieldDef, type ChoiceField } from '../../state/fields';
import { formatMbps } from '../format';

const STRATEGY = fieldDef('strategy') as ChoiceField<'strategy'>;
const strategyLabel = (s: Scenario['strategy']) => STRATEGY.options.find((o) => o.value === s)?.label ?? s;

/** The comparisons a lecturer reaches for, each built from the scenario on screen in one click. */
export interface ClassicComparison {
  key: 'strategies' | 'autoConverge' | 'caps';
  label: string;
  hint: string;
  build: (scenario: Scenario) => ComparisonItem[];
}

/** Auto-converge acts on pre-copy rounds: a scenario without them is compared under pre-copy. */
const withRounds = (s: Scenario): Scenario =>
  s.strategy === 'precopy' || s.strategy === 'hybrid' ? s : { ...s, strategy: 'precopy' };

/** Caps at a quarter and half of the link (whole Mbit/s, at least 1), and no cap. */
function capsOf(linkMbps: number): number[] {
  return [Math.max(1, Math.round(linkMbps / 4)), Math.max(1, Math.round(linkMbps / 2)), 0];
}

export const CLASSIC_COMPARISONS: readonly ClassicComparison[] = [
  {
    key: 'strategies',
    label: 'Four strategies',
    hint: 'The same VM and workload moved by pre-copy, post-copy, hybrid and stop-and-copy',
    build: (s) => STRATEGIES.map((strategy) => ({ label: strategyLabel(strategy), scenario: { ...s, strategy } })),
  },
  {
    key: 'autoConverge',
    label: 'With and without auto-converge',
    hint: 'Pre-copy as it is, and with the vCPUs throttled step by step once the guest keeps dirtying more than half of what is sent',
    build: (s) => {
      const base = withRounds(s);
      const on = (autoConverge: boolean): ComparisonItem => ({
        label: `Auto-converge ${autoConverge ? 'on' : 'off'}`,
        scenario: { ...base, precopy: { ...base.precopy, autoConverge } },
      });
      return [on(false), on(true)];
    },
  },
  {
    key: 'caps',
    label: 'Three bandwidth caps',
    hint: 'The migration stream capped at a quarter and half of the link, and uncapped',
    build: (s) =>
      capsOf(s.network.linkMbps).map((capMbps) => ({
        label: capMbps === 0 ? 'No cap' : `Cap ${formatMbps(capMbps)}`,
        scenario: { ...s, network: { ...s.network, capMbps } },
      })),
  },
];

/** The name a run added from the lab gets: its strategy, numbered when the comparison has one already. */
export function labelFor(scenario: Scenario, taken: readonly string[]): string {
  const base = strategyLabel(scenario.strategy);
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base} ${n}`)) return `${base} ${n}`;
}

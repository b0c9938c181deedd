import type { Approach, SpectrumEntry } from '../../../../src/engine/spectrum';

const BASE: [Approach, string, number][] = [
  ['hard-power-down', 'Hard power-down', 45_000],
  ['soft-power-down', 'Soft power-down', 65_000],
  ['hibernation', 'Hibernation', 8_190],
  ['suspend-and-carry', 'Suspend and carry (USB key)', 1_808_000],
  ['quick-migration', 'Quick migration (stop-and-copy)', 17_500],
  ['live-migration', 'Live migration (pre-copy)', 286],
];

/** Six made-up entries in the engine's order, with the downtimes given overriding the defaults. */
export function entries(downtimes: Partial<Record<Approach, number>> = {}, liveFinished = true): SpectrumEntry[] {
  return BASE.map(([approach, label, downtimeMs]) => ({
    approach,
    label,
    downtimeMs: downtimes[approach] ?? downtimeMs,
    totalMs: 2 * (downtimes[approach] ?? downtimeMs),
    bytesSent: 2 ** 30,
    stateLost:
      approach === 'live-migration' && !liveFinished
        ? 'nothing (the migration did not finish: the VM stayed put)'
        : 'nothing',
    guestCooperation: 'none',
    how: `how ${label} works`,
    completed: approach !== 'live-migration' || liveFinished,
  }));
}

import { runScenario } from '../../../../src/engine/run';
import type { ScenarioInput } from '../../../../src/engine/scenario/schema';
import type { Trace } from '../../../../src/engine/trace/types';

/** Small VMs whose runs take tens of milliseconds (a tenth of the working set hot); each is run once per test file. */
const SMALL_VM: ScenarioInput = {
  vm: { memoryMiB: 256, usedMiB: 128 },
  workload: { wssMiB: 64, writeRateMiBps: 10, hotFractionPct: 10 },
  network: { linkMbps: 200 },
};

const cache = new Map<string, Trace>();
const once = (key: string, input: ScenarioInput) => () => {
  if (!cache.has(key)) cache.set(key, runScenario(input));
  return cache.get(key)!;
};

/** Pre-copy converging in 3 rounds. */
export const threeRounds = once('three', SMALL_VM);
/** Pre-copy needing 9 rounds. */
export const nineRounds = once('nine', {
  vm: { memoryMiB: 256, usedMiB: 128 },
  workload: { wssMiB: 32, writeRateMiBps: 20, hotFractionPct: 10 },
  network: { linkMbps: 100 },
});
/** A single round, then the blackout. */
export const oneRound = once('one', {
  vm: { memoryMiB: 256, usedMiB: 128 },
  workload: { wssMiB: 32, writeRateMiBps: 20, hotFractionPct: 10 },
});
export const postcopy = once('postcopy', { ...SMALL_VM, strategy: 'postcopy' });

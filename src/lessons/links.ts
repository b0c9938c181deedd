/** Scenario fields as a step sets them: dotted field paths (`network.linkMbps`) and their values. */
export type LinkFields = Readonly<Record<string, string | number | boolean>>;

/**
 * A step's scenario link from the fields its story depends on. A step writes those fields out even where
 * they equal today's defaults, so a change of the defaults cannot quietly change what the step shows; a
 * later set of fields overrides an earlier one, so no field is given twice.
 */
export const scenarioLink = (...fields: LinkFields[]): string =>
  ['v=1', ...Object.entries(Object.assign({}, ...fields) as LinkFields).map(([path, v]) => `${path}=${v}`)].join('&');

/** The lessons' VM: 4 GiB of RAM, of which the guest has written 2 GiB, on a 1 Gbit/s link. */
export const LESSON_VM: LinkFields = { 'vm.memoryMiB': 4096, 'vm.usedMiB': 2048, 'network.linkMbps': 1000 };

/** A guest writing 40 MiB/s, four in five writes into the hot quarter of a 512 MiB working set. */
export const HOT_512_WORKLOAD: LinkFields = {
  'workload.preset': 'custom',
  'workload.pattern': 'hotcold',
  'workload.writeRateMiBps': 40,
  'workload.wssMiB': 512,
  'workload.hotFractionPct': 25,
  'workload.hotWriteSharePct': 80,
};

/** The Web server preset's figures on the lessons' VM: 80 MiB/s into a 64 MiB working set with a hot core. */
export const WEB_WORKLOAD: LinkFields = {
  'workload.preset': 'web',
  'workload.pattern': 'hotcold',
  'workload.writeRateMiBps': 80,
  'workload.wssMiB': 64,
  'workload.hotFractionPct': 25,
  'workload.hotWriteSharePct': 80,
};

/** QEMU's stop rule with its default 300 ms downtime limit and cap of 30 rounds. */
export const QEMU_STOP: LinkFields = {
  'precopy.stopRule': 'qemu',
  'precopy.downtimeLimitMs': 300,
  'precopy.maxIterations': 30,
};

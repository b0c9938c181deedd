import { layoutMemory, wssRange } from '../../memory/layout';
import { sliceMsFor } from '../../migration/sliceLength';
import { wireSizes } from '../../network/wire';
import type { Scenario } from '../../scenario/schema';
import { kibToBytes, mbpsToBytesPerMs } from '../../units';
import { workingSetSegments, type DirtyClass } from './dirtyClasses';

/** A stretch of guest memory the sender meets in address order: its page kind and its dirtying classes. */
export interface SegmentParams {
  /** Never-written pages go as zero-page records; everything else as full pages. */
  zero: boolean;
  classes: DirtyClass[];
  /** Pages of each class marked for the first pass. */
  initialMarked: number[];
}

/** Everything the flow-level model needs about one migration, taken from a single-VM scenario. */
export interface FlowParams {
  pageBytes: number;
  normalBytes: number;
  zeroBytes: number;
  zeroScanMs: number;
  segments: SegmentParams[];
  burstPeriodMs: number;
  burstDuty: number;
  downtimeLimitMs: number;
  /** 0 = no cap on rounds. */
  maxIterations: number;
  /** 0 = no timeout. */
  timeoutMs: number;
  onNoConvergence: 'stop-and-copy' | 'abort';
  /** Past this, pre-copy that would never end is abandoned, as the page engine does. */
  limitMs: number;
  /** Allocate, validate and connect: the guest runs, nothing is sent. */
  setupMs: number;
  /** The page engine's slice for this scenario, ms: QEMU's loop decides where slices end. */
  stepMs: number;
  /** The first pass's fixed start cost: the sender's first ms of pre-copy go to it, nothing is sent. */
  passStartMs: number;
  deviceStateBytes: number;
  /** Switchover and the commit round trip at the end of the blackout. */
  handoverMs: number;
  /** The migration's own bandwidth cap during pre-copy (0 = none); the blackout ignores it, as QEMU does. */
  capBytesPerMs: number;
  /** The link's speed alone, bytes per ms: what a migration on an idle link gets. */
  linkBytesPerMs: number;
}

const none = (pages: number): DirtyClass => ({ pages, perPageWritesPerMs: 0, sweepPagesPerMs: 0 });

/**
 * The flow-level view of a scenario. Covers what fleet migrations use: QEMU pre-copy without
 * auto-converge, interventions, faults, disk copy or free-page hinting (those stay the page engine's job).
 */
export function flowParams(scenario: Scenario): FlowParams {
  const layout = layoutMemory(scenario);
  const wire = wireSizes(layout.pageBytes, scenario.precopy.zeroPageDetection, scenario.host.zeroScanUs);
  const [wssFrom, wssTo] = wssRange(layout, scenario.workload.wssMiB);
  const trackFromBoot = scenario.precopy.trackFromBoot;
  const segments: SegmentParams[] = [];
  const add = (zero: boolean, classes: DirtyClass[], marked: boolean) => {
    if (classes.reduce((n, c) => n + c.pages, 0) <= 0) return;
    segments.push({ zero, classes, initialMarked: classes.map((c) => (marked ? c.pages : 0)) });
  };
  add(false, [none(wssFrom)], true);
  for (const classes of workingSetSegments(scenario, wssTo - wssFrom)) add(false, classes, true);
  add(true, [none(layout.pageCount - wssTo)], !trackFromBoot);
  const p = scenario.precopy;
  const h = scenario.host;
  const linkBytesPerMs = mbpsToBytesPerMs(scenario.network.linkMbps);
  const capBytesPerMs = scenario.network.capMbps > 0 ? mbpsToBytesPerMs(scenario.network.capMbps) : 0;
  const passRate = capBytesPerMs > 0 ? Math.min(capBytesPerMs, linkBytesPerMs) : linkBytesPerMs;
  const zeroPages = layout.pageCount - layout.usedPages;
  const passMs =
    (layout.usedPages * wire.normalBytes + zeroPages * wire.zeroBytes) / passRate + zeroPages * wire.zeroScanMs;
  return {
    pageBytes: layout.pageBytes,
    normalBytes: wire.normalBytes,
    zeroBytes: wire.zeroBytes,
    zeroScanMs: wire.zeroScanMs,
    segments,
    burstPeriodMs: scenario.workload.burstPeriodMs,
    burstDuty: scenario.workload.burstDutyPct / 100,
    downtimeLimitMs: p.downtimeLimitMs,
    maxIterations: p.maxIterations,
    timeoutMs: p.timeoutS * 1000,
    onNoConvergence: p.onNoConvergence,
    limitMs: Math.max(600_000, 30 * passMs),
    setupMs: h.allocateMs + h.validateMs + scenario.network.rttMs,
    passStartMs: h.passStartMs,
    stepMs: sliceMsFor(passMs),
    deviceStateBytes: kibToBytes(scenario.vm.deviceStateKiB),
    handoverMs: h.switchoverMs + scenario.network.rttMs,
    capBytesPerMs,
    linkBytesPerMs,
  };
}

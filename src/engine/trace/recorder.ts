import { HEAT_BAND_COUNT } from '../memory/pageState';
import type { MemoryMap } from '../memory/memoryMap';
import { bytesPerMsToMbps } from '../units';
import type { HeatmapFrames, Phase, PhaseKind, Samples, SampleColumn, TraceEvent } from './types';
import { SAMPLE_COLUMNS } from './types';

/** The run's state at one instant, as the recorder samples it. */
export interface Probe {
  dirtyPages: number;
  remainingBytes: number;
  transferredBytes: number;
  vmSpeedPct: number;
  /** Guest work lost so far, ms of full-speed running (the speed column is derived from it per sample). */
  vmLostMs: number;
  faults: number;
  throttlePct: number;
  expectedDowntimeMs: number;
  phase: number;
}

/** The finest sampling step; steps are this times a power of two. */
const BASE_STEP_MS = 10;

/** The step that fits `expectedMs` into `max` points, so little is thinned away later. */
function stepFor(expectedMs: number, max: number): number {
  let step = BASE_STEP_MS;
  while (expectedMs / step > max * 0.75) step *= 2;
  return step;
}

interface Frame {
  tMs: number;
  /** Frames at phase boundaries survive thinning. */
  key: boolean;
  data: Uint8Array;
  /** Exact pages per band. */
  counts: Float64Array;
}

/**
 * Collects a run's time series, heatmap frames, events and phases. Both series keep a fixed step: when
 * one outgrows its limit the step doubles and every other point goes, so a long run still fits.
 */
export class Recorder {
  private sampleStepMs: number;
  private nextSampleMs = 0;
  private readonly rows: Record<Exclude<SampleColumn, 'bandwidthMbps' | 'faultsPerSec'> | 'faults' | 'lost', number[]> =
    {
      tMs: [],
      dirtyPages: [],
      remainingBytes: [],
      transferredBytes: [],
      vmSpeedPct: [],
      throttlePct: [],
      expectedDowntimeMs: [],
      phase: [],
      faults: [],
      lost: [],
    };
  private frameStepMs: number;
  private nextFrameMs = 0;
  private frames: Frame[] = [];
  readonly events: TraceEvent[] = [];
  readonly phases: Phase[] = [];

  constructor(
    private readonly mem: MemoryMap,
    private readonly pageBytes: number,
    private readonly maxSamples: number,
    private readonly maxFrames: number,
    expectedMs: number,
  ) {
    this.sampleStepMs = stepFor(expectedMs, maxSamples);
    this.frameStepMs = stepFor(expectedMs, maxFrames);
  }

  event(e: TraceEvent): void {
    this.events.push(e);
  }

  /** Ends the open phase (if any) and opens the next one; both sides get a heatmap frame. */
  enterPhase(tMs: number, kind: PhaseKind | null): void {
    const open = this.phases[this.phases.length - 1];
    if (open && open.endMs < 0) open.endMs = tMs;
    if (kind) this.phases.push({ kind, startMs: tMs, endMs: -1 });
    this.frame(tMs, true);
  }

  /** Called after every engine step; `probe` reads the state at `tMs` and is only called when a sample is due. */
  observe(tMs: number, probe: () => Probe): void {
    if (this.nextSampleMs <= tMs) {
      const p = probe();
      while (this.nextSampleMs <= tMs) {
        this.sample(this.nextSampleMs, p);
        this.nextSampleMs += this.sampleStepMs;
      }
    }
    if (this.nextFrameMs <= tMs) {
      this.frame(this.nextFrameMs, false);
      while (this.nextFrameMs <= tMs) this.nextFrameMs += this.frameStepMs;
    }
  }

  /**
   * Samples a stretch the engine did not simulate step by step (a fast-forward), each from `probeAt`;
   * heatmap frames are not made up for it: the next frame, at its end, shows memory as it stands.
   */
  observeSpan(fromMs: number, toMs: number, probeAt: (tMs: number) => Probe): void {
    while (this.nextSampleMs <= toMs) {
      const t = Math.max(fromMs, this.nextSampleMs);
      this.sample(t, probeAt(t));
      this.nextSampleMs = t + this.sampleStepMs;
    }
    if (this.nextFrameMs <= toMs) {
      this.frame(toMs, true);
      while (this.nextFrameMs <= toMs) this.nextFrameMs += this.frameStepMs;
    }
  }

  /** The last word: a sample and a frame exactly at the end. */
  finish(
    tMs: number,
    probe: Probe,
  ): { samples: Samples; heatmap: HeatmapFrames; events: TraceEvent[]; phases: Phase[] } {
    const rows = this.rows;
    if (rows.tMs.length === 0 || rows.tMs[rows.tMs.length - 1] < tMs) this.sample(tMs, probe);
    this.enterPhase(tMs, null);
    return { samples: this.buildSamples(), heatmap: this.buildHeatmap(), events: this.events, phases: this.phases };
  }

  private sample(tMs: number, p: Probe): void {
    const r = this.rows;
    r.tMs.push(tMs);
    r.dirtyPages.push(p.dirtyPages);
    r.remainingBytes.push(p.remainingBytes);
    r.transferredBytes.push(p.transferredBytes);
    r.vmSpeedPct.push(p.vmSpeedPct);
    r.throttlePct.push(p.throttlePct);
    r.expectedDowntimeMs.push(p.expectedDowntimeMs);
    r.phase.push(p.phase);
    r.faults.push(p.faults);
    r.lost.push(p.vmLostMs);
    if (r.tMs.length > this.maxSamples) this.thinSamples();
  }

  private thinSamples(): void {
    this.sampleStepMs *= 2;
    const keep = (_: number, i: number) => i % 2 === 0;
    for (const key of Object.keys(this.rows) as (keyof Recorder['rows'])[])
      this.rows[key] = this.rows[key].filter(keep);
    const last = this.rows.tMs[this.rows.tMs.length - 1];
    this.nextSampleMs = last + this.sampleStepMs;
  }

  private frame(tMs: number, key: boolean): void {
    const last = this.frames[this.frames.length - 1];
    // A second frame at the same moment shows the same pages (they change only as time passes); keeping
    // the first keeps what was in flight and what faulted since the frame before.
    if (last && last.tMs === tMs) {
      last.key ||= key;
      return;
    }
    const data = new Uint8Array(this.mem.cellCount * HEAT_BAND_COUNT);
    const counts = new Float64Array(HEAT_BAND_COUNT);
    this.mem.writeFrame(data, 0, counts, 0);
    this.frames.push({ tMs, key, data, counts });
    if (this.frames.length > this.maxFrames) {
      this.frameStepMs *= 2;
      const step = this.frameStepMs;
      this.frames = this.frames.filter((f, i) => f.key || i === this.frames.length - 1 || f.tMs % step === 0);
    }
  }

  private buildSamples(): Samples {
    const r = this.rows;
    const n = r.tMs.length;
    const bandwidth = new Float64Array(n);
    const faultsPerSec = new Float64Array(n);
    // The guest's speed averaged over each interval, like the bandwidth: a stalled vCPU shows as a dip,
    // not as noise from whichever instant the sample happened to catch.
    const vmSpeed = Float64Array.from(r.vmSpeedPct);
    for (let i = 1; i < n; i++) {
      const dt = r.tMs[i] - r.tMs[i - 1];
      if (dt <= 0) continue;
      bandwidth[i] = bytesPerMsToMbps((r.transferredBytes[i] - r.transferredBytes[i - 1]) / dt);
      faultsPerSec[i] = ((r.faults[i] - r.faults[i - 1]) * 1000) / dt;
      vmSpeed[i] = Math.min(100, Math.max(0, 100 * (1 - (r.lost[i] - r.lost[i - 1]) / dt)));
    }
    const columns = {} as Record<SampleColumn, Float64Array>;
    for (const c of SAMPLE_COLUMNS) {
      if (c === 'bandwidthMbps') columns[c] = bandwidth;
      else if (c === 'faultsPerSec') columns[c] = faultsPerSec;
      else if (c === 'vmSpeedPct') columns[c] = vmSpeed;
      else columns[c] = Float64Array.from(r[c]);
    }
    return { stepMs: this.sampleStepMs, columns };
  }

  private buildHeatmap(): HeatmapFrames {
    const bytesPerFrame = this.mem.cellCount * HEAT_BAND_COUNT;
    const data = new Uint8Array(this.frames.length * bytesPerFrame);
    const pageCounts = new Float64Array(this.frames.length * HEAT_BAND_COUNT);
    this.frames.forEach((f, i) => {
      data.set(f.data, i * bytesPerFrame);
      pageCounts.set(f.counts, i * HEAT_BAND_COUNT);
    });
    const { fromPage, toPage } = this.mem.region;
    return {
      pageCount: toPage - fromPage,
      pageBytes: this.pageBytes,
      pagesPerCell: this.mem.pagesPerCell,
      cells: this.mem.cellCount,
      firstPage: fromPage,
      memoryPages: this.mem.pageCount,
      frameTimesMs: Float64Array.from(this.frames.map((f) => f.tMs)),
      data,
      pageCounts,
    };
  }
}

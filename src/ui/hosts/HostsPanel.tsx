import { useMemo } from 'react';
import { PHASE_CODES, type Trace } from '../../engine';
import type { Run, Staleness } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { StaleLabel } from '../StaleLabel';
import { formatBytes, formatCount } from '../format';
import { frameIndexAt, sampleIndexAt, vmHostAt } from '../traceAt';
import { HostCard, type HostFrame } from './HostCard';
import './hosts.css';
import { Legend } from './Legend';
import { LinkArrow } from './LinkArrow';
import { bandPages, describeMemory, destinationHolds, formatHeldPct, heldPct } from './memorySummary';
import { VmMarker } from './VmMarker';

const pagesText = (n: number) => `${formatCount(n)} ${Math.round(n) === 1 ? 'page' : 'pages'}`;

/** The hosts' cards at one frame, or only their figures for a record without a heatmap. */
function hostFrames(
  trace: Trace,
  frameIndex: number,
  sampleIndex: number,
): { source: HostFrame; destination: HostFrame } {
  const { heatmap, samples } = trace;
  const dirtyPages = samples.columns.dirtyPages[sampleIndex];
  const pageBytes = heatmap?.pageBytes ?? trace.scenario.vm.pageKiB * 1024;
  const dirty = `Dirty: ${pagesText(dirtyPages)} (${formatBytes(dirtyPages * pageBytes)})`;
  if (!heatmap)
    return {
      source: { heatmap: null, frameIndex, label: '', stats: dirty },
      destination: {
        heatmap: null,
        frameIndex,
        label: '',
        stats: `Received ${formatBytes(samples.columns.transferredBytes[sampleIndex])}`,
      },
    };
  const pages = bandPages(heatmap, frameIndex);
  const frameMs = heatmap.frameTimesMs[frameIndex];
  const { usedPages, heldPages } = destinationHolds(pages);
  return {
    source: {
      heatmap,
      frameIndex,
      label: describeMemory('source', frameMs, pages),
      stats: `${dirty} · 1 cell = ${pagesText(heatmap.pagesPerCell)}`,
    },
    destination: {
      heatmap,
      frameIndex,
      label: describeMemory('destination', frameMs, pages),
      stats:
        `Holds ${formatHeldPct(heldPct(pages))} of used memory` +
        ` (${formatBytes(heldPages * heatmap.pageBytes)} of ${formatBytes(usedPages * heatmap.pageBytes)})`,
    },
  };
}

/** Source and destination hosts side by side, their memory heatmaps at the playhead, and the link between. */
export function HostsPanel({
  run,
  stale,
  label = 'Hosts',
}: {
  run: Run | null;
  stale: Staleness | null;
  /** The region's name: each of several panels on one page needs its own ("Hosts of run A"). */
  label?: string;
}) {
  const trace = run?.trace ?? null;
  // Indices rather than the playhead itself, so the panel re-renders only when what it shows changes.
  const frameIndex = useWorkspace((s) => (trace ? frameIndexAt(trace, s.playhead.tMs) : 0));
  const sampleIndex = useWorkspace((s) => (trace ? sampleIndexAt(trace, s.playhead.tMs) : 0));
  const vmHost = useWorkspace((s) => (trace ? vmHostAt(trace, s.playhead.tMs) : 'source'));

  const shown = useMemo(() => {
    if (!trace) return null;
    const { samples } = trace;
    return {
      ...hostFrames(trace, frameIndex, sampleIndex),
      bandwidthMbps: samples.columns.bandwidthMbps[sampleIndex],
      finished: samples.columns.phase[sampleIndex] === PHASE_CODES.done,
    };
  }, [trace, frameIndex, sampleIndex]);

  return (
    <section className="hosts" aria-label={label}>
      <div className="hosts__stage">
        <HostCard view="source" title="Source host" vmHere={vmHost === 'source'} frame={shown?.source ?? null} />
        <LinkArrow
          bandwidthMbps={shown?.bandwidthMbps ?? null}
          finished={shown?.finished ?? false}
          marker={vmHost === 'paused' && <VmMarker state="paused" />}
          note={<StaleLabel stale={stale} />}
        />
        <HostCard
          view="destination"
          title="Destination host"
          vmHere={vmHost === 'destination'}
          frame={shown?.destination ?? null}
        />
      </div>
      <Legend />
    </section>
  );
}

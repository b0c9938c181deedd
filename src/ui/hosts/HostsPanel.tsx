import { useMemo, useState } from 'react';
import { PHASE_CODES, type Trace } from '../../engine';
import type { Run, Staleness } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { ChartTable } from '../a11y/ChartTable';
import { StaleLabel } from '../StaleLabel';
import { formatBytes } from '../format';
import { count } from '../text/plural';
import { frameIndexAt, sampleIndexAt, vmHostAt } from '../traceAt';
import type { CellColouring } from './HeatmapCanvas';
import { HostCard, type HostFrame } from './HostCard';
import './hosts.css';
import { heatmapTableData } from './heatmapTable';
import { Legend } from './Legend';
import { LinkArrow } from './LinkArrow';
import { bandPages, describeMemory, destinationHolds, formatHeldPct, heldPct } from './memorySummary';
import { VmMarker } from './VmMarker';
import { zoomAround, type Zoom, ZoomBar } from './ZoomBar';

/** What the source's count of pages the destination lacks is called in each strategy. */
const staleName = (strategy: string) =>
  strategy === 'postcopy' ? 'Not yet on the destination' : strategy === 'stopcopy' ? 'Still to copy' : 'Dirty';

const END_CAPTIONS = {
  completed: 'migration finished',
  aborted: 'migration abandoned',
  failed: 'the VM is lost',
  unfinished: 'simulation stopped',
} as const;

/** The hosts' cards at one frame, or only their figures for a record without a heatmap. */
function hostFrames(
  trace: Trace,
  frameIndex: number,
  sampleIndex: number,
): { source: HostFrame; destination: HostFrame } {
  const { heatmap, samples } = trace;
  const dirtyPages = samples.columns.dirtyPages[sampleIndex];
  const pageBytes = heatmap?.pageBytes ?? trace.scenario.vm.pageKiB * 1024;
  const dirty = `${staleName(trace.scenario.strategy)}: ${count(dirtyPages, 'page')} (${formatBytes(dirtyPages * pageBytes)})`;
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
  const region = (heatmap.memoryPages ?? heatmap.pageCount) > heatmap.pageCount ? ' of this region' : '';
  return {
    source: {
      heatmap,
      frameIndex,
      label: describeMemory('source', frameMs, pages),
      stats: `${dirty} · 1 cell = ${count(heatmap.pagesPerCell, 'page')}`,
    },
    destination: {
      heatmap,
      frameIndex,
      label: describeMemory('destination', frameMs, pages),
      stats:
        `Holds ${formatHeldPct(heldPct(pages))} of used memory${region}` +
        ` (${formatBytes(heldPages * heatmap.pageBytes)} of ${formatBytes(usedPages * heatmap.pageBytes)})`,
    },
  };
}

/** Source and destination hosts side by side, their memory heatmaps at the playhead, and the link between. */
export function HostsPanel({
  run,
  stale,
  label = 'Hosts',
  zoomable = true,
}: {
  run: Run | null;
  stale: Staleness | null;
  /** The region's name: each of several panels on one page needs its own ("Hosts of run A"). */
  label?: string;
  /** A zoom changes the lab's scenario, so only the lab's own run may zoom (not a compared or opened one). */
  zoomable?: boolean;
}) {
  const trace = run?.trace ?? null;
  const changeFields = useWorkspace((s) => s.changeFields);
  // Indices rather than the playhead itself, so the panel re-renders only when what it shows changes.
  const frameIndex = useWorkspace((s) => (trace ? frameIndexAt(trace, s.playhead.tMs) : 0));
  const sampleIndex = useWorkspace((s) => (trace ? sampleIndexAt(trace, s.playhead.tMs) : 0));
  const vmHost = useWorkspace((s) => (trace ? vmHostAt(trace, s.playhead.tMs) : 'source'));
  const [colouring, setColouring] = useState<CellColouring>('priority');

  // A zoom is part of the scenario (output.heatmap*): the engine records that region page by page.
  const zoomTo = (zoom: Zoom | null) =>
    changeFields([
      { path: 'output.heatmapFromPage', value: zoom?.fromPage ?? 0 },
      { path: 'output.heatmapPages', value: zoom?.pages ?? 0 },
    ]);

  const shown = useMemo(() => {
    if (!trace) return null;
    const { samples } = trace;
    return {
      ...hostFrames(trace, frameIndex, sampleIndex),
      bandwidthMbps: samples.columns.bandwidthMbps[sampleIndex],
      finished: samples.columns.phase[sampleIndex] === PHASE_CODES.done,
    };
  }, [trace, frameIndex, sampleIndex]);

  const heatmap = trace?.heatmap;
  const pick =
    zoomable && heatmap && heatmap.pagesPerCell > 1 ? (cell: number) => zoomTo(zoomAround(heatmap, cell)) : undefined;

  return (
    <section className="hosts" aria-label={label}>
      {heatmap && (
        <ZoomBar
          heatmap={heatmap}
          colouring={colouring}
          onColouring={setColouring}
          onZoom={zoomable ? zoomTo : undefined}
        >
          <ChartTable overlay data={() => heatmapTableData(heatmap, frameIndex)} />
        </ZoomBar>
      )}
      <div className="hosts__stage">
        <HostCard
          view="source"
          title="Source host"
          vmHere={vmHost === 'source'}
          frame={shown?.source ?? null}
          colouring={colouring}
          onPickCell={pick}
        />
        <LinkArrow
          bandwidthMbps={shown?.bandwidthMbps ?? null}
          finished={shown?.finished ?? false}
          endCaption={trace ? END_CAPTIONS[trace.summary.outcome] : ''}
          marker={vmHost === 'paused' ? <VmMarker state="paused" /> : vmHost === 'nowhere' && <VmMarker state="lost" />}
          note={<StaleLabel stale={stale} />}
        />
        <HostCard
          view="destination"
          title="Destination host"
          vmHere={vmHost === 'destination'}
          frame={shown?.destination ?? null}
          colouring={colouring}
          onPickCell={pick}
        />
      </div>
      <Legend colouring={colouring} />
    </section>
  );
}

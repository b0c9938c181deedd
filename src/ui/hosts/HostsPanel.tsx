import { useMemo, useState } from 'react';
import { PHASE_CODES } from '../../engine/trace/types';
import { useLab } from '../../state/LabContext';
import { formatBytes } from '../format';
import { count } from '../text/plural';
import { frameIndexAt, sampleIndexAt, vmHostAt } from '../traceAt';
import type { CellColouring } from './HeatmapCanvas';
import { HostCard, type HostFrame } from './HostCard';
import './hosts.css';
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

/** Source and destination hosts side by side, their memory heatmaps at the playhead, and the link between. */
export function HostsPanel() {
  const trace = useLab((s) => s.trace);
  const scenario = useLab((s) => s.scenario);
  const loadScenario = useLab((s) => s.loadScenario);
  // Indices rather than the playhead itself, so the panel re-renders only when what it shows changes.
  const frameIndex = useLab((s) => (s.trace ? frameIndexAt(s.trace, s.tMs) : 0));
  const sampleIndex = useLab((s) => (s.trace ? sampleIndexAt(s.trace, s.tMs) : 0));
  const vmHost = useLab((s) => (s.trace ? vmHostAt(s.trace, s.tMs) : 'source'));
  const [colouring, setColouring] = useState<CellColouring>('priority');

  // A zoom is part of the scenario (output.heatmap*): the engine records that region page by page.
  const zoomTo = (zoom: Zoom | null) =>
    loadScenario(
      {
        ...scenario,
        output: { ...scenario.output, heatmapFromPage: zoom?.fromPage ?? 0, heatmapPages: zoom?.pages ?? 0 },
      },
      { keepGhost: true },
    );

  const shown = useMemo(() => {
    if (!trace) return null;
    const { heatmap, samples } = trace;
    const pages = bandPages(heatmap, frameIndex);
    const frameMs = heatmap.frameTimesMs[frameIndex];
    const dirtyPages = samples.columns.dirtyPages[sampleIndex];
    const { usedPages, heldPages } = destinationHolds(pages);
    const region = (heatmap.memoryPages ?? heatmap.pageCount) > heatmap.pageCount ? ' of this region' : '';
    const source: HostFrame = {
      heatmap,
      frameIndex,
      label: describeMemory('source', frameMs, pages),
      stats:
        `${staleName(trace.scenario.strategy)}: ${count(dirtyPages, 'page')} (${formatBytes(dirtyPages * heatmap.pageBytes)})` +
        ` · 1 cell = ${count(heatmap.pagesPerCell, 'page')}`,
    };
    const destination: HostFrame = {
      heatmap,
      frameIndex,
      label: describeMemory('destination', frameMs, pages),
      stats:
        `Holds ${formatHeldPct(heldPct(pages))} of used memory${region}` +
        ` (${formatBytes(heldPages * heatmap.pageBytes)} of ${formatBytes(usedPages * heatmap.pageBytes)})`,
    };
    return {
      source,
      destination,
      bandwidthMbps: samples.columns.bandwidthMbps[sampleIndex],
      finished: samples.columns.phase[sampleIndex] === PHASE_CODES.done,
    };
  }, [trace, frameIndex, sampleIndex]);

  const pick =
    trace && trace.heatmap.pagesPerCell > 1 ? (cell: number) => zoomTo(zoomAround(trace.heatmap, cell)) : undefined;

  return (
    <section className="hosts" aria-label="Hosts">
      {trace && <ZoomBar heatmap={trace.heatmap} colouring={colouring} onColouring={setColouring} onZoom={zoomTo} />}
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

import { useMemo } from 'react';
import { PHASE_CODES } from '../../engine/trace/types';
import { useLab } from '../../state/LabContext';
import { formatBytes, formatCount } from '../format';
import { frameIndexAt, sampleIndexAt, vmHostAt } from '../traceAt';
import { HostCard, type HostFrame } from './HostCard';
import './hosts.css';
import { Legend } from './Legend';
import { LinkArrow } from './LinkArrow';
import { bandPages, describeMemory, destinationHolds, formatHeldPct, heldPct } from './memorySummary';
import { VmMarker } from './VmMarker';

const pagesText = (n: number) => `${formatCount(n)} ${Math.round(n) === 1 ? 'page' : 'pages'}`;

/** Source and destination hosts side by side, their memory heatmaps at the playhead, and the link between. */
export function HostsPanel() {
  const trace = useLab((s) => s.trace);
  // Indices rather than the playhead itself, so the panel re-renders only when what it shows changes.
  const frameIndex = useLab((s) => (s.trace ? frameIndexAt(s.trace, s.tMs) : 0));
  const sampleIndex = useLab((s) => (s.trace ? sampleIndexAt(s.trace, s.tMs) : 0));
  const vmHost = useLab((s) => (s.trace ? vmHostAt(s.trace, s.tMs) : 'source'));

  const shown = useMemo(() => {
    if (!trace) return null;
    const { heatmap, samples } = trace;
    const pages = bandPages(heatmap, frameIndex);
    const frameMs = heatmap.frameTimesMs[frameIndex];
    const dirtyPages = samples.columns.dirtyPages[sampleIndex];
    const { usedPages, heldPages } = destinationHolds(pages);
    const source: HostFrame = {
      heatmap,
      frameIndex,
      label: describeMemory('source', frameMs, pages),
      stats:
        `Dirty: ${pagesText(dirtyPages)} (${formatBytes(dirtyPages * heatmap.pageBytes)})` +
        ` · 1 cell = ${pagesText(heatmap.pagesPerCell)}`,
    };
    const destination: HostFrame = {
      heatmap,
      frameIndex,
      label: describeMemory('destination', frameMs, pages),
      stats:
        `Holds ${formatHeldPct(heldPct(pages))} of used memory` +
        ` (${formatBytes(heldPages * heatmap.pageBytes)} of ${formatBytes(usedPages * heatmap.pageBytes)})`,
    };
    return {
      source,
      destination,
      bandwidthMbps: samples.columns.bandwidthMbps[sampleIndex],
      finished: samples.columns.phase[sampleIndex] === PHASE_CODES.done,
    };
  }, [trace, frameIndex, sampleIndex]);

  return (
    <section className="hosts" aria-label="Hosts">
      <div className="hosts__stage">
        <HostCard view="source" title="Source host" vmHere={vmHost === 'source'} frame={shown?.source ?? null} />
        <LinkArrow
          bandwidthMbps={shown?.bandwidthMbps ?? null}
          finished={shown?.finished ?? false}
          marker={vmHost === 'paused' && <VmMarker state="paused" />}
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

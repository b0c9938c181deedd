import { traceToJson, type Scenario, type SpectrumEntry, type Trace } from '../../engine';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { frameIndexAt } from '../traceAt';
import {
  fileStem,
  heatmapTable,
  roundsTable,
  spectrumTable,
  summaryTable,
  timelineTable,
  timeTag,
  traceTag,
} from './exportData';
import { ExportMenu } from './ExportMenu';

/** The export menus of the lab's panels (and of any view that draws a run with them). */

interface TraceExportProps {
  trace: Trace | null;
  /** Names the run in file names instead of its strategy and workload (an opened file's name). */
  tag?: string;
}

const near = (selector: string) => (menu: HTMLElement) => menu.closest(selector);
const runJson = (trace: Trace | null) => () => (trace ? traceToJson(trace) : null);

/** The timeline: its picture, the samples as CSV, the run as a saved trace. */
export function TimelineExport({ trace, tag }: TraceExportProps) {
  const detail = tag ?? (trace ? traceTag(trace) : null);
  return (
    <ExportMenu
      stem={fileStem('timeline', detail)}
      title="Migration timeline"
      image={near('.timeline, .record-timeline')}
      csv={{ table: () => (trace ? timelineTable(trace) : null) }}
      json={runJson(trace)}
    />
  );
}

/** The hosts' heatmaps at the playhead: their picture, each cell's bands as CSV, the run as a saved trace. */
export function HeatmapExport({ trace, tag }: TraceExportProps) {
  const { store } = useWorkspaceContext();
  const detail = tag ?? (trace ? traceTag(trace) : null);
  const tMs = () => store.getState().playhead.tMs;
  return (
    <ExportMenu
      stem={() => fileStem('heatmap', detail, timeTag(tMs()))}
      title="Memory heatmaps of the source and destination hosts"
      image={(menu) => menu.closest('.stage')?.querySelector('.hosts') ?? null}
      csv={{ table: () => (trace ? heatmapTable(trace, frameIndexAt(trace, tMs())) : null) }}
      json={runJson(trace)}
    />
  );
}

/** The metrics: their picture, the summary figures and the rounds as CSV, the run as a saved trace. */
export function MetricsExport({ trace, tag }: TraceExportProps) {
  const detail = tag ?? (trace ? traceTag(trace) : null);
  return (
    <ExportMenu
      stem={fileStem('metrics', detail)}
      title="Migration metrics"
      image={near('.region--metrics, .record-metrics')}
      csv={[
        { label: 'summary figures', suffix: 'summary', table: () => (trace ? summaryTable(trace) : null) },
        { label: 'rounds', suffix: 'rounds', table: () => (trace ? roundsTable(trace) : null) },
      ]}
      json={runJson(trace)}
    />
  );
}

/** The format of an exported spectrum (JSON): the scenario and every approach's figures. */
export const SPECTRUM_FORMAT = 'brownout-spectrum';

export function SpectrumExport({
  scenario,
  entries,
}: {
  scenario: Scenario;
  entries: readonly SpectrumEntry[] | null;
}) {
  return (
    <ExportMenu
      stem={fileStem('spectrum', scenario.workload.preset)}
      title="Spectrum of approaches: downtime of each way to move the VM"
      image={near('.spectrum')}
      csv={{ table: () => (entries ? spectrumTable(entries) : null) }}
      json={() => (entries ? { format: SPECTRUM_FORMAT, formatVersion: 1, scenario, entries } : null)}
    />
  );
}

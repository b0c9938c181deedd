import { useId } from 'react';
import type { HeatmapFrames } from '../../engine';
import { HeatmapCanvas, type CellColouring } from './HeatmapCanvas';
import type { HostView } from './palettes';
import { VmMarker } from './VmMarker';

/** What a host card shows of the trace at the playhead. */
export interface HostFrame {
  /** Null for a record with no per-page data (a replayed real migration). */
  heatmap: HeatmapFrames | null;
  frameIndex: number;
  /** The heatmap in words. */
  label: string;
  /** Figures at the playhead, under the heatmap. */
  stats: string;
}

interface Props {
  view: HostView;
  title: string;
  vmHere: boolean;
  /** Null while the engine has not produced a trace yet. */
  frame: HostFrame | null;
  colouring: CellColouring;
  onPickCell?: (cell: number) => void;
}

/** One host: its name, the VM marker when the guest runs there, its memory heatmap and a line of figures. */
export function HostCard({ view, title, vmHere, frame, colouring, onPickCell }: Props) {
  const headingId = useId();
  return (
    <article className={`host host--${view}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <div className="host__marker">{vmHere && <VmMarker state="running" />}</div>
      {frame?.heatmap ? (
        <HeatmapCanvas
          heatmap={frame.heatmap}
          frameIndex={frame.frameIndex}
          view={view}
          label={frame.label}
          colouring={colouring}
          onPickCell={onPickCell}
        />
      ) : frame ? (
        <p className="heatmap heatmap--none">No per-page data in this record</p>
      ) : (
        <p className="heatmap heatmap--waiting">Waiting for the engine…</p>
      )}
      <p className="host__stats">{frame?.stats}</p>
    </article>
  );
}

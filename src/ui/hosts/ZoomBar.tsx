import type { ReactNode } from 'react';
import type { HeatmapFrames } from '../../engine';
import { formatBytes, formatCount } from '../format';
import { count } from '../text/plural';
import type { CellColouring } from './HeatmapCanvas';
import { isZoomed, zoomOut, type Zoom } from './zoom';

export { zoomAround, type Zoom } from './zoom';

/** Which part of memory the heatmaps show, how to zoom, and how a cell of several pages is coloured. */
export function ZoomBar({
  heatmap,
  colouring,
  onColouring,
  onZoom,
  children,
}: {
  heatmap: HeatmapFrames;
  /** More for the row (the heatmaps' "Show as table"), so it takes no line of its own. */
  children?: ReactNode;
  colouring: CellColouring;
  onColouring: (c: CellColouring) => void;
  /** Absent where the heatmap cannot zoom (a run that is not the lab's own scenario). */
  onZoom?: (zoom: Zoom | null) => void;
}) {
  const first = heatmap.firstPage ?? 0;
  const last = first + heatmap.pageCount - 1;
  const zoomed = isZoomed(heatmap);
  const where = zoomed
    ? `Pages ${formatCount(first)}–${formatCount(last)} of ${formatCount(heatmap.memoryPages ?? heatmap.pageCount)} (from ${formatBytes(first * heatmap.pageBytes)})`
    : 'All of memory';
  return (
    <div className="zoom-bar" role="group" aria-label="Heatmap view">
      <span className="zoom-bar__where">
        {where} · 1 cell = {count(heatmap.pagesPerCell, 'page')}
        {onZoom && heatmap.pagesPerCell > 1 && <span className="zoom-bar__hint"> · click to zoom in</span>}
      </span>
      {zoomed && onZoom && (
        <>
          <button type="button" onClick={() => onZoom(zoomOut(heatmap))}>
            Zoom out
          </button>
          <button type="button" onClick={() => onZoom(null)}>
            Whole memory
          </button>
        </>
      )}
      {children}
      <span className="zoom-bar__colouring" role="group" aria-label="How a cell of several pages is coloured">
        Cells:
        <button
          type="button"
          aria-pressed={colouring === 'priority'}
          aria-label="the most important state"
          title="Each cell shows the most important state among its pages"
          onClick={() => onColouring('priority')}
        >
          most important
        </button>
        <button
          type="button"
          aria-pressed={colouring === 'mix'}
          aria-label="a mix of states"
          title="Each cell mixes its pages' colours by share"
          onClick={() => onColouring('mix')}
        >
          mix
        </button>
      </span>
    </div>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import type { Trace } from '../../engine';
import type { VectorPainter } from '../export/svgContext';
import { useVectorPainter } from '../export/vectorPainters';
import { CHART_SERIES, type SeriesColours } from './chartSeries';
import { drawCharts } from './drawCharts';
import type { Row, TimeScale } from './timelineLayout';

const DESCRIPTION = `Chart over time of ${CHART_SERIES.map((s) => `${s.name.toLowerCase()} (${s.meaning})`).join(', ')}`;

interface ChartCanvasProps {
  trace: Trace;
  ghost: Trace | null;
  x: TimeScale;
  row: Row;
  widthPx: number;
}

function coloursOf(canvas: HTMLCanvasElement | null): SeriesColours {
  const style = canvas ? getComputedStyle(canvas) : null;
  return Object.fromEntries(
    CHART_SERIES.map((s) => [s.key, style?.getPropertyValue(s.colourVar).trim() || '#000']),
  ) as SeriesColours;
}

/** The charts on a canvas, redrawn when the run, the ghost, the zoom or the size change; never for the playhead. */
export function ChartCanvas({ trace, ghost, x, row, widthPx }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const heightPx = row.height;
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // Drawn in the next animation frame, so a new run's React update and its pixels are separate tasks.
    const frame = requestAnimationFrame(() => {
      const devicePixelRatio = window.devicePixelRatio || 1;
      const width = Math.round(widthPx * devicePixelRatio);
      const height = Math.round(heightPx * devicePixelRatio);
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      drawCharts(canvas.getContext('2d'), trace, ghost, { x, widthPx, heightPx, devicePixelRatio }, coloursOf(canvas));
    });
    return () => cancelAnimationFrame(frame);
  }, [trace, ghost, x, widthPx, heightPx]);
  // The same drawing as vectors, for an SVG export.
  const vector = useMemo<VectorPainter>(
    () => (ctx) => drawCharts(ctx, trace, ghost, { x, widthPx, heightPx, devicePixelRatio: 1 }, coloursOf(ref.current)),
    [trace, ghost, x, widthPx, heightPx],
  );
  useVectorPainter(ref, vector);
  return (
    <canvas
      ref={ref}
      className="timeline__canvas"
      role="img"
      aria-label={DESCRIPTION}
      style={{ top: row.top, width: widthPx, height: heightPx }}
    />
  );
}

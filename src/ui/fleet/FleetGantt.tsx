import { scaleLinear } from 'd3';
import { useEffect, useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { FleetTrace } from '../../engine';
import { fleetSeek } from '../../state/fleetPlayhead';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { ChartTable } from '../a11y/ChartTable';
import { formatMs } from '../format';
import { useElementSize } from '../timeline/useElementSize';
import { busyEndMs } from './fleetAt';
import { migrationsTableData } from './fleetTables';
import { useFleetTime } from './useFleetTime';
import { barAt, ganttLayout, ganttRows } from './gantt';
import { AXIS_PX, paintGantt } from './paintGantt';

const FALLBACK = { widthPx: 800, heightPx: 200 };
const LABEL_PX = 150;
const TOP_PX = 4;

/** A tick label in the run's own unit: seconds for a short run, minutes, then hours. */
export function tickLabelFor(endMs: number): (tMs: number) => string {
  if (endMs <= 180_000) return (t) => `${Math.round(t / 1000)} s`;
  if (endMs <= 10_800_000) return (t) => `${+(t / 60_000).toFixed(1)} min`;
  return (t) => `${+(t / 3_600_000).toFixed(1)} h`;
}

interface FleetGanttProps {
  trace: FleetTrace;
  endMs: number;
  selectedVm: number | null;
  onSelectVm: (vm: number) => void;
}

/**
 * Every migration over time, grouped by customer and packed in lanes (a group is as tall as that
 * customer's most migrations at once), then the terminated VMs' time down. The playhead is the
 * workspace's; press or drag to move it, click a bar to pick its VM.
 */
export function FleetGantt({ trace, endMs, selectedVm, onSelectVm }: FleetGanttProps) {
  const tMs = useFleetTime(endMs);
  const { store } = useWorkspaceContext();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { widthPx, heightPx } = useElementSize(boxRef, FALLBACK);
  const layout = useMemo(() => ganttLayout(trace), [trace]);
  const busyMs = useMemo(() => busyEndMs(trace), [trace]);
  const [whole, setWhole] = useState(false);
  const zoomId = useId();
  const domainEndMs = whole ? layout.endMs : busyMs;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, domainEndMs])
        .range([LABEL_PX, Math.max(LABEL_PX + 10, widthPx - 12)]),
    [domainEndMs, widthPx],
  );
  const rows = useMemo(() => ganttRows(layout, TOP_PX, heightPx - TOP_PX - AXIS_PX - 4), [layout, heightPx]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(widthPx * dpr);
    canvas.height = Math.round(heightPx * dpr);
    paintGantt(canvas.getContext('2d'), layout, {
      widthPx,
      heightPx,
      devicePixelRatio: dpr,
      labelPx: LABEL_PX,
      rows,
      x,
      ticks: x.ticks(Math.max(2, Math.floor(widthPx / 110))),
      tickLabel: tickLabelFor(domainEndMs),
      selectedVm,
    });
  }, [layout, x, widthPx, heightPx, rows, selectedVm, domainEndMs]);

  const drag = useRef<{ id: number; startX: number; moved: boolean } | null>(null);
  const seekAt = (clientX: number, box: DOMRect) =>
    store.getState().apply(fleetSeek(x.invert(clientX - box.left), layout.endMs));
  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    drag.current = { id: e.pointerId, startX: e.clientX, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    if (Math.abs(e.clientX - d.startX) >= 3) d.moved = true;
    if (d.moved) seekAt(e.clientX, e.currentTarget.getBoundingClientRect());
  };
  const onUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    const box = e.currentTarget.getBoundingClientRect();
    if (d.moved) return;
    const lane = rows.laneAt(e.clientY - box.top);
    const t = x.invert(e.clientX - box.left);
    const bar = lane >= 0 && lane < layout.lanes ? barAt(layout, lane, t, 3 * (domainEndMs / widthPx)) : null;
    if (bar) onSelectVm(bar.vm);
    seekAt(e.clientX, box);
  };

  const playheadX = tMs <= domainEndMs ? x(tMs) : null;
  return (
    <section className="region fleet-gantt" aria-label="Migrations over time">
      <div className="fleet-gantt__head">
        <h2>Migrations over time</h2>
        {busyMs < layout.endMs && (
          <label htmlFor={zoomId} className="fleet-field--check">
            <input id={zoomId} type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />
            Whole run ({formatMs(layout.endMs)}; hosts stay down for maintenance after the last move)
          </label>
        )}
      </div>
      <div className="fleet-gantt__box" ref={boxRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Gantt chart: ${trace.migrations.length} migrations in ${layout.groups.length} groups over ${formatMs(layout.endMs)}, showing the first ${formatMs(domainEndMs)}; lanes per customer: ${layout.groups.map((g) => `${g.label} ${g.lanes}`).join(', ')}`}
          style={{ width: widthPx, height: heightPx }}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={() => (drag.current = null)}
          data-testid="fleet-gantt"
        />
        {playheadX !== null && (
          <div
            className="fleet-gantt__playhead"
            style={{ left: playheadX, height: heightPx - AXIS_PX }}
            aria-hidden="true"
          />
        )}
      </div>
      <ul className="fleet-legend" aria-label="Legend of the chart">
        <li>
          <span className="fleet-swatch" style={{ background: '#1f6fb2' }} aria-hidden="true" /> pre-copy (the VM runs,
          slowed: brownout)
        </li>
        <li>
          <span className="fleet-swatch" style={{ background: '#c8102e' }} aria-hidden="true" /> blackout (at least 2
          px, on bars wide enough)
        </li>
        <li>
          <span className="fleet-swatch" style={{ background: '#e8601c' }} aria-hidden="true" /> aborted or lost
        </li>
        <li>
          <span className="fleet-swatch" style={{ background: '#9aa3ae' }} aria-hidden="true" /> terminated: down until
          it runs again
        </li>
      </ul>
      <ChartTable overlay data={() => migrationsTableData(trace)} />
    </section>
  );
}

import { memo, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { HeatmapFrames } from '../../engine';
import { heatmapPainter } from '../export/heatmapVector';
import { useVectorPainter } from '../export/vectorPainters';
import { gridShape } from './gridShape';
import { paintCells, type CellColouring } from './paintCells';
import type { HostView } from './palettes';

export type { CellColouring } from './paintCells';

interface Props {
  heatmap: HeatmapFrames;
  frameIndex: number;
  view: HostView;
  /** The heatmap in words. */
  label: string;
  colouring?: CellColouring;
  /** A click on a cell (to zoom into it). */
  onPickCell?: (cell: number) => void;
}

/** Where the grid sits in the canvas, in device pixels. */
interface Placement {
  x: number;
  y: number;
  cellPx: number;
  cols: number;
  rows: number;
}

interface Size {
  width: number;
  height: number;
}

/**
 * One host's memory, one square cell per group of pages, filling its box. Memoised and drawn in an effect,
 * so it repaints when the frame, the size or the trace changes, not on every playhead tick.
 */
export const HeatmapCanvas = memo(function HeatmapCanvas({
  heatmap,
  frameIndex,
  view,
  label,
  colouring = 'priority',
  onPickCell,
}: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const placement = useRef<Placement | null>(null);
  const [size, setSize] = useState<Size | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    // jsdom has no canvas, and nothing to measure.
    if (!box || !canvasRef.current?.getContext('2d')) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((s) => (s && s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !size || size.width < 1 || size.height < 1) return;
    // Drawn in the next animation frame, so a new run's React update and its pixels are separate tasks.
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      resizeBackingStore(canvas, Math.round(size.width * dpr), Math.round(size.height * dpr));
      const { cells } = heatmap;
      const { cols, rows } = gridShape(cells, size.width / size.height);
      const painted = paintCells(heatmap, frameIndex, cols, rows, view, colouring);
      const cellPixels = painted.pixels;
      const grid = document.createElement('canvas');
      grid.width = cols;
      grid.height = rows;
      grid.getContext('2d')?.putImageData(new ImageData(cellPixels, cols, rows), 0, 0);
      // Whole device pixels per cell keep every cell the same size; the grid sits centred.
      const cellPx = Math.max(1, Math.floor(Math.min(canvas.width / cols, canvas.height / rows)));
      const x = Math.floor((canvas.width - cols * cellPx) / 2);
      const y = Math.floor((canvas.height - rows * cellPx) / 2);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(grid, x, y, cols * cellPx, rows * cellPx);
      // Thin seams between cells big enough to spare them, so the cells read as separate groups of pages.
      // Cutting them out is one composite of a cached mask, not a clearRect per seam.
      if (cellPx >= 5) {
        ctx.globalCompositeOperation = 'destination-out';
        ctx.drawImage(seamMask(cols, rows, cellPx, Math.max(1, Math.round(dpr))), x, y);
        ctx.globalCompositeOperation = 'source-over';
      }
      ringFaults(ctx, painted.faulted, { x, y, cellPx, cols, rows }, dpr);
      placement.current = { x, y, cellPx, cols, rows };
    });
    return () => cancelAnimationFrame(frame);
  }, [heatmap, frameIndex, view, size, colouring]);

  const pick = (e: MouseEvent<HTMLCanvasElement>) => {
    const p = placement.current;
    if (!onPickCell || !p) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const scale = e.currentTarget.width / Math.max(1, rect.width);
    const col = Math.floor(((e.clientX - rect.left) * scale - p.x) / p.cellPx);
    const row = Math.floor(((e.clientY - rect.top) * scale - p.y) / p.cellPx);
    const cell = row * p.cols + col;
    if (col >= 0 && col < p.cols && row >= 0 && cell < heatmap.cells) onPickCell(cell);
  };

  // The same cells as vectors, for an SVG export.
  const vector = useMemo(
    () => heatmapPainter(heatmap, frameIndex, view, colouring),
    [heatmap, frameIndex, view, colouring],
  );
  useVectorPainter(canvasRef, vector);

  return (
    <div className="heatmap" ref={boxRef}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={label}
        onClick={pick}
        className={onPickCell ? 'heatmap__canvas--zoomable' : undefined}
      />
    </div>
  );
});

/** Rings the cells with a page fetched on a fault since the last frame, so faults show as they happen. */
function ringFaults(ctx: CanvasRenderingContext2D, cells: readonly number[], p: Placement, dpr: number): void {
  if (cells.length === 0) return;
  const line = Math.max(1, Math.round(dpr));
  ctx.lineWidth = line;
  for (const cell of cells) {
    const cx = p.x + (cell % p.cols) * p.cellPx;
    const cy = p.y + Math.floor(cell / p.cols) * p.cellPx;
    // A ring around the cell, wider than a tiny cell so it still shows: dark outside, light inside.
    const pad = Math.max(line, 3 * line - p.cellPx / 2);
    ctx.strokeStyle = '#1b1030';
    ctx.strokeRect(cx - pad, cy - pad, p.cellPx + 2 * pad, p.cellPx + 2 * pad);
    ctx.strokeStyle = '#ffffff';
    ctx.strokeRect(cx - pad + line, cy - pad + line, p.cellPx + 2 * pad - 2 * line, p.cellPx + 2 * pad - 2 * line);
  }
}

/** Setting a canvas's size reallocates and clears it: only do it when the size really changed. */
function resizeBackingStore(canvas: HTMLCanvasElement, width: number, height: number): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

let cachedMask: { key: string; canvas: HTMLCanvasElement } | null = null;

/** Opaque lines where the seams go, for cutting them out of the drawn grid; rebuilt only when the grid changes. */
function seamMask(cols: number, rows: number, cellPx: number, gapPx: number): HTMLCanvasElement {
  const key = `${cols}x${rows}@${cellPx}/${gapPx}`;
  if (cachedMask?.key === key) return cachedMask.canvas;
  const canvas = document.createElement('canvas');
  canvas.width = cols * cellPx;
  canvas.height = rows * cellPx;
  const ctx = canvas.getContext('2d');
  if (ctx) {
    for (let c = 1; c < cols; c++) ctx.fillRect(c * cellPx - gapPx, 0, gapPx, canvas.height);
    for (let r = 1; r < rows; r++) ctx.fillRect(0, r * cellPx - gapPx, canvas.width, gapPx);
  }
  cachedMask = { key, canvas };
  return canvas;
}

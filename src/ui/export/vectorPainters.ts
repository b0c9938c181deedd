import { useEffect, type RefObject } from 'react';
import type { VectorPainter } from './svgContext';

/**
 * Canvases that can be drawn again as vectors: each registers the pure painter behind its pixels, and an
 * SVG export draws that painter into an SvgContext instead of embedding the pixels.
 */
const painters = new WeakMap<HTMLCanvasElement, VectorPainter>();

export const vectorPainterOf = (canvas: HTMLCanvasElement): VectorPainter | null => painters.get(canvas) ?? null;

/** Registers `painter` for the canvas in `ref` while the component shows it. */
export function useVectorPainter(ref: RefObject<HTMLCanvasElement | null>, painter: VectorPainter | null): void {
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !painter) return;
    painters.set(canvas, painter);
    return () => {
      if (painters.get(canvas) === painter) painters.delete(canvas);
    };
  }, [ref, painter]);
}

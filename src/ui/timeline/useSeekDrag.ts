import { useRef, type PointerEvent } from 'react';
import { useWorkspace } from '../../state/WorkspaceContext';
import type { TimeScale } from './timelineLayout';

/** Moving this far turns a press into a drag. */
const DRAG_PX = 3;

/**
 * Press or drag anywhere on the tracks to move the playhead. The pointer is captured only once it really drags,
 * so a plain click still reaches the round it landed on.
 */
export function useSeekDrag(x: TimeScale) {
  const seek = useWorkspace((s) => s.seek);
  const drag = useRef<{ pointerId: number; startPx: number; captured: boolean } | null>(null);

  const seekTo = (e: PointerEvent<HTMLElement>) => {
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const [startMs, endMs] = x.domain();
    seek(Math.min(endMs, Math.max(startMs, x.invert(px))));
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    drag.current = { pointerId: e.pointerId, startPx: e.clientX, captured: false };
    seekTo(e);
  };

  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    if (e.buttons === 0) {
      // Released outside the tracks before the press became a drag.
      drag.current = null;
      return;
    }
    if (!d.captured && Math.abs(e.clientX - d.startPx) >= DRAG_PX) {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      d.captured = true;
    }
    if (d.captured) seekTo(e);
  };

  const onPointerEnd = (e: PointerEvent<HTMLElement>) => {
    if (drag.current?.captured) e.currentTarget.releasePointerCapture?.(e.pointerId);
    drag.current = null;
  };

  return { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd };
}

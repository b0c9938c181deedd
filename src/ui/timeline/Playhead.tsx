import { useWorkspace } from '../../state/WorkspaceContext';
import type { TimeScale } from './timelineLayout';

/** The playhead across all tracks. Only this element follows the playhead, by a CSS transform, so playback redraws nothing else. */
export function Playhead({ x, topPx, heightPx }: { x: TimeScale; topPx: number; heightPx: number }) {
  const tMs = useWorkspace((s) => s.playhead.tMs);
  const [startMs, endMs] = x.domain();
  return (
    <div
      className="timeline__playhead"
      aria-hidden="true"
      hidden={tMs < startMs || tMs > endMs}
      style={{ top: topPx, height: heightPx, transform: `translateX(${x(tMs)}px)` }}
    />
  );
}

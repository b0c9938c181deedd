import { useEffect } from 'react';
import { playheadTrace } from '../../state/playheadTrace';
import { useWorkspaceContext } from '../../state/WorkspaceContext';

/** While playing, moves the shared playhead by real time x speed on every animation frame; stops at the end. */
export function usePlaybackClock(): void {
  const { store } = useWorkspaceContext();
  useEffect(() => {
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      const s = store.getState();
      const trace = playheadTrace(s);
      // The fleet view plays the same playhead over its own run (ui/fleet/useFleetClock.ts).
      if (s.playhead.playing && trace && s.view !== 'fleet') {
        const end = trace.summary.totalTimeMs;
        const next = s.playhead.tMs + (last === null ? 0 : (now - last) * s.playhead.speed);
        if (next >= end) store.setState({ playhead: { ...s.playhead, tMs: end, playing: false } });
        else store.setState({ playhead: { ...s.playhead, tMs: next } });
      }
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store]);
}

import { useEffect } from 'react';
import { playheadTrace } from '../../state/playheadTrace';
import { advance } from '../../state/playhead';
import { pacingOf } from '../../state/presentMode';
import { useWorkspaceContext } from '../../state/WorkspaceContext';

/**
 * While playing, moves the shared playhead by real time x speed on every animation frame; stops at the end.
 * In presentation mode playback is paced (src/state/playhead.ts `advance`): it pauses at the moments that
 * matter and slows through the blackout, and the moment it paused at is kept for the screen to say.
 */
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
        const { playhead, pausedAt } = advance(s.playhead, trace, last === null ? 0 : now - last, pacingOf(s));
        const present = pausedAt || s.present.pausedAt ? { present: { ...s.present, pausedAt } } : {};
        store.setState({ playhead, ...present });
      }
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store]);
}

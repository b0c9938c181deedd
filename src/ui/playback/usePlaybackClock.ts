import { useEffect } from 'react';
import { runEndMs } from '../../engine/trace/summary';
import { useLabContext } from '../../state/LabContext';

/** While playing, moves the playhead by real time x speed on every animation frame; stops at the end. */
export function usePlaybackClock(): void {
  const { store } = useLabContext();
  useEffect(() => {
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      const s = store.getState();
      if (s.playing && s.trace) {
        const end = runEndMs(s.trace.summary);
        const next = s.tMs + (last === null ? 0 : (now - last) * s.speed);
        if (next >= end) store.setState({ tMs: end, playing: false });
        else store.setState({ tMs: next });
      }
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store]);
}

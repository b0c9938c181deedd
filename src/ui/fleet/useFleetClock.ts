import { useEffect } from 'react';
import { fleetAdvance, fleetSimPerReal } from '../../state/fleetPlayhead';
import type { WorkspaceStore } from '../../state/workspace';

/** While playing, moves the shared playhead over the fleet run (the lab's clock stands aside in this view). */
export function useFleetClock(store: WorkspaceStore, endMs: number | null, fitMs: number, speedSPerS: number): void {
  useEffect(() => {
    if (endMs === null) return;
    let frame = 0;
    let last: number | null = null;
    const simPerReal = fleetSimPerReal(speedSPerS, fitMs);
    const tick = (now: number) => {
      if (last !== null) store.getState().apply(fleetAdvance(now - last, simPerReal, endMs));
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store, endMs, fitMs, speedSPerS]);
}

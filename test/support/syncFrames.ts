import { afterEach, beforeEach, vi } from 'vitest';

/** Canvas panels draw in the next animation frame; in these tests the frame comes at once. */
export function drawFramesAtOnce(): void {
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (draw: FrameRequestCallback) => {
      draw(0);
      return 0;
    });
    vi.stubGlobal('cancelAnimationFrame', () => {});
  });
  afterEach(() => vi.unstubAllGlobals());
}

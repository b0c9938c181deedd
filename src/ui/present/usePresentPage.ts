import { useLayoutEffect, useState } from 'react';

/**
 * While presentation mode is on, the whole page takes the projector's look (`present-mode` on <html>, whose
 * `data-palette` the heatmaps read their colours by). Returns whether the page is in full screen.
 */
export function usePresentPage(): boolean {
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  // A layout effect: it runs before any panel's drawing effect, so the heatmaps paint in the projector's colours.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.add('present-mode');
    root.dataset.palette = 'projector';
    const onChange = () => setFullscreen(document.fullscreenElement != null);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      root.classList.remove('present-mode');
      delete root.dataset.palette;
      document.removeEventListener('fullscreenchange', onChange);
    };
  }, []);
  return fullscreen;
}

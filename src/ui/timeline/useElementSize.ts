import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  widthPx: number;
  heightPx: number;
}

/** The element's content size, kept up to date by a ResizeObserver; `fallback` where nothing can be measured (jsdom). */
export function useElementSize(ref: RefObject<HTMLElement | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (widthPx: number, heightPx: number) =>
      setSize((old) => (old?.widthPx === widthPx && old.heightPx === heightPx ? old : { widthPx, heightPx }));
    const box = el.getBoundingClientRect();
    update(box.width, box.height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => update(entry.contentRect.width, entry.contentRect.height));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size && size.widthPx > 0 && size.heightPx > 0 ? size : fallback;
}

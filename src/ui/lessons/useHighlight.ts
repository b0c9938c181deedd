import { useEffect } from 'react';

/** The element a step points at: a field's control (`data-field`) or a region by its accessible name. */
function findTarget(target: string): HTMLElement | null {
  const byField = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(target)}"]`);
  if (byField) return byField;
  const byLabel = document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(target)}"]`);
  if (byLabel) return byLabel;
  for (const el of document.querySelectorAll<HTMLElement>('[aria-labelledby]')) {
    const label = document.getElementById(el.getAttribute('aria-labelledby')!.split(' ')[0]);
    if (label?.textContent?.trim() === target) return el;
  }
  return null;
}

/** Scrolls the panel that holds an element (the controls, the metrics) to show it; the page itself stays put. */
function revealInPanel(el: HTMLElement): void {
  for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
    if (!/(auto|scroll)/.test(getComputedStyle(box).overflowY) || box.scrollHeight <= box.clientHeight) continue;
    const at = el.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    if (at.top < view.top || at.bottom > view.bottom) box.scrollTop += at.top - view.top - 8;
    return;
  }
}

/**
 * Marks the element a lesson step points at (`data-lesson-highlight`, drawn by lessons.css), opening a
 * folded section that holds it and scrolling it into view. The element may appear only once the step's
 * run is drawn, so it is looked for again for a while.
 */
export function useHighlight(target: string | null, key: string): void {
  useEffect(() => {
    if (!target) return;
    let marked: HTMLElement | null = null;
    let tries = 0;
    const mark = () => {
      const el = findTarget(target);
      if (!el) return false;
      if (el === marked) return true;
      marked?.removeAttribute('data-lesson-highlight');
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      el.setAttribute('data-lesson-highlight', '');
      revealInPanel(el);
      marked = el;
      return true;
    };
    mark();
    // Keep looking: the target may be drawn later, or redrawn as a new element when the run arrives.
    const timer = setInterval(() => {
      if (marked && !marked.isConnected) marked = null;
      if ((mark() && tries > 40) || ++tries > 80) clearInterval(timer);
    }, 250);
    return () => {
      clearInterval(timer);
      marked?.removeAttribute('data-lesson-highlight');
    };
  }, [target, key]);
}

import type { Page } from '@playwright/test';

/**
 * The speed budgets of issue 15, as the browser probes print them for `npm run bench`: each figure with its
 * budget and whether it holds. Printed, never asserted (a busy machine must not fail the suite).
 */
export const BUDGETS = {
  firstRenderMs: 1000,
  /** One 60 Hz frame: a frame that misses its vsync shows as 33.3 ms. */
  frameP95Ms: 16.7,
  longestTaskDuringDragMs: 50,
  sliderToResultMs: 100,
  sweepWallS: 3,
} as const;

/** `probe: <what>: <figure> (budget <= <budget>): holds|MISSES`, the line bench/run.ts collects. */
export function budgetLine(what: string, figure: number, budget: number, unit: string, extra = '', slack = 0): string {
  const digits = figure < 100 ? 1 : 0;
  const verdict = figure <= budget + slack ? 'holds' : 'MISSES';
  return `probe: ${what}: ${figure.toFixed(digits)} ${unit} (budget <= ${budget} ${unit}): ${verdict}${extra ? `; ${extra}` : ''}`;
}

/** What requestAnimationFrame's timestamps wander by around a vsync, ms: a frame measured 16.8 ms made its vsync. */
export const FRAME_JITTER_MS = 0.5;

/** Percentile of a sample (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Starts collecting main-thread long tasks (over 50 ms) in the page; `takeLongTasks` reads and clears them. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

export const takeLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    return w.__longTasks.splice(0);
  });

/** Frame-to-frame times over `count` animation frames. */
export const frameTimes = (page: Page, count: number) =>
  page.evaluate(
    (n) =>
      new Promise<number[]>((done) => {
        const times: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          if (times.length < n) requestAnimationFrame(tick);
          else done(times.slice(1));
        };
        requestAnimationFrame(tick);
      }),
    count + 1,
  );

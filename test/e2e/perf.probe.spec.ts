import type { Page } from '@playwright/test';
import {
  BUDGETS,
  FRAME_JITTER_MS,
  budgetLine,
  frameTimes,
  percentile,
  takeLongTasks,
  watchLongTasks,
} from './probeBudget';
import { test, expect } from './fixtures';

// Playwright's trace recorder (screenshots and DOM snapshots as the page runs) would be measured with the app.
test.use({ trace: 'off' });

/**
 * Probes, not pass/fail timing tests: they print the figures of issue 15's budgets (first render, frame
 * times during playback, long tasks during a slider drag, slider-to-result latency) for `npm run bench`
 * and the CI log. What they assert is that each measurement happened, never how fast it was.
 */

/** The figures the metric cards show, joined: they change when a new result is drawn (the same in the wait below). */
const SHOWN_FIGURES = () =>
  [...document.querySelectorAll('.region--metrics .metric__value')].map((e) => e.textContent).join('|');

/** Ms since navigation when the lab first shows a result: the downtime figure and the heatmaps drawn. */
async function firstRenderMs(page: Page): Promise<number> {
  await page.goto('/');
  const at = await page.waitForFunction(
    () => {
      const label = [...document.querySelectorAll('.metric__label')].find((e) => e.textContent === 'Downtime');
      const value = label?.closest('.metric')?.querySelector('.metric__value')?.textContent ?? '';
      const heatmaps = document.querySelectorAll('[aria-label="Hosts"] canvas').length;
      return /\d/.test(value) && heatmaps > 0 ? performance.now() : 0;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await at.jsonValue()) as number;
}

/** Plays the lab's scenario from the start and measures `count` frames of it. */
async function playbackFrames(page: Page, count: number): Promise<number[]> {
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await frameTimes(page, count);
  if (await page.getByRole('button', { name: 'Pause' }).isVisible())
    await page.getByRole('button', { name: 'Pause' }).click();
  return frames;
}

const frameLine = (what: string, frames: number[]) =>
  budgetLine(
    `${what}: playback frame time p95`,
    percentile(frames, 95),
    BUDGETS.frameP95Ms,
    'ms',
    `p50 ${percentile(frames, 50).toFixed(1)}, p99 ${percentile(frames, 99).toFixed(1)}, max ${percentile(frames, 100).toFixed(1)} ms over ${frames.length} frames, ${frames.filter((ms) => ms > 1.5 * BUDGETS.frameP95Ms).length} missed a vsync`,
    FRAME_JITTER_MS,
  );

test('probe: first render, and frame times during playback at 1920x1080', async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const renderMs = await firstRenderMs(page);
  console.log(budgetLine('first render (navigation to the first result drawn)', renderMs, BUDGETS.firstRenderMs, 'ms'));
  const frames = await playbackFrames(page, 180);
  console.log(frameLine('default scenario, 1920x1080', frames));
  expect(renderMs).toBeGreaterThan(0);
  expect(frames.length).toBeGreaterThan(100);
});

test('probe: frame times with the finest heatmap the format allows', async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // 16,384 cells (128 x 128) is output.heatmapCells' maximum; issue 15 asked for 256 x 256, which it refuses.
  await page.goto('/?v=1&output.heatmapCells=16384');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  const frames = await playbackFrames(page, 180);
  console.log(frameLine('16,384-cell heatmaps, 1920x1080', frames));
  expect(frames.length).toBeGreaterThan(100);
});

test('probe: long tasks during a 5 s slider drag, and slider-to-result latency', async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  await watchLongTasks(page);

  const slider = page.getByRole('slider', { name: 'Write rate', exact: true });
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  // Back and forth across the slider for 5 s of wall time, a move every frame or so.
  const started = Date.now();
  let moves = 0;
  while (Date.now() - started < 5000) {
    const phase = (moves % 60) / 60;
    const along = phase < 0.5 ? phase * 2 : 2 - phase * 2;
    await page.mouse.move(box.x + 4 + (box.width - 8) * along, y);
    await page.waitForTimeout(16);
    moves++;
  }
  await page.mouse.up();
  await page.waitForTimeout(500);
  const longTasks = await takeLongTasks(page);
  const longest = longTasks.length ? Math.max(...longTasks) : 0;
  console.log(
    budgetLine(
      'slider drag for 5 s: longest main-thread task',
      longest,
      BUDGETS.longestTaskDuringDragMs,
      'ms',
      `${longTasks.length} tasks over 50 ms, ${moves} pointer moves`,
    ),
  );

  // One step of the slider by keyboard, then the wait for the new figures to be drawn, five times, from the
  // default scenario: wherever the drag left the slider (near 0 MiB/s on a slow machine, where one step may
  // change no figure shown), and whatever interventions it recorded.
  await page.goto('/?v=1');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  await expect(page.locator('.stale-label')).toHaveCount(0);
  await slider.focus();
  const latencies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await page.evaluate(SHOWN_FIGURES);
    await page.evaluate(() => {
      const w = window as unknown as { __keyAt: number };
      window.addEventListener('keydown', () => (w.__keyAt = performance.now()), { once: true, capture: true });
    });
    await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight');
    const drawn = await page.waitForFunction(
      (previous) => {
        const now = [...document.querySelectorAll('.region--metrics .metric__value')].map((e) => e.textContent);
        const fresh = now.join('|') !== previous && document.querySelector('.region--metrics .stale-label') === null;
        return fresh ? performance.now() - (window as unknown as { __keyAt: number }).__keyAt : 0;
      },
      before,
      { polling: 'raf', timeout: 30_000 },
    );
    latencies.push((await drawn.jsonValue()) as number);
  }
  console.log(
    budgetLine(
      'slider to result drawn (default scenario, median of 5 key steps)',
      percentile(latencies, 50),
      BUDGETS.sliderToResultMs,
      'ms',
      `each ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    ),
  );
  expect(moves).toBeGreaterThan(0);
  expect(latencies).toHaveLength(5);
});

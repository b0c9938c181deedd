import { test, expect } from './fixtures';

/**
 * A probe, not a pass/fail timing test: it prints frame-time percentiles while the migration plays and the
 * longest main-thread task while a slider is dragged, so regressions show up in the CI log.
 */
test('probe: frame times during playback and long tasks during a slider drag', async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((done) => {
        const times: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          if (times.length < 180) requestAnimationFrame(tick);
          else done(times.slice(1));
        };
        requestAnimationFrame(tick);
      }),
  );
  if (await page.getByRole('button', { name: 'Pause' }).isVisible()) await page.keyboard.press('End');
  const sorted = [...frames].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
  console.log(
    `probe: playback frame time ms p50 ${pct(50)} p95 ${pct(95)} p99 ${pct(99)} max ${pct(100)} (${frames.length} frames)`,
  );

  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  const slider = page.getByRole('slider', { name: 'Write rate', exact: true });
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i <= 30; i++) {
    await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / 30, box.y + box.height / 2);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(500);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const longest = longTasks.length ? Math.max(...longTasks).toFixed(0) : '0';
  console.log(`probe: slider drag: ${longTasks.length} long tasks (> 50 ms) on the main thread, longest ${longest} ms`);
  expect(frames.length).toBeGreaterThan(100);
});

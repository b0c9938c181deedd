import { test, expect } from './fixtures';

/**
 * A run that would keep the engine busy for hours (a 1 TiB VM over a 100 Mbit/s link) pauses at the lab's
 * wall-time bound and asks: Continue gives it as long again, Stop ends it; the lab stays usable meanwhile.
 * The bound is shortened to 5 s for the test (the app's is 60 s), so a fast machine finishing the run
 * sooner cannot skip the pause; asserts no time.
 */
test('a run over the wall-time bound pauses and asks; Continue goes on', async ({ guardedPage: page }, testInfo) => {
  test.setTimeout(400_000);
  await page.addInitScript(() => Object.assign(window, { brownoutWallLimitMs: 5000 }));
  await page.goto('/?v=1&vm.memoryMiB=1048576&network.linkMbps=100');
  const paused = page
    .getByRole('alert')
    .filter({ hasText: /^Paused: this run has computed for \d+ s without finishing/ });
  await expect(paused).toBeVisible({ timeout: 300_000 });
  await page.screenshot({ path: testInfo.outputPath('paused.png') });
  await paused.getByRole('button', { name: 'Continue' }).click();
  // Computing again: the progress (with its Cancel) is back, the pause notice gone until the next bound.
  await expect(paused).toHaveCount(0);
  const progress = page.getByRole('status', { name: 'Simulation progress' });
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.run-status').filter({ hasText: 'Run cancelled' })).toBeVisible();
  // The lab still answers: a sane scenario runs to its result.
  await page.getByRole('button', { name: 'Reset all' }).click();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
});

import { test, expect } from './fixtures';

const TIB = 1_048_576;

/**
 * The spectrum of a 1 TiB VM takes two whole simulations of it; the lab's run must not queue behind them.
 * The engine pool runs lab runs first, whatever background work its workers have.
 */
test('on a 1 TiB VM, a slider change gets its result without waiting for the spectrum', async ({
  guardedPage: page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/?v=1&vm.memoryMiB=${TIB}`);
  const total = page.getByRole('group', { name: 'Total migration time' }).locator('.metric__value');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 60_000 });
  const before = await total.innerText();

  await page.getByRole('tab', { name: 'Spectrum of approaches' }).click();
  const working = page.getByRole('status').filter({ hasText: 'Working out the spectrum…' });
  await expect(working).toBeVisible();
  // Let the spectrum get going in the worker.
  await page.waitForTimeout(1500);

  const link = page.getByRole('slider', { name: 'Link bandwidth', exact: true });
  await link.focus();
  await page.keyboard.press('ArrowRight');
  await expect(link).toHaveAttribute('aria-valuetext', '2 Gbit/s');
  await expect(total).not.toHaveText(before, { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  // The lab's result is in while the spectrum (for the new link) is still being worked out.
  await expect(working).toBeVisible();
  await expect(page.getByText('running: previous result')).toHaveCount(0);

  // And the spectrum does arrive, for the scenario on screen.
  const table = page.getByRole('table', { name: /approach/i });
  await expect(table.getByRole('row', { name: /Quick migration/ })).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText(/Now: 2 Gbit\/s/)).toBeVisible();
});

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

test('after Cancel on a long run, the panels and the header say they show the previous result', async ({
  guardedPage: page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?v=1&vm.memoryMiB=262144');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 60_000 });
  const total = page.getByRole('group', { name: 'Total migration time' }).locator('.metric__value');
  const before = await total.innerText();
  await page.getByRole('slider', { name: 'Link bandwidth', exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 30_000 });
  await expect(page.getByText('cancelled: previous result')).toHaveCount(3);
  await expect(page.locator('.engine-status')).toHaveText('run cancelled');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toHaveCount(0);
  await expect(total).toHaveText(before);
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '500 Mbit/s',
  );
  // Running it again brings a fresh result and the labels go.
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/: previous result/)).toHaveCount(0);
  await expect(total).not.toHaveText(before);
});

import { BUDGETS, budgetLine } from './probeBudget';
import { test, expect } from './fixtures';

// Playwright's trace recorder (screenshots and DOM snapshots as the page runs) would be measured with the app.
test.use({ trace: 'off' });

/**
 * A probe, not a pass/fail timing test: the wall time of the Sweep view's default sweep (100 points of the
 * default scenario's write rate, across the link's speed) on the engine pool, printed for `npm run bench`.
 */
test('probe: a 100-point sweep of the default scenario', async ({ guardedPage: page }) => {
  test.setTimeout(180_000);
  await page.goto('/?v=1&view=sweep');
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await expect(sweep.getByLabel('Points')).toHaveValue('100');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  const status = sweep.locator('.sweep-status[data-status="done"]');
  await expect(status).toBeVisible({ timeout: 170_000 });
  const wallMs = Number(await status.getAttribute('data-wall-ms'));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(
    budgetLine(
      '100-point sweep of the default scenario on the engine pool',
      wallMs / 1000,
      BUDGETS.sweepWallS,
      's',
      `${((100 * 1000) / wallMs).toFixed(0)} runs/s, ${cores} cores`,
    ),
  );
  expect(wallMs).toBeGreaterThan(0);
});

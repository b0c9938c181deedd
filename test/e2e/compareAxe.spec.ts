import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const violations = async (page: import('@playwright/test').Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

test('the Compare and Sweep views pass axe', async ({ guardedPage: page }) => {
  await page.goto('/?v=1&view=compare&cmp=1&c1=Pre-copy&c2=Post-copy;strategy:postcopy');
  const region = page.getByRole('region', { name: 'Comparison' });
  await expect(region.locator('.goals__value')).toHaveCount(8, { timeout: 30_000 });
  expect(await violations(page)).toEqual([]);

  await page.goto('/?v=1&view=sweep&sweep=1&sweep.field=network.linkMbps&sweep.from=500&sweep.to=5000&sweep.points=4');
  await expect(page.locator('.sweep-status[data-status="done"]')).toBeVisible({ timeout: 60_000 });
  expect(await violations(page)).toEqual([]);
});

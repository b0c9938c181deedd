import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const memory = (page: Page) => page.getByRole('slider', { name: 'Memory size', exact: true });

const engineBusy = (page: Page) => page.locator('.engine-status--busy');

/** A visit that sets a 1 TiB VM over a 100 Mbit/s link and closes the tab while it is still being simulated. */
async function closeMidRun(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  await memory(page).focus();
  await page.keyboard.press('End');
  await page.getByRole('slider', { name: 'Link bandwidth', exact: true }).focus();
  await page.keyboard.press('Home');
  await expect(memory(page)).toHaveAttribute('aria-valuetext', '1 TiB');
  await expect(engineBusy(page)).toBeVisible();
  await page.waitForTimeout(600); // the scenario is saved after a pause in changes
  await page.close({ runBeforeUnload: true });
}

test('a scenario still computing when the tab closed is offered at the next visit, not restored', async ({
  guardedPage: page,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  await closeMidRun(context);

  await page.goto('/');
  const prompt = page.getByRole('alert', { name: 'Your last scenario' });
  await expect(prompt).toContainText('a 1 TiB VM over a 100 Mbit/s link, pre-copy');
  await expect(prompt).toContainText('was not reopened');
  await page.screenshot({ path: testInfo.outputPath('restore-prompt.png') });
  // The lab runs the default meanwhile.
  await expect(memory(page)).not.toHaveAttribute('aria-valuetext', '1 TiB');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);

  // A shared link meanwhile wins, and leaves the question for the next plain visit, which asks again.
  await page.goto('/?v=1&vm.memoryMiB=2048');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  await expect(prompt).toHaveCount(0);
  await page.goto('/');
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Reopen it' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(memory(page)).toHaveAttribute('aria-valuetext', '1 TiB');
  await expect(engineBusy(page)).toBeVisible();
});

test('declined, the unfinished scenario is forgotten and the next visit asks nothing', async ({
  guardedPage: page,
  context,
}) => {
  test.setTimeout(120_000);
  await closeMidRun(context);
  await page.goto('/');
  const prompt = page.getByRole('alert', { name: 'Your last scenario' });
  await prompt.getByRole('button', { name: 'Keep the default' }).click();
  await expect(prompt).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  await expect(prompt).toHaveCount(0);
  await expect(memory(page)).not.toHaveAttribute('aria-valuetext', '1 TiB');
});

test('a scenario whose run ended is restored as before, without a question', async ({ guardedPage: page, context }) => {
  const first = await context.newPage();
  await first.goto('/');
  await expect(first.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  await memory(first).focus();
  await first.keyboard.press('ArrowRight');
  await expect(memory(first)).toHaveAttribute('aria-valuetext', '8 GiB');
  await expect(first.locator('.region--metrics .stale-label')).toHaveCount(0);
  await first.waitForTimeout(600);
  await first.close({ runBeforeUnload: true });
  await page.goto('/');
  await expect(memory(page)).toHaveAttribute('aria-valuetext', '8 GiB');
  await expect(page.getByRole('alert', { name: 'Your last scenario' })).toHaveCount(0);
});

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Opens the lab on a link and waits for its first result (a long run may take some seconds). */
async function openLab(page: Page, query = '', timeout = 5000) {
  await page.goto(`/${query}`);
  // "engine ready" appears only once the run on screen has its result, so it waits as long as the run may take.
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout });
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
}

const stopReason = (page: Page) => page.getByRole('group', { name: 'Stop reason', exact: true });

test('a run with a round cap reaches the cap, and never claims it would run forever', async ({ guardedPage: page }) => {
  // Four rounds of 2,000 MiB/s are simulated write by write: about 5 s on an idle machine, far more on a busy one.
  test.setTimeout(180_000);
  await openLab(page, '?v=1&workload.writeRateMiBps=2000&workload.wssMiB=4096&workload.pattern=uniform', 150_000);
  await expect(stopReason(page).locator('.metric__value')).toHaveText('Round cap reached');
  await expect(page.getByRole('group', { name: 'Rounds', exact: true }).locator('.metric__value')).toHaveText('30');
  await expect(page.getByRole('group', { name: 'Rounds', exact: true })).toContainText('computed');
  await expect(page.getByText(/would (have )?run forever/)).toHaveCount(0);
});

test('two changes while playing never flash a false verdict', async ({ guardedPage: page }) => {
  await openLab(page, '?v=1&workload.writeRateMiBps=400&workload.wssMiB=1024&workload.pattern=uniform', 30_000);
  await page.getByRole('button', { name: /^Play/ }).click();
  const slider = page.getByRole('slider', { name: 'Link bandwidth', exact: true });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 12; i++) {
    await expect(stopReason(page)).not.toContainText(/Simulation limit|Never converges|run forever/);
    await page.waitForTimeout(250);
  }
});

test('the heatmap zooms down to single pages and back, and post-copy faults show in purple', async ({
  guardedPage: page,
}) => {
  await openLab(
    page,
    '?v=1&strategy=postcopy&workload.pattern=zipf&workload.writeRateMiBps=60&workload.wssMiB=2048&t=3000',
  );
  const view = page.getByRole('group', { name: 'Heatmap view' });
  await expect(view).toContainText('All of memory · 1 cell = 1,024 pages');
  // The destination holds pages fetched on faults: some of its cells are purple.
  const purple = await page.locator('.host--destination canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 2] > data[i + 1] + 40 && data[i] > data[i + 1] + 20) n++;
    return n;
  });
  expect(purple).toBeGreaterThan(100);
  const source = page.locator('.host--source canvas');
  const box = (await source.boundingBox())!;
  await source.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } });
  await expect(view).toContainText('1 cell = 32 pages');
  await source.click({ position: { x: box.width * 0.5, y: box.height * 0.4 } });
  await expect(view).toContainText('1 cell = 1 page');
  await expect(view).toContainText(/Pages [\d,]+–[\d,]+ of 1,048,576/);
  await view.getByRole('button', { name: 'Whole memory' }).click();
  await expect(view).toContainText('All of memory');
});

test('the downtime explanation adds up at 100 Gbit/s, on the link as it was', async ({ guardedPage: page }) => {
  await openLab(page, '?v=1&network.linkMbps=100000&network.otherTrafficMbps=600');
  await page.getByRole('button', { name: 'Explain Downtime' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explanation: Downtime' });
  await expect(dialog).toContainText('Final copy of the dirty pages');
  await expect(dialog).toContainText('Switchover and acknowledgement');
  await expect(dialog).toContainText('sum of the above');
  await expect(dialog).not.toContainText('Checking never-written pages');
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** The four headline figures as the page shows them. */
async function metrics(page: Page) {
  const read = (name: string) => page.getByRole('group', { name, exact: true }).locator('.metric__value').innerText();
  return {
    downtime: await read('Downtime'),
    total: await read('Total migration time'),
    bytes: await read('Bytes transferred'),
    rounds: await read('Rounds'),
  };
}

/** "938 ms", "19.1 s", "2 min 5 s" in milliseconds. */
function toMs(text: string): number {
  const min = /(\d+) min (\d+) s/.exec(text);
  if (min) return (Number(min[1]) * 60 + Number(min[2])) * 1000;
  return text.endsWith(' ms') ? parseFloat(text) : parseFloat(text) * 1000;
}

async function openLab(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
}

test('opens on a pre-copy run that converges in a few visible rounds', async ({ guardedPage: page }) => {
  await openLab(page);
  const m = await metrics(page);
  expect(Number(m.rounds)).toBeGreaterThanOrEqual(3);
  expect(Number(m.rounds)).toBeLessThanOrEqual(6);
  await expect(page.getByRole('group', { name: 'Stop reason' })).toContainText('converged');
  for (const name of [
    'Memory size',
    'Used memory',
    'Write rate',
    'Writable working set',
    'Link bandwidth',
    'Migration bandwidth cap',
    'Downtime limit',
    'Max iterations',
  ])
    await expect(page.getByRole('slider', { name, exact: true })).toBeVisible();
  const strategy = page.getByRole('radiogroup', { name: 'Strategy' });
  for (const name of ['Pre-copy', 'Post-copy', 'Hybrid', 'Stop-and-copy'])
    await expect(strategy.getByRole('radio', { name })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Workload preset' })).toHaveValue('web');
});

test('dragging "Link bandwidth" re-runs the engine and changes the metrics', async ({ guardedPage: page }) => {
  await openLab(page);
  const before = await metrics(page);
  const slider = page.getByRole('slider', { name: 'Link bandwidth', exact: true });
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.3 + i * 0.05), box.y + box.height / 2);
  await page.mouse.up();
  await expect(slider).toHaveAttribute('aria-valuetext', /Gbit\/s/);
  await expect.poll(async () => (await metrics(page)).total).not.toBe(before.total);
  const after = await metrics(page);
  expect(toMs(after.total)).toBeLessThan(toMs(before.total));
});

test('a copied link opened in a fresh page gives identical metrics', async ({ guardedPage: page, browser }) => {
  await openLab(page);
  await page.getByRole('slider', { name: 'Write rate', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('radio', { name: 'Hybrid' }).check();
  // No codes on screen: the reason reads as words.
  await expect(page.getByRole('group', { name: 'Stop reason' })).toContainText('Planned switch to post-copy');
  const shown = await metrics(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this scenario' }).inputValue();
  expect(link).toContain('strategy=hybrid');
  expect(link).toContain('workload.writeRateMiBps=');
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  // A fresh context starts a cold worker: give the run room on a busy machine (this times nothing).
  await expect(fresh.getByRole('group', { name: 'Stop reason' })).toContainText('Planned switch to post-copy', {
    timeout: 30_000,
  });
  expect(await metrics(fresh)).toEqual(shown);
  await expect(fresh.getByRole('radio', { name: 'Hybrid' })).toBeChecked();
});

test('playback works from the keyboard alone', async ({ guardedPage: page }) => {
  await openLab(page);
  const time = page.getByLabel('Simulated time');
  const end = (await time.innerText()).split('/')[1].trim();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Home');
  await expect(time).toContainText('t = 0 ms');
  await page.keyboard.press('ArrowRight');
  await expect(time).not.toContainText('t = 0 ms');
  const afterStep = await time.innerText();
  await page.keyboard.press('ArrowLeft');
  await expect(time).toContainText('t = 0 ms');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.waitForTimeout(600);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await time.innerText()).not.toBe('t = 0 ms / ' + end);
  expect(afterStep).toMatch(/t = [\d.]+ (ms|s)/);
  await page.keyboard.press('End');
  await expect(time).toHaveText(`t = ${end} / ${end}`);
});

test('"?" opens the keyboard shortcut sheet from anywhere; Escape closes it', async ({ guardedPage: page }) => {
  await openLab(page);
  await page.getByRole('slider', { name: 'Write rate', exact: true }).focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Play / pause');
  await expect(sheet).toContainText('Pin as baseline');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('a tampered link shows what was wrong and opens on sane defaults', async ({ guardedPage: page }) => {
  await openLab(page, '?v=1&vm.memoryMiB=lots&network.linkMbps=-3&bogus=1');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('vm.memoryMiB');
  await expect(alert).toContainText('64 to 1048576 MiB');
  await expect(alert).toContainText('network.linkMbps');
  await expect(alert).toContainText('bogus: not a field');
  await expect(page.getByRole('slider', { name: 'Memory size', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '4 GiB',
  );
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '1 Gbit/s',
  );
  expect(Number((await metrics(page)).rounds)).toBeGreaterThan(0);
});

test('a link from another format version loads the defaults and says so', async ({ guardedPage: page }) => {
  await openLab(page, '?v=7&network.linkMbps=100');
  await expect(page.getByRole('alert')).toContainText('format version "7"');
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '1 Gbit/s',
  );
});

test('the last scenario comes back after a reload; Reset all returns to the opening scenario', async ({
  guardedPage: page,
}) => {
  await openLab(page);
  await page.getByRole('radio', { name: 'Stop-and-copy' }).check();
  await expect(page.getByRole('group', { name: 'Stop reason' })).toContainText('No pre-copy rounds');
  await page.goto('/');
  await expect(page.getByRole('radio', { name: 'Stop-and-copy' })).toBeChecked();
  await page.getByRole('button', { name: 'Reset all' }).click();
  await expect(page.getByRole('radio', { name: 'Pre-copy' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Stop reason' })).toContainText('converged');
});

test('every control explains itself on focus', async ({ guardedPage: page }) => {
  await openLab(page);
  const slider = page.getByRole('slider', { name: 'Downtime limit', exact: true });
  await slider.focus();
  const hintId = await slider.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${hintId}"]`)).toBeVisible();
  await expect(page.locator(`[id="${hintId}"]`)).toContainText('bandwidth × this limit');
});

test('has no accessibility violations', async ({ guardedPage: page }) => {
  await openLab(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const)
  test(`screenshot at ${width}x${height}`, async ({ guardedPage: page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await openLab(page, '?v=1&t=18700');
    await page.waitForTimeout(300);
    await page.screenshot({ path: testInfo.outputPath(`lab-${width}x${height}.png`) });
    // Nothing may spill out of the window: the lab fits a projector without scrolling the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
  });

test('dragging a network slider while playing records an intervention, with the run before it as a ghost', async ({
  guardedPage: page,
}) => {
  await openLab(page);
  const before = await metrics(page);
  await page.getByRole('slider', { name: 'Playhead' }).fill('6000');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const cap = page.getByRole('slider', { name: 'Migration bandwidth cap', exact: true });
  await cap.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const remove = page.getByRole('button', { name: /^Remove intervention at .*network\.capMbps = 200/ });
  await expect(remove).toBeVisible();
  await expect(page.getByRole('group', { name: 'Total migration time' })).toContainText(`before: ${before.total}`);
  // The base scenario is untouched: the cap is a change at the playhead's time.
  await expect(cap).toHaveAttribute('aria-valuetext', /200 Mbit\/s|no cap/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.getByRole('textbox', { name: 'Link to this scenario' }).inputValue()).toMatch(
    /iv=\d+:network\.capMbps:200/,
  );
  await page.getByRole('button', { name: 'Close' }).click();
  await remove.click();
  await expect(remove).toHaveCount(0);
  await expect.poll(async () => (await metrics(page)).total).toBe(before.total);
});

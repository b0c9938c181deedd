import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { TRACES_DIR } from '../support/traces';
import { test, expect } from './fixtures';

/**
 * axe over every view and mode, with its dialogs and menus open: any serious or critical violation fails,
 * named by rule and the elements it was found on.
 */
async function serious(page: Page): Promise<string[]> {
  // Colours are judged at rest: a marker fading in is not a contrast failure (reduced motion stops the fade).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  return found;
}

async function expectClean(page: Page, where: string) {
  expect(await serious(page), where).toEqual([]);
}

const engineReady = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 30_000 });
const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

async function openMenu(scope: Locator) {
  await scope.getByRole('button', { name: 'Export', exact: true }).first().click();
  await expect(scope.page().getByRole('menu', { name: 'Export' })).toBeVisible();
}

// Each axe pass takes seconds on a loaded machine, and a test here makes up to eight.
test.describe.configure({ timeout: 240_000 });

test('the lab, each of its tabs, and its dialogs and menus pass axe', async ({ guardedPage: page }) => {
  await page.goto('/?v=1&t=18700');
  await engineReady(page);
  await page.getByRole('region', { name: 'Timeline' }).getByText('Show as table', { exact: true }).click();
  await expect(page.getByRole('table', { name: /^Timeline: dirty set/ })).toBeVisible();
  await expectClean(page, 'lab, memory tab, the timeline as a table');
  await page.getByRole('button', { name: 'Hide table' }).click();
  await expect(page.getByRole('table', { name: /^Timeline:/ })).toHaveCount(0);
  await page.getByRole('region', { name: 'Hosts' }).getByText('Show as table', { exact: true }).click();
  await expect(page.getByRole('table', { name: /^Memory at .*: pages by state/ })).toBeVisible();
  await expectClean(page, 'lab, the heatmaps as a table');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: /^Memory at/ })).toHaveCount(0);
  const tabs = page.getByRole('tablist', { name: 'View' });
  for (const tab of ['Whole migration', 'Spectrum of approaches']) {
    await tabs.getByRole('tab', { name: tab }).click();
    await expect(tabs.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectClean(page, `lab, ${tab} tab`);
  }
  await tabs.getByRole('tab', { name: 'Memory' }).click();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectClean(page, 'the "?" shortcut sheet');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Explain Downtime' }).click();
  await expect(page.getByRole('dialog', { name: /^Explanation:/ })).toBeVisible();
  await expectClean(page, 'the explanation dialog');
  await page.keyboard.press('Escape');

  await openMenu(page.getByRole('region', { name: 'Timeline' }));
  await expectClean(page, 'the export menu');
  await page.keyboard.press('Escape');

  await page.getByRole('banner').getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this scenario' })).toBeVisible();
  await expectClean(page, 'the share popover');
  await page.getByRole('dialog', { name: 'Share this scenario' }).getByRole('button', { name: 'Close' }).click();

  await page.getByRole('banner').getByRole('button', { name: 'About' }).click();
  await expect(page.getByRole('dialog', { name: 'About Brownout' })).toBeVisible();
  await expectClean(page, 'the About note');
  await page.keyboard.press('Escape');

  await page
    .getByRole('region', { name: 'Controls' })
    .getByRole('button', { name: /^What is / })
    .first()
    .click();
  await expect(page.getByRole('dialog', { name: /^Glossary:/ })).toBeVisible();
  await expectClean(page, 'a glossary popover');
});

test('lessons, and a lesson step before and after its prediction, pass axe', async ({ guardedPage: page }) => {
  await page.goto('/?v=1&view=lessons');
  await expect(page.getByRole('button', { name: /^Start: / }).first()).toBeVisible();
  await expectClean(page, 'the lesson list');
  await page.goto('/?lesson=rounds&step=1');
  await engineReady(page);
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await expect(lesson.getByRole('form', { name: 'Your prediction' })).toBeVisible();
  await expectClean(page, 'a lesson step waiting for a prediction');
  await lesson.getByRole('spinbutton', { name: 'Your answer, in MiB' }).fill('900');
  await lesson.getByRole('button', { name: 'Lock in my answer' }).click();
  await expect(lesson.getByRole('status', { name: 'Your prediction, scored' })).toContainText(/the run gives/, {
    timeout: 30_000,
  });
  await expectClean(page, 'a lesson step after its prediction');
});

test('compare, sweep, fleet, variants and the glossary pass axe', async ({ guardedPage: page }) => {
  await page.goto('/?v=1&view=compare&cmp=1&c1=Pre-copy&c2=Post-copy;strategy:postcopy');
  await expect(page.getByRole('region', { name: 'Comparison' }).locator('.goals__value')).toHaveCount(8, {
    timeout: 30_000,
  });
  await page.locator('figure.trade-off').getByText('Show as table', { exact: true }).click();
  await expectClean(page, 'compare with two runs, the trade-off as a table');
  await openMenu(page.getByRole('region', { name: 'Comparison' }));
  await expectClean(page, 'the comparison export menu');
  await page.keyboard.press('Escape');

  await page.goto('/?v=1&view=sweep&sweep=1&sweep.field=network.linkMbps&sweep.from=500&sweep.to=5000&sweep.points=4');
  await expect(page.locator('.sweep-status[data-status="done"]')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('region', { name: 'Sweep' }).getByText('Show as table', { exact: true }).click();
  await expectClean(page, 'a sweep with its result, as a table');

  await page.goto('/?v=1&view=fleet&fleet=rack-maintenance');
  await expect(page.getByRole('status').filter({ hasText: /VMs simulated in .* in a worker/ })).toBeVisible({
    timeout: 30_000,
  });
  for (const region of ['Hosts', 'Migrations over time'])
    await page.getByRole('region', { name: region }).getByText('Show as table', { exact: true }).click();
  await expectClean(page, 'the fleet, its charts as tables');

  await page.goto('/?v=1&view=variants');
  await expect(page.getByRole('main')).toBeVisible();
  await engineReady(page);
  await expectClean(page, 'variants');

  await views(page).getByRole('button', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { name: /glossary/i }).first()).toBeVisible();
  await expectClean(page, 'the glossary');
});

test('a record opened from a file passes axe', async ({ guardedPage: page }) => {
  await page.goto('/');
  await engineReady(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('banner').getByRole('button', { name: 'Open file' }).click(),
  ]);
  await chooser.setFiles(join(TRACES_DIR, 'cpu_ws128_m512_bw64_dt300_autoconv.jsonl'));
  await expect(page.getByRole('table', { name: 'Predicted against measured' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Timeline' }).getByText('Show as table', { exact: true }).click();
  await expectClean(page, 'from file, with a QEMU record and its timeline as a table');
});

test('presentation and embed modes pass axe, with their menus open', async ({ guardedPage: page }) => {
  await page.goto('/?present=1');
  await expect(page.getByRole('banner', { name: 'Scene' })).toBeVisible();
  await engineReady(page).catch(() => undefined);
  await expect(page.getByRole('region', { name: 'Metrics' })).toContainText(/\d+ ms/, { timeout: 30_000 });
  await expectClean(page, 'presentation mode');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectClean(page, 'presentation mode with the shortcut sheet');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByRole('group', { name: 'Presenter' })).toBeVisible();
  await expectClean(page, 'the presenter menu');

  await page.goto('/?embed=1&v=1&strategy=postcopy');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 30_000 });
  await expectClean(page, 'embed mode');
  await page.keyboard.press('?');
  await expectClean(page, 'embed mode after "?"');
});

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Script files the page has fetched so far (the chunks are named after their first module). */
const scriptsFetched = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop()!)
      .filter((name) => name.endsWith('.js')),
  );

const LAZY_VIEWS = [
  { button: 'Compare', chunk: 'CompareScreen', region: 'Compare' },
  { button: 'Fleet', chunk: 'FleetScreen', region: null },
  { button: 'Glossary', chunk: 'GlossaryView', region: null },
] as const;

test('the lab loads without the other views’ code, and each view fetches its own when first opened', async ({
  guardedPage: page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  const atStart = await scriptsFetched(page);
  for (const { chunk } of LAZY_VIEWS) expect(atStart.some((name) => name.startsWith(`${chunk}-`))).toBe(false);

  const nav = page.getByRole('navigation', { name: 'Views' });
  for (const { button, chunk } of LAZY_VIEWS) {
    await nav.getByRole('button', { name: button, exact: true }).click();
    await expect(nav.getByRole('button', { name: button, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.screen-loading')).toHaveCount(0);
    await expect(page.locator('main, [role="region"]').first()).toBeVisible();
    expect((await scriptsFetched(page)).some((name) => name.startsWith(`${chunk}-`))).toBe(true);
  }
});

test('a view whose code is slow to arrive says it is loading, then shows the view', async ({ guardedPage: page }) => {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(/\/assets\/GlossaryView-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Glossary' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the Glossary view…' })).toBeVisible();
  release();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the Glossary view' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Glossary' })).toBeVisible();
});

test('a view whose code cannot be fetched says so and offers a reload, and the rest keeps working', async ({
  page,
}) => {
  await page.route(/\/assets\/FleetScreen-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('button', { name: 'Fleet' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The Fleet view could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  await nav.getByRole('button', { name: 'Lab' }).click();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
});

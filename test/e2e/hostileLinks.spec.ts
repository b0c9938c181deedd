import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * A sample of the hostile links the harness in test/fuzz generates, opened in Chromium: each shows the lab
 * (never a blank page) with a notice that names what was wrong, throws nothing, runs no injected script
 * and requests nothing from another origin (the guarded page checks those last two for every test).
 */
const deep = '['.repeat(5000);
const HOSTILE_LINKS: { name: string; query: string; says: RegExp }[] = [
  { name: '5,000 nested brackets', query: `v=1&faults=${deep}`, says: /faults: "\[\[\[.*is not valid JSON/ },
  {
    name: '5,000 nested brackets, closed',
    query: `v=1&faults=${deep}${']'.repeat(5000)}`,
    says: /faults\.0: \[\[\[\[…\]\]\]\] is not allowed/,
  },
  // Servers refuse addresses past about 16 KB (vite preview answers 431); a 100 KB link is opened below.
  { name: 'a 12 KB value', query: `v=1&name=${'x'.repeat(12_000)}`, says: /\(12000 characters\)/ },
  { name: 'a number past Infinity', query: `v=1&vm.pageKiB=${'9'.repeat(400)}`, says: /is too large a number/ },
  { name: 'NaN', query: 'v=1&network.linkMbps=NaN', says: /network\.linkMbps: "NaN" is not a number/ },
  { name: 'an unknown format version', query: 'v=99&network.linkMbps=10', says: /format version "99"/ },
  {
    name: 'script-like text',
    query: `v=1&name=${encodeURIComponent('<img src=x onerror="window.injected=1">')}&${encodeURIComponent('<script>window.injected=1</script>')}=1`,
    says: /<script>window\.injected=1<\/script>.*not a field/,
  },
  {
    name: 'a key given twice',
    query: 'v=1&network.linkMbps=100&network.linkMbps=10000',
    says: /network\.linkMbps: given 2 times/,
  },
  { name: 'an empty key', query: 'v=1&=5&&=', says: /a parameter with no name/ },
  {
    name: 'unicode',
    query: `v=1&${encodeURIComponent('vm.mémoire😀')}=1&name=${encodeURIComponent('😀'.repeat(200))}`,
    says: /"vm\.mémoire😀": not a field/,
  },
  {
    name: 'prototype names',
    query: 'v=1&__proto__.polluted=1&constructor=1&vm.toString=1',
    says: /constructor: not a field/,
  },
  {
    name: 'one bad fault among good ones',
    query: 'v=1&faults=[{},{"kind":"source-crash","atMs":200}]',
    says: /so faults\.0 was dropped/,
  },
];

async function expectLabWithNotice(page: Page, says: RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Brownout' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText(says);
  for (const line of await notice.getByRole('listitem').allTextContents()) expect(line.length).toBeLessThan(400);
  const state = await page.evaluate(() => ({
    injected: 'injected' in window,
    polluted: 'polluted' in Object.prototype,
    images: document.querySelectorAll('img').length,
  }));
  expect(state).toEqual({ injected: false, polluted: false, images: 0 });
}

for (const link of HOSTILE_LINKS)
  test(`a hostile link opens the lab with a clear notice: ${link.name}`, async ({ guardedPage: page }) => {
    await page.goto(`/?${link.query}`);
    await expectLabWithNotice(page, link.says);
  });

test.describe('under the stored copy', () => {
  test.use({ serviceWorkers: 'allow' });
  test('a 100 KB link, which only the stored copy of the app will open, gets a short notice', async ({
    guardedPage: page,
  }) => {
    await page.goto('/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state))
      .toBe('activated');
    await page.goto(`/?v=1&name=${'x'.repeat(100_000)}`);
    await expectLabWithNotice(page, /"x+"… \(100000 characters\)/);
  });
});

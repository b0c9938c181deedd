import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as plain, type Page } from '@playwright/test';
import { META_POLICY } from '../../csp.ts';
import { serveSite } from './staticSite';
import { test, expect } from './fixtures';

// These tests are about the service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });
plain.use({ serviceWorkers: 'allow' });

const DIST = resolve(process.cwd(), 'dist');

/** Waits until the service worker has stored the app and is active for this page's scope. */
async function offlineReady(page: Page): Promise<string | undefined> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state))
    .toBe('activated');
  return 'activated';
}

test('after the first visit the app opens with the network off', async ({ guardedPage: page, context }) => {
  await page.goto('/?v=1&network.linkMbps=10000');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  expect(await offlineReady(page)).toBe('activated');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Brownout' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText(/\d/);
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByRole('dialog', { name: 'About Brownout' })).toContainText('works without a network');
  await page.keyboard.press('Escape');
  // Views load their code on first use: one never opened online still opens offline (the worker stored it).
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Glossary' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Fleet' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
  await expect(page.locator('.fleet').first()).toBeVisible();
  await context.setOffline(false);
});

plain(
  'without the service worker the same offline reload fails (the test above means something)',
  async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Brownout' })).toBeVisible();
    await context.setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.close();
  },
);

test('the app keeps nothing but its own keys in localStorage and its own files in the cache', async ({
  guardedPage: page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await offlineReady(page);
  await page.getByRole('radio', { name: 'Post-copy' }).check();
  await page.waitForTimeout(600); // the scenario is saved after a pause in changes
  const stored = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    cookies: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
  expect(stored.localStorage.length).toBeGreaterThan(0);
  for (const key of stored.localStorage) expect(key).toMatch(/^brownout\./);
  expect(stored.sessionStorage).toEqual([]);
  expect(stored.cookies).toBe('');
  expect(stored.indexedDB).toEqual([]);
  expect(stored.caches.length).toBeGreaterThan(0);
  for (const name of stored.caches) expect(name).toMatch(/^workbox-precache/);
});

plain('the built page carries the Content-Security-Policy, and the browser enforces it', async ({ page }) => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(meta?.replaceAll('&#39;', "'")).toBe(META_POLICY);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script for the policy to forbid

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(e.violatedDirective),
    );
  });
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  // The app itself runs within the policy...
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  // ...and an injected inline script or a request elsewhere is refused.
  const refused = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    const fetched = await fetch('http://192.0.2.1/x').then(
      () => 'fetched',
      () => 'refused',
    );
    await new Promise((done) => setTimeout(done, 200)); // violation events come in a task of their own
    return {
      injected: 'injected' in window,
      fetched,
      violations: (window as unknown as { violations: string[] }).violations,
    };
  });
  expect(refused).toEqual({
    injected: false,
    fetched: 'refused',
    violations: expect.arrayContaining(['script-src-elem', 'connect-src']),
  });
  expect(errors).toEqual([]);
});

plain(
  'a new version waits for the user: a polite notice, and the reload only when asked',
  async ({ page }, testInfo) => {
    // A copy of the build on a server of its own, so it can be changed as a new release would be.
    const dir = await mkdtemp(join(tmpdir(), 'brownout-site-'));
    await cp(DIST, dir, { recursive: true });
    const site = await serveSite(dir, '/');
    try {
      await page.goto(`${site.origin}/?v=1&network.linkMbps=10000`);
      await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
      expect(await offlineReady(page)).toBe('activated');
      // A later visit, mid-lesson: the page now runs under the stored copy.
      await page.reload();
      await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await page.evaluate(() => ((window as unknown as { sameLesson: boolean }).sameLesson = true));

      // A new release: a service worker that differs by a byte is a new version to the browser.
      const sw = join(dir, 'sw.js');
      await writeFile(sw, `${await readFile(sw, 'utf8')}\n// next release\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

      const notice = page.getByRole('status').filter({ hasText: 'A new version of Brownout is ready' });
      await expect(notice).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('update-notice.png') });
      // Nothing swapped under the student: same page, same scenario, the old version still in charge.
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { sameLesson?: boolean }).sameLesson)).toBe(true);
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);

      const reloaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: 'Reload now' }).click();
      await reloaded;
      expect(await page.evaluate(() => (window as unknown as { sameLesson?: boolean }).sameLesson)).toBeUndefined();
      await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
      await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveAttribute(
        'aria-valuetext',
        '10 Gbit/s',
      );
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
      await expect(notice).toHaveCount(0);
    } finally {
      await site.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
);

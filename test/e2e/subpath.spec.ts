import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { serveSite, type StaticSite } from './staticSite';

// These tests are about the service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** The built site served from a sub-path, the way a course page or a static host would serve it. */
const PREFIX = '/courses/os/brownout/';

let site: StaticSite;

test.beforeAll(async () => {
  site = await serveSite(resolve(process.cwd(), 'dist'), PREFIX);
});

test.afterAll(() => site.close());

test('the production build works from a sub-path of any static host, and offline from there', async ({
  page,
  context,
}) => {
  const { origin } = site;
  const failures: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => failures.push(e.message));
  // The context sees the service worker's requests as well as the page's.
  context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      failures.push(`other origin: ${r.url()}`);
  });
  await page.goto(`${origin}${PREFIX}?v=1&network.linkMbps=10000`);
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '10 Gbit/s',
  );
  expect(page.url()).toContain(PREFIX);

  // The service worker registers under the sub-path, not at the root of the host.
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active?.scriptURL };
  });
  expect(worker).toEqual({ scope: `${origin}${PREFIX}`, script: `${origin}${PREFIX}sw.js` });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '10 Gbit/s',
  );
  await context.setOffline(false);
  expect(failures).toEqual([]);
});

import { test, expect } from './fixtures';

test('the app opens, the engine in the worker answers, and nothing leaves the origin', async ({
  guardedPage: page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Brownout' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  for (const region of ['Controls', 'Hosts', 'Metrics', 'Timeline']) {
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('shell.png') });
});

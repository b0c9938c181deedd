import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SHOTS = process.env.VARIANTS_SHOTS;

async function openVariants(page: Page, query = '') {
  await page.goto(`/?v=1&view=variants${query}`);
  await expect(page.getByRole('region', { name: 'Variant results' })).toBeVisible({ timeout: 30_000 });
}

const results = (page: Page) => page.getByRole('region', { name: 'Variant results' });

test('the variants choice shows each precondition and changes the run', async ({ guardedPage: page }) => {
  await openVariants(page, '&vm.freeMiB=512');
  const who = page.getByRole('region', { name: 'Who drives it' });
  await expect(who).toContainText('Works for any guest, unmodified.');
  await expect(who).toContainText('Needs a cooperating, modified guest');
  await expect(who).toContainText('Needs a guest trusted with its own move');
  await expect(results(page)).toContainText('nothing to compare with');
  await who.getByLabel('Who drives it').selectOption('paravirtual');
  await expect(results(page)).toContainText('This run against: Same VM, managed');
  await expect(who.getByRole('checkbox', { name: 'Free-page hinting' })).toBeChecked();
  await expect(page).toHaveURL(/variant=paravirtual/);
  await who.getByLabel('Who drives it').selectOption('self');
  await expect(page.getByRole('region', { name: 'Self-migration' })).toContainText('taking the photo');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/self.png`, fullPage: true });
});

test('a confidential VM: more bytes than the same VM not confidential, what the host cannot do, the trust boundary', async ({
  guardedPage: page,
}) => {
  await openVariants(page, '&vm.memoryMiB=2048&vm.usedMiB=256');
  await page.getByRole('checkbox', { name: 'Confidential VM (Intel TDX)' }).check();
  await expect(results(page)).toContainText('This run against: Same VM, not confidential');
  const bytesRow = results(page).getByRole('row', { name: /Bytes sent/ });
  await expect(bytesRow).toContainText('+');
  await expect(page.getByRole('region', { name: 'What the host can no longer optimise' })).toContainText(
    'Zero-page detection',
  );
  await expect(page.getByRole('region', { name: 'Trust boundary' })).toContainText('ciphertext and GPAs only');
  await expect(page.getByRole('table', { name: 'Bytes of this run' })).toContainText('Zero pages, encrypted in full');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/confidential.png`, fullPage: true });
  // A destination that fails the policy: refused at the validate step, with the reason.
  await page.getByRole('checkbox', { name: 'TD: destination TCB meets the policy' }).uncheck();
  await expect(results(page)).toContainText('Refused at the validate step');
  await expect(results(page)).toContainText('TCB');
});

test('the Confidential VMs lesson: each step opens the Variants view and shows what the step says', async ({
  guardedPage: page,
}) => {
  const { confidentialLesson } = await import('../../src/lessons/confidential');
  const [plain, tdx, lazy, refused, hybrid] = confidentialLesson.steps;
  const bytesOf = async () =>
    (
      await results(page)
        .getByRole('row', { name: /Bytes sent/ })
        .innerText()
    ).split('\t');
  await page.goto(`/?${plain.scenario}&view=variants`);
  await expect(results(page)).toContainText('nothing to compare with');
  await page.goto(`/?${tdx.scenario}&view=variants`);
  await expect(results(page)).toContainText('Same VM, not confidential', { timeout: 30_000 });
  // About 2,090 MiB against a little over 256 MiB.
  const [, mine, reference] = await bytesOf();
  expect(mine).toMatch(/^2\.0\d GiB$/);
  expect(reference).toMatch(/^2\d\d MiB$/);
  await page.goto(`/?${lazy.scenario}&view=variants`);
  await expect(page.getByRole('table', { name: 'Bytes of this run' })).toContainText(
    'Never-accepted pages, no payload',
    {
      timeout: 30_000,
    },
  );
  await page.goto(`/?${refused.scenario}&view=variants`);
  await expect(results(page)).toContainText('Refused at the validate step', { timeout: 30_000 });
  await page.goto(`/?${hybrid.scenario}&view=variants`);
  await expect(page.getByRole('region', { name: 'What the host can no longer optimise' })).toContainText(
    'never-sent pages left to post-copy',
    { timeout: 30_000 },
  );
});

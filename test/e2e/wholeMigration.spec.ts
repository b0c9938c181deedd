import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function openLab(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
}

const step = (page: Page, n: number) =>
  page.getByRole('list', { name: 'Migration steps' }).getByRole('button', { name: new RegExp(`^Step ${n},`) });

test('the seven steps light up as the playhead passes them', async ({ guardedPage: page }) => {
  await openLab(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Home');
  await expect(step(page, 1)).toHaveAccessibleName(/: reached/);
  await expect(step(page, 4)).toHaveAccessibleName(/: upcoming/);
  await expect(step(page, 7)).toHaveAccessibleName(/: upcoming/);
  await page.keyboard.press('End');
  for (let n = 1; n <= 7; n++) await expect(step(page, n)).toHaveAccessibleName(/: reached/);
  await step(page, 4).click();
  await expect(page.getByLabel('Simulated time')).not.toContainText('t = 0 ms');
  await page.getByRole('tab', { name: 'Whole migration' }).click();
  const log = page.getByRole('region', { name: 'What happened' });
  await expect(log).toContainText('destination reserved');
  await expect(log).toContainText('migration committed');
});

test('a control-plane action is refused during the brownout', async ({ guardedPage: page }) => {
  await openLab(page);
  await page.getByRole('slider', { name: 'Playhead' }).fill('5000');
  await page.getByRole('tab', { name: 'Whole migration' }).click();
  await page.getByRole('button', { name: 'Try to resize the VM (add a vCPU)' }).click();
  await expect(page.getByRole('region', { name: 'Control plane' })).toContainText('Refused: the VM is being migrated');
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Try to resize the VM (add a vCPU)' }).click();
  await expect(page.getByRole('region', { name: 'Control plane' })).toContainText('Accepted');
});

test('a disk left on the source is a residual dependency that blocks deleting it', async ({ guardedPage: page }) => {
  await openLab(page, '?v=1&resources.disk=leave-behind');
  await expect(step(page, 7)).toHaveAccessibleName(/: blocked/);
  await page.getByRole('tab', { name: 'Whole migration' }).click();
  await expect(page.getByRole('region', { name: 'Residual dependencies' })).toContainText(
    'local disk stays on the source',
  );
  await expect(page.getByLabel('Outcome')).toContainText('the source must stay up');
});

test('a VM with a passthrough GPU is refused live migration; terminate-and-restart moves it', async ({
  guardedPage: page,
}) => {
  await openLab(page, '?v=1&devices.passthroughGpu=true');
  await expect(page.getByRole('group', { name: 'Stop reason' })).toContainText('refused');
  await expect(step(page, 2)).toHaveAccessibleName(/: refused/);
  await page.getByRole('tab', { name: 'Whole migration' }).click();
  const card = page.getByRole('region', { name: 'What cannot migrate live' });
  await expect(card).toContainText('passthrough GPU');
  await card.getByRole('button', { name: 'Terminate and restart' }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Moved without live migration');
  await expect(page.getByLabel('Outcome')).toContainText('in-memory state');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toContainText('45 s');
});

test('an injected source crash during the brownout loses the VM, and says so', async ({ guardedPage: page }) => {
  await openLab(page);
  await page.getByText('Whole migration', { exact: true }).first().click();
  const editor = page.getByRole('group', { name: 'Fault injection' });
  await editor.getByLabel('What fails').selectOption('source-crash');
  await editor.getByLabel('When').selectOption('brownout');
  await editor.getByLabel('Delay (ms)').fill('3000');
  await editor.getByRole('button', { name: 'Inject fault' }).click();
  await expect(editor.getByRole('button', { name: /Remove fault: Source crash/ })).toBeVisible();
  await expect(page.getByLabel('Diagnosis')).toContainText('The VM is lost');
  await expect(step(page, 3)).toHaveAccessibleName(/: failed/);
  await page.getByRole('tab', { name: 'Whole migration' }).click();
  await expect(page.getByLabel('Outcome')).toContainText('source host crashed while the VM was running on it');
});

test('the spectrum of approaches compares the same VM moved every way', async ({ guardedPage: page }) => {
  test.setTimeout(120_000);
  await openLab(page);
  await page.getByRole('tab', { name: 'Spectrum of approaches' }).click();
  const table = page.getByRole('table', { name: /approach/i });
  await expect(table.getByRole('row')).toHaveCount(7);
  for (const name of ['Hard power-down', 'Soft power-down', 'Hibernation', 'Quick migration', 'Live migration'])
    await expect(table).toContainText(name);
  await expect(page.getByRole('img', { name: /Live migration/ })).toBeVisible();
  await page.getByRole('button', { name: 'Internet suspend and resume' }).click();
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveAttribute(
    'aria-valuetext',
    '20 Mbit/s',
  );
  // The lab's own run of the slow link goes first (the spectrum never holds it up), then the spectrum.
  await expect(table.getByRole('row', { name: /Quick migration/ })).toContainText(/\d+ min/, { timeout: 90_000 });
});

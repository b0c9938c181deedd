import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Opens the fleet view on a link and waits for its run from the worker. */
async function openFleet(page: Page, query: string) {
  await page.goto(`/?v=1&view=fleet&${query}`);
  await expect(page.getByRole('status').filter({ hasText: /VMs simulated in .* in a worker/ })).toBeVisible({
    timeout: 30_000,
  });
}

/** A counter's "at the end" cell. */
const atEnd = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Fleet counters' })
    .getByRole('row', { name: new RegExp(`^${label}`) })
    .locator('td')
    .nth(1);

test('rack maintenance with a per-customer cap: counters and the Gantt show the cap respected', async ({
  guardedPage: page,
}) => {
  await openFleet(page, 'fleet=rack-maintenance');
  await expect(atEnd(page, 'Peak at once, per customer')).not.toHaveText(/^1 /);
  const before = await atEnd(page, 'Time to evacuate').innerText();

  const cap = page.getByRole('spinbutton', { name: 'Per customer' });
  await cap.fill('1');
  await expect(atEnd(page, 'Peak at once, per customer')).toHaveText('1 (cap 1)', { timeout: 30_000 });
  await expect(page).toHaveURL(/fleet\.perCustomerCap=1/);
  const gantt = page.getByRole('img', { name: /^Gantt chart/ });
  const label = (await gantt.getAttribute('aria-label'))!;
  const lanes = [...label.matchAll(/customer (\d+) (\d+)/g)].map((m) => Number(m[2]));
  expect(lanes.length).toBeGreaterThanOrEqual(2);
  expect(lanes.every((n) => n === 1)).toBe(true);
  expect(await atEnd(page, 'VMs moved live').innerText()).toMatch(/^\d+$/);
  expect(await atEnd(page, 'Time to evacuate').innerText()).not.toBe(before);

  // Play: the counters so far move with the shared playhead and reach the totals at the end.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.keyboard.press('End');
  const moved = page
    .getByRole('region', { name: 'Fleet counters' })
    .getByRole('row', { name: /^VMs moved live/ })
    .locator('td');
  await expect(moved.nth(0)).toHaveText(await moved.nth(1).innerText());

  const a11y = await new AxeBuilder({ page }).include('main.fleet').analyze();
  expect(a11y.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a VM of the rack opens its own migration in the lab', async ({ guardedPage: page }) => {
  await openFleet(page, 'fleet=rack-maintenance');
  await page.getByRole('slider', { name: 'Fleet time' }).fill('0');
  await page.getByRole('combobox', { name: 'Pick a host' }).selectOption({ label: 'r1h1' });
  await expect(page.getByRole('heading', { name: /^r1h1 at/ })).toBeVisible();
  const vms = page.getByRole('region', { name: 'VM details' }).locator('.fleet-vm__list button');
  const count = await vms.count();
  let opened = false;
  for (let i = 0; i < count && !opened; i++) {
    await vms.nth(i).click();
    const open = page.getByRole('button', { name: /^Open its migration r1h1 → / });
    if (await open.isVisible()) {
      await open.first().click();
      opened = true;
    }
  }
  expect(opened).toBe(true);
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page).not.toHaveURL(/view=fleet/);
});

test('simulated maintenance event on a TERMINATE VM: no notice, a stop, a restart in place', async ({
  guardedPage: page,
}) => {
  await openFleet(page, 'fleet=simulated-maintenance');
  await page.getByRole('spinbutton', { name: 'Pick a VM' }).fill('0');
  const details = page.getByRole('region', { name: 'VM details' });
  await expect(details).toContainText('TERMINATE');
  await details.getByRole('button', { name: 'Simulate maintenance event' }).click();
  const notice = page.getByRole('status', { name: 'Simulated maintenance event for vm0' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('maintenance-event = TERMINATE_ON_HOST_MAINTENANCE, no advance notice');
  await expect(notice).toContainText('Terminated at 0 ms');
  await expect(notice).toContainText('Restarted automatically: running again at 45 s, 45 s down');
  await expect(notice.getByRole('button', { name: 'Open this migration in the lab' })).toHaveCount(0);

  // A MIGRATE VM under the same event: 60 s of notice, then a live migration with its blackout.
  for (let vm = 1; vm < 20; vm++) {
    await page.getByRole('spinbutton', { name: 'Pick a VM' }).fill(String(vm));
    if ((await details.locator('dd').nth(1).innerText()).startsWith('MIGRATE')) break;
  }
  await details.getByRole('button', { name: 'Simulate maintenance event' }).click();
  const migrate = page.getByRole('status', { name: /^Simulated maintenance event for vm\d+$/ });
  await expect(migrate).toContainText('MIGRATE_ON_HOST_MAINTENANCE, 60 s ahead', { timeout: 30_000 });
  await expect(migrate).toContainText(/then pauses [\d.]+ ms \(blackout\)/);
});

test('a bad fleet value in a link gets a notice naming the parameter and its range; the fleet still runs', async ({
  guardedPage: page,
}) => {
  await openFleet(page, 'fleet=rack-maintenance&fleet.perCustomerCap=-5&fleet.fleetCap=3');
  const notice = page.getByRole('alert').filter({ hasText: 'This link could not be read in full' });
  await expect(notice).toContainText('fleet.perCustomerCap: "-5" is not allowed; allowed: a whole number 0 to 100000');
  await expect(atEnd(page, 'Peak at once, fleet')).toHaveText(/\(cap 3\)$/);
});

test('the Rack control counts racks as the grid, the host names and the hosts table do', async ({
  guardedPage: page,
}) => {
  await openFleet(page, 'fleet=rack-maintenance');
  const rack = page.getByRole('region', { name: 'Fleet controls' }).getByRole('spinbutton', { name: 'Rack' });
  await expect(rack).toHaveValue('1');
  await rack.fill('3');
  await expect(page).toHaveURL(/fleet\.target=2(&|$)/);
  await expect(page.getByRole('region', { name: 'Fleet controls' })).toContainText('this is rack 3');
  await page.getByRole('slider', { name: 'Fleet time' }).fill('0');
  const hosts = page.getByRole('region', { name: 'Hosts' });
  await hosts.getByText('Show as table').click();
  const table = hosts.getByRole('region', { name: /^Hosts at / }).getByRole('table');
  const draining = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'draining', exact: true }) });
  await expect(draining.first()).toBeVisible({ timeout: 30_000 });
  const rows = await draining.all();
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows) {
    // The host's name heads its row; the cells are its rack, state and figures.
    await expect(row.getByRole('rowheader')).toHaveText(/^r3h\d+$/);
    await expect(row.getByRole('cell').first()).toHaveText('3');
  }
});

test("presentation mode: the fleet scene shows the fleet's own playback bar, not the lab's, and it plays", async ({
  guardedPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFleet(page, 'fleet=rack-maintenance&present=1&scenes=lesson:fleet&scene=1');
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toHaveCount(0);
  const bar = page.getByRole('group', { name: 'Fleet playback' });
  await expect(bar).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Migrations over time' })).toBeInViewport();
  const time = bar.locator('output');
  await expect(time).toHaveText(/^0 ms \//);
  await bar.getByRole('button', { name: 'Play' }).click();
  await expect(time).not.toHaveText(/^0 ms \//);
  await bar.getByRole('button', { name: 'Pause' }).click();
});

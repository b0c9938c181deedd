import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const GOALS = ['Downtime', 'Total migration time', 'Bytes transferred', 'Impact on other services'];

async function openLab(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  if (!query.includes('view=')) await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
}

/** The lab's four goals as its metric cards show them. */
async function labGoals(page: Page): Promise<string[]> {
  return Promise.all(
    GOALS.map((name) => page.getByRole('group', { name, exact: true }).locator('.metric__value').innerText()),
  );
}

/** The comparison's table, row by row: the run's name, then its four goals as shown. */
async function goalsTable(region: Locator): Promise<string[][]> {
  const rows = region.getByRole('table', { name: /The four goals/ }).locator('tbody tr');
  const read = () =>
    rows.evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('th')!.textContent!.trim(),
        ...[...tr.querySelectorAll('td')].map((td) => (td.querySelector('.goals__value') ?? td).textContent!.trim()),
      ]),
    );
  // The table is there (the view's code loads on first use) and every run has its figures (none still
  // waiting or running).
  await expect
    .poll(
      async () => {
        const table = await read();
        return table.length > 0 && table.every((r) => r.length === 5 && !/…|–/.test(r.join()));
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return read();
}

test('adding runs from the lab: the table shows the same figures as the lab did', async ({ guardedPage: page }) => {
  await openLab(page);
  const precopy = await labGoals(page);
  await page.getByRole('button', { name: 'Add to comparison', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added as run A' })).toBeVisible();

  await page.getByRole('radiogroup', { name: 'Strategy' }).getByText('Post-copy').click();
  await expect(page.getByRole('group', { name: 'Rounds', exact: true })).toContainText('0');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true }).locator('.metric__value')).not.toHaveText(
    precopy[0],
  );
  const postcopy = await labGoals(page);
  await page.getByRole('button', { name: 'Add to comparison', exact: true }).click();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  const region = page.getByRole('region', { name: 'Comparison' });
  const rows = await goalsTable(region);
  expect(rows).toHaveLength(2);
  expect(rows[0].slice(1)).toEqual(precopy);
  expect(rows[1].slice(1)).toEqual(postcopy);
  expect(rows[0][0]).toContain('Pre-copy');
  expect(rows[1][0]).toContain('Post-copy');
  // Two timelines on one time scale, each with heatmaps.
  const lanes = region.getByRole('article', { name: /^Run [A-D]:/ });
  await expect(lanes).toHaveCount(2);
  const domains = await region.locator('.timeline__tracks').evaluateAll((els) => els.map((e) => e.dataset.domainMs));
  expect(new Set(domains).size).toBe(1);
  await expect(region.getByRole('article', { name: /Run A/ }).getByText('Source host')).toBeVisible();
});

test('the four-strategy comparison, and its link reopens with identical figures', async ({ guardedPage: page }) => {
  await openLab(page, '?v=1&view=compare');
  const region = page.getByRole('region', { name: 'Comparison' });
  await region.getByRole('button', { name: 'Four strategies' }).click();
  const rows = await goalsTable(region);
  expect(rows.map((r) => r[0])).toEqual(['A Pre-copy', 'B Post-copy', 'C Hybrid', 'D Stop-and-copy']);
  // The best of each goal is marked in words; no run is best at everything.
  const cells = region.getByRole('table', { name: /The four goals/ }).locator('tbody tr');
  for (let g = 0; g < GOALS.length - 1; g++)
    expect(
      await cells
        .locator(`td:nth-of-type(${g + 1})`)
        .filter({ hasText: '★ best' })
        .count(),
    ).toBeGreaterThan(0);
  for (let r = 0; r < 4; r++) expect(await cells.nth(r).locator('td.is-best').count()).toBeLessThan(4);
  await expect(region.getByRole('figure', { name: 'Trade-off between the four goals' })).toBeVisible();
  // One playhead for all: moved, it stands at the same place in every lane.
  await region.getByRole('slider', { name: 'Playhead' }).fill('5000');
  const playheads = region.locator('.timeline__playhead');
  await expect(playheads).toHaveCount(4);
  const at = await playheads.evaluateAll((els) => els.map((e) => (e as HTMLElement).style.transform));
  expect(new Set(at).size).toBe(1);
  await expect(region.getByRole('toolbar', { name: 'Playback' })).toContainText('t = 5 s');
  await page.waitForFunction(() => location.search.includes('c4='));
  const link = await page.evaluate(() => location.href);
  expect(link).toContain('cmp=1&c1=Pre-copy&c2=Post-copy;strategy:postcopy');

  const other = await page.context().newPage();
  await other.goto(link);
  const again = other.getByRole('region', { name: 'Comparison' });
  expect(await goalsTable(again)).toEqual(rows);
  await other.reload();
  expect(await goalsTable(other.getByRole('region', { name: 'Comparison' }))).toEqual(rows);
  await other.close();
});

test('rename, duplicate, edit in the lab and remove', async ({ guardedPage: page }) => {
  await openLab(page, '?v=1&view=compare');
  const region = page.getByRole('region', { name: 'Comparison' });
  await region.getByRole('button', { name: 'Three bandwidth caps' }).click();
  expect((await goalsTable(region)).map((r) => r[0])).toEqual(['A Cap 250 Mbit/s', 'B Cap 500 Mbit/s', 'C No cap']);

  await region.getByRole('button', { name: 'Rename No cap' }).click();
  await region.getByRole('textbox', { name: 'Name of the run' }).fill('Uncapped');
  await region.getByRole('button', { name: 'Save' }).click();
  await region.getByRole('button', { name: 'Duplicate Uncapped' }).click();
  expect((await goalsTable(region)).map((r) => r[0])).toEqual([
    'A Cap 250 Mbit/s',
    'B Cap 500 Mbit/s',
    'C Uncapped',
    'D Uncapped (copy)',
  ]);
  await expect(region.getByRole('button', { name: /^Duplicate/ }).first()).toBeDisabled();

  await region.getByRole('button', { name: 'Edit Uncapped (copy) in the lab' }).click();
  const editing = page.getByRole('region', { name: 'Editing a compared run' });
  await expect(editing).toContainText('Uncapped (copy)');
  await page.getByRole('radiogroup', { name: 'Strategy' }).getByText('Stop-and-copy').click();
  await expect(page.getByRole('group', { name: 'Rounds', exact: true })).toContainText('0');
  const labDowntime = await page
    .getByRole('group', { name: 'Downtime', exact: true })
    .locator('.metric__value')
    .innerText();
  await editing.getByRole('button', { name: 'Done: back to the comparison' }).click();
  const rows = await goalsTable(region);
  expect(rows[3][0]).toBe('D Uncapped (copy)');
  expect(rows[3][1]).toBe(labDowntime);

  await region.getByRole('button', { name: 'Remove Cap 250 Mbit/s' }).click();
  expect((await goalsTable(region)).map((r) => r[0])).toEqual(['A Cap 500 Mbit/s', 'B Uncapped', 'C Uncapped (copy)']);
});

test('a bad value in a shared comparison gets a notice naming the parameter and range', async ({
  guardedPage: page,
}) => {
  await page.goto('/?v=1&view=compare&cmp=1&c1=Fine&c2=Odd;network.linkMbps:99999999');
  await expect(page.getByText(/c2: .*99999999.*400000/)).toBeVisible();
  const rows = await goalsTable(page.getByRole('region', { name: 'Comparison' }));
  expect(rows.map((r) => r[0])).toEqual(['A Fine', 'B Odd']);
});

import type { Locator, Page } from '@playwright/test';
import { runScenario } from '../../src/engine/run';
import { DEFAULT_SCENARIO } from '../../src/state/defaultScenario';
import { pointScenario, sweepValues } from '../../src/state/sweep';
import { formatBytes, formatMs } from '../../src/ui/format';
import { test, expect } from './fixtures';

/** Opens the "Show as table" in `scope` and reads the table it opened (caption `name`), header row first. */
async function openTable(scope: Locator, name: RegExp): Promise<string[][]> {
  await scope.getByText('Show as table', { exact: true }).click();
  const table = scope.page().getByRole('table', { name });
  await expect(table).toBeVisible();
  return table.evaluate((t) =>
    [...t.querySelectorAll('tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
  );
}

const engineReady = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 30_000 });

test('the lab timeline as a table: the run phase by phase and round by round, the pause where the run paused', async ({
  guardedPage: page,
}) => {
  await page.goto('/');
  await engineReady(page);
  const trace = runScenario(DEFAULT_SCENARIO);
  const [head, ...rows] = await openTable(page.getByRole('region', { name: 'Timeline' }), /^Timeline: dirty set/);
  expect(head).toEqual(['Time', 'Phase', 'Dirty set', 'Migration bandwidth', 'VM speed']);
  // Every round the samples name is one of the run's; the pause is there; the last sample is the end.
  const named = new Set(rows.flatMap((r) => r[1].match(/round (\d+)/)?.[1] ?? []).map(Number));
  expect(named.size).toBeGreaterThan(0);
  for (const n of named) expect(n).toBeLessThanOrEqual(trace.summary.iterations);
  expect(rows.some((r) => r[1] === 'Blackout')).toBe(true);
  expect(rows[rows.length - 1][1]).toBe('Finished');
  expect(rows[rows.length - 1][0]).toBe(formatMs(trace.samples.columns.tMs[trace.samples.columns.tMs.length - 1]));
  // The round bars: one row per round with what it sent, as many as the Rounds card says.
  const [, ...rounds] = await page
    .getByRole('table', { name: 'Timeline: pre-copy rounds' })
    .evaluate((t) =>
      [...t.querySelectorAll('tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
  expect(rounds.map((r) => r[3])).toEqual(trace.rounds.map((r) => formatBytes(r.bytesSent)));
  const shownRounds = await page
    .getByRole('group', { name: 'Rounds', exact: true })
    .locator('.metric__value')
    .innerText();
  expect(String(rounds.length)).toBe(shownRounds);
});

test("the comparison's and the sweep's charts as tables carry each run's own figures", async ({
  guardedPage: page,
}) => {
  await page.goto('/?v=1&view=compare&cmp=1&c1=Pre-copy&c2=Post-copy;strategy:postcopy');
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison.locator('.goals__value')).toHaveCount(8, { timeout: 30_000 });
  const [head, ...rows] = await openTable(comparison.locator('figure.trade-off'), /^Trade-off/);
  expect(head.slice(0, 4)).toEqual(['Run', 'Downtime', 'Total migration time', 'Bytes transferred']);
  const runs = [runScenario(DEFAULT_SCENARIO), runScenario({ ...DEFAULT_SCENARIO, strategy: 'postcopy' })];
  rows.forEach((row, i) => {
    const s = runs[i].summary;
    expect(row[1].replace(' ★', '')).toBe(formatMs(s.downtimeMs));
    expect(row[2].replace(' ★', '')).toBe(formatMs(s.totalTimeMs));
    expect(row[3].replace(' ★', '')).toBe(formatBytes(s.bytesTransferred));
  });

  const spec = { field: 'network.linkMbps', from: 500, to: 5000, points: 4 } as const;
  await page.goto(`/?v=1&view=sweep&sweep=1&sweep.field=${spec.field}&sweep.from=500&sweep.to=5000&sweep.points=4`);
  await expect(page.locator('.sweep-status[data-status="done"]')).toBeVisible({ timeout: 60_000 });
  const [, ...points] = await openTable(page.getByRole('region', { name: 'Sweep' }), /^Sweep:/);
  const values = sweepValues({ ...spec, eachStrategy: false });
  expect(points).toHaveLength(values.length);
  points.forEach((row, i) => {
    const s = runScenario(pointScenario(DEFAULT_SCENARIO, spec.field, values[i], 'precopy')).summary;
    expect(row.slice(1, 6)).toEqual([
      'Pre-copy',
      formatMs(s.downtimeMs),
      formatMs(s.totalTimeMs),
      formatBytes(s.bytesTransferred),
      String(s.iterations),
    ]);
  });
});

test("the fleet's host grid and Gantt chart as tables", async ({ guardedPage: page }) => {
  await page.goto('/?v=1&view=fleet&fleet=rack-maintenance');
  await expect(page.getByRole('status').filter({ hasText: /VMs simulated in .* in a worker/ })).toBeVisible({
    timeout: 30_000,
  });
  const hosts = page.getByRole('region', { name: 'Hosts' });
  const description = (await hosts.getByRole('img').getAttribute('aria-label'))!;
  const [, ...rows] = await openTable(hosts, /^Hosts at /);
  // As many hosts in each state as the grid's own description says.
  for (const [, n, state] of description.matchAll(/(\d+) (up|draining|in maintenance|failed|switched off)/g))
    expect(
      rows.filter((r) => r[2] === state),
      state,
    ).toHaveLength(Number(n));
  const gantt = page.getByRole('region', { name: 'Migrations over time' });
  const count = Number((await gantt.getByRole('img').getAttribute('aria-label'))!.match(/^Gantt chart: (\d+)/)![1]);
  const [head, ...migrations] = await openTable(gantt, /^Migrations over time: /);
  expect(head).toEqual(['VM', 'From', 'To', 'Start', 'End', 'Blackout', 'Bytes', 'Outcome']);
  expect(migrations).toHaveLength(Math.min(count, 500));
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { importQmp } from '../../src/engine/replay/importQmp';
import { formatBytes, formatMs } from '../../src/ui/format';
import { TRACES_DIR } from '../support/traces';
import { expect, test } from './fixtures';

const tracePath = (file: string) => join(TRACES_DIR, file);

async function openLab(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
}

/** Picks `item` from the Export menu inside `scope`; the file as saved. */
async function exportFrom(page: Page, scope: Locator, item: string | RegExp) {
  await scope.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function expectEveryFormat(page: Page, scope: Locator, stem: RegExp, csvColumn: string, format: string) {
  const png = await exportFrom(page, scope, 'PNG image');
  expect(png.name).toMatch(new RegExp(`${stem.source}\\.png$`));
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
  expect(png.bytes.length).toBeGreaterThan(5000);

  const svg = await exportFrom(page, scope, 'SVG drawing');
  expect(svg.name).toMatch(new RegExp(`${stem.source}\\.svg$`));
  expect(svg.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.text.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg.text).toContain('<text');

  const csv = await exportFrom(page, scope, /^CSV( data|: summary figures)$/);
  expect(csv.name).toMatch(new RegExp(`${stem.source}(-\\w+)?\\.csv$`));
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0].split(',')).toContain(csvColumn);
  expect(lines.length).toBeGreaterThan(1);

  const json = await exportFrom(page, scope, 'JSON data');
  expect(json.name).toMatch(new RegExp(`${stem.source}\\.json$`));
  expect(JSON.parse(json.text).format).toBe(format);
  return { svg: svg.text };
}

test('the lab timeline exports PNG, SVG, CSV and JSON; its charts as vectors', async ({ guardedPage: page }) => {
  await openLab(page);
  const timeline = await expectEveryFormat(
    page,
    page.getByRole('region', { name: 'Timeline' }),
    /brownout-timeline-precopy-web/,
    'remaining_bytes',
    'brownout-trace',
  );
  // The charts' canvas comes out as vector paths, not as an embedded picture.
  expect(timeline.svg).toMatch(/<path d="M[\d.]+ [\d.]+L/);
  expect(timeline.svg).not.toContain('<image');
});

test('the heatmaps export PNG, SVG (cells as vectors), CSV of the cells at the playhead, and JSON', async ({
  guardedPage: page,
}) => {
  await openLab(page);
  const heatmaps = await expectEveryFormat(
    page,
    page.locator('.stage'),
    /brownout-heatmap-precopy-web-t[\d-]+s/,
    'sent_and_clean_pct',
    'brownout-trace',
  );
  expect(heatmaps.svg).toContain('Source host');
  expect(heatmaps.svg).not.toContain('<image');
});

test('the metrics export PNG, SVG, the summary and the rounds as CSV, and JSON', async ({ guardedPage: page }) => {
  await openLab(page);
  const metrics = page.getByRole('region', { name: 'Metrics' });
  await expectEveryFormat(page, metrics, /brownout-metrics-precopy-web/, 'downtime_ms', 'brownout-trace');
  const rounds = await exportFrom(page, metrics, 'CSV: rounds');
  expect(rounds.name).toBe('brownout-metrics-precopy-web-rounds.csv');
  expect(rounds.text.split('\r\n')[0]).toMatch(/^round,start_ms,end_ms,/);
});

test('the spectrum exports PNG, SVG, CSV and JSON', async ({ guardedPage: page }) => {
  await openLab(page);
  await page.getByRole('tab', { name: 'Spectrum of approaches' }).click();
  const spectrum = page.getByRole('region', { name: 'Spectrum of approaches' });
  await expect(spectrum.getByRole('table')).toBeVisible({ timeout: 30_000 });
  await expectEveryFormat(page, spectrum, /brownout-spectrum-web/, 'downtime_ms', 'brownout-spectrum');
});

test('the comparison exports PNG, SVG, CSV (one row per run, goals with units) and JSON', async ({
  guardedPage: page,
}) => {
  await page.goto('/?v=1&view=compare');
  const compare = page.getByRole('region', { name: 'Comparison' });
  await compare.getByRole('button', { name: 'Four strategies' }).click();
  // Every run has its figures before the export.
  const rows = compare.getByRole('table', { name: /The four goals/ }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect.poll(async () => !/…|–/.test((await rows.allInnerTexts()).join()), { timeout: 60_000 }).toBe(true);
  const { svg } = await expectEveryFormat(
    page,
    compare,
    /brownout-comparison-4-runs/,
    'downtime (ms)',
    'brownout-comparison',
  );
  expect(svg).toContain('Comparison');
  const csv = await exportFrom(page, compare, 'CSV data');
  expect(csv.text.trimEnd().split('\r\n')).toHaveLength(5);
});

test('the sweep exports PNG, SVG, CSV (one row per point) and JSON, named after the field', async ({
  guardedPage: page,
}) => {
  await page.goto('/?v=1&view=sweep');
  const sweep = page.getByRole('region', { name: 'Sweep' });
  const form = sweep.getByRole('form', { name: 'Sweep settings' });
  await form.getByRole('spinbutton', { name: 'Points' }).fill('6');
  await form.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweep.locator('.sweep-status[data-status="done"]')).toBeVisible({ timeout: 90_000 });
  await expectEveryFormat(
    page,
    sweep,
    /brownout-sweep-workload-writeratemibps/,
    'workload.writeRateMiBps',
    'brownout-sweep',
  );
  const csv = await exportFrom(page, sweep, 'CSV data');
  expect(csv.text.trimEnd().split('\r\n')).toHaveLength(7);
});

test('the Export menu works from the keyboard and closes with Escape', async ({ guardedPage: page }) => {
  await openLab(page);
  const button = page.getByRole('region', { name: 'Metrics' }).getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem', { name: 'PNG image' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'SVG drawing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});

/** The figures the replay view's metrics show. */
async function shownFigures(page: Page) {
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const read = (name: string) =>
    metrics.getByRole('group', { name, exact: true }).locator('.metric__value').innerText();
  return {
    downtime: await read('Downtime'),
    total: await read('Total migration time'),
    bytes: await read('Bytes transferred'),
    rounds: await read('Rounds'),
  };
}

async function chooseFile(page: Page, files: string | { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('banner').getByRole('button', { name: 'Open file' }).click(),
  ]);
  await chooser.setFiles(files);
}

test('"Open file" replays a real QEMU migration: its figures, its timeline, no heatmap, and a fit with errors', async ({
  guardedPage: page,
}) => {
  const file = 'cpu_ws128_m512_bw64_dt300_autoconv.jsonl';
  const imported = importQmp(readFileSync(tracePath(file), 'utf8'));
  if ('error' in imported) throw new Error(imported.error.message);
  const s = imported.trace.summary;
  await openLab(page);
  await chooseFile(page, tracePath(file));

  await expect(page.getByRole('heading', { name: `QEMU record: ${file}` })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'From file' }),
  ).toHaveAttribute('aria-current', 'page');
  expect(await shownFigures(page)).toEqual({
    downtime: formatMs(s.downtimeMs),
    total: formatMs(s.totalTimeMs),
    bytes: formatBytes(s.bytesTransferred),
    rounds: String(s.iterations),
  });
  await expect(page.getByRole('region', { name: 'Hosts' })).toContainText('No per-page data in this record');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  for (const name of ['Remaining', 'Transferred', 'Bandwidth', 'Expected downtime', 'Throttle'])
    await expect(timeline.locator('.record-series__name', { hasText: name })).toHaveCount(1);
  // The record's own bands: setup, one per round, the blackout.
  await expect(timeline.locator('svg > .phase-bands > .band')).toHaveCount(imported.trace.rounds.length + 2);

  // The fit runs by itself; predicted lies over measured, and each figure has its error.
  const fit = page.getByRole('region', { name: 'Fit' });
  const table = fit.getByRole('table', { name: 'Predicted against measured' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  for (const figure of ['Downtime', 'Total time', 'Bytes transferred', 'Rounds'])
    await expect(table.getByRole('row', { name: new RegExp(`^${figure}`) })).toContainText(/[+-]?\d+(\.\d)? %|n\/a/);
  await expect(table.getByRole('row', { name: /^Outcome/ })).toContainText('agrees');
  await expect(timeline.getByText('Predicted by the fit')).toBeVisible();
  expect(await timeline.locator('.record-series__predicted').count()).toBeGreaterThanOrEqual(5);

  // What the record cannot tell, told: a smaller working set, fitted again, predicts otherwise.
  const bytesRow = table.getByRole('row', { name: /^Bytes transferred/ });
  const before = await bytesRow.innerText();
  await fit.getByRole('spinbutton', { name: 'Writable working set (MiB)' }).fill('16');
  await fit.getByRole('combobox', { name: 'Write pattern' }).selectOption('hotcold');
  await fit.getByRole('button', { name: 'Fit again' }).click();
  await expect(bytesRow).not.toHaveText(before, { timeout: 30_000 });

  const fitCsv = await exportFrom(page, fit, 'CSV data');
  expect(fitCsv.name).toBe('brownout-fit-cpu-ws128-m512-bw64-dt300-autoconv.csv');
  expect(fitCsv.text.split('\r\n')[0]).toBe('figure,measured,predicted,relative_error_pct');
});

test('a QEMU record dropped on the page opens the same way', async ({ guardedPage: page }) => {
  const file = 'cpu_ws128_m512_bw64_dt300_postcopy.jsonl';
  await openLab(page);
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    { name: file, text: readFileSync(tracePath(file), 'utf8') },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.locator('.file-drop')).toContainText('Drop the file to open it');
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.locator('.file-drop')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `QEMU record: ${file}` })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Timeline' }).locator('.record-series__name', { hasText: 'Post-copy requests' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Metrics' }).getByRole('group', { name: 'Post-copy' })).toBeVisible();
});

test('a malformed or unrelated file gets a message naming what is wrong, and the app carries on', async ({
  guardedPage: page,
}) => {
  await openLab(page);
  const lines = readFileSync(tracePath('idle_m256_bw64_dt300.jsonl'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('"transferred"'));
  lines[at] = lines[at].replace(/"transferred": *\d+/, '"transferred": -7');
  await chooseFile(page, { name: 'broken.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open broken.jsonl' });
  await expect(alert).toContainText(`line ${at + 1}`);
  await expect(alert).toContainText('return.ram.transferred');
  // Still the lab, still working.
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();

  await chooseFile(page, { name: 'class.json', mimeType: 'application/json', buffer: Buffer.from('{"students": 30}') });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open class.json' })).toContainText(
    'valid JSON but not a migration',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'broken.jsonl' })).toHaveCount(0);

  await chooseFile(page, {
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.from([...PNG_MAGIC, 0, 0, 0, 13]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open photo.png' })).toContainText('binary');
});

test('a run exported as JSON opens again with the same figures', async ({ guardedPage: page }) => {
  await openLab(page);
  const metrics = page.getByRole('region', { name: 'Metrics' });
  const inLab = await shownFigures(page);
  const saved = await exportFrom(page, metrics, 'JSON data');
  await chooseFile(page, { name: saved.name, mimeType: 'application/json', buffer: saved.bytes });
  await expect(page.getByRole('heading', { name: `Saved run: ${saved.name}` })).toBeVisible();
  expect(await shownFigures(page)).toEqual(inLab);
  await expect(page.getByRole('region', { name: 'Hosts' }).getByRole('img').first()).toBeVisible();
  // And back to the lab with its scenario.
  await page.getByRole('button', { name: 'Open its scenario in the lab' }).click();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true }).locator('.metric__value')).toHaveText(
    inLab.downtime,
  );
});

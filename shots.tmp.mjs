import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4222';
const out = '/tmp/a11y-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const sizes = [
  ['1920', { width: 1920, height: 1080 }, 1],
  ['1280', { width: 1280, height: 720 }, 1],
  ['150', { width: 1280, height: 720 }, 1.5],
];
const only = process.argv[2];
const shots = {
  lab: async (page) => {
    await page.goto(base + '/');
    await page.getByRole('status').filter({ hasText: 'engine ready' }).waitFor({ timeout: 30000 });
    await page.getByRole('region', { name: 'Timeline' }).getByText('Show as table', { exact: true }).click();
    await page.waitForTimeout(300);
  },
  sweep: async (page) => {
    await page.goto(base + '/?v=1&view=sweep&sweep=1&sweep.field=network.linkMbps&sweep.from=500&sweep.to=5000&sweep.points=4');
    await page.locator('.sweep-status[data-status="done"]').waitFor({ timeout: 60000 });
    await page.getByRole('region', { name: 'Sweep' }).getByText('Show as table', { exact: true }).click();
    await page.getByRole('table', { name: /^Sweep:/ }).scrollIntoViewIfNeeded();
  },
  compare: async (page) => {
    await page.goto(base + '/?v=1&view=compare&cmp=1&c1=Pre-copy&c2=Post-copy;strategy:postcopy');
    await page.locator('.goals__value').nth(7).waitFor({ timeout: 30000 });
    await page.locator('figure.trade-off').getByText('Show as table', { exact: true }).click();
    await page.getByRole('table', { name: /^Trade-off/ }).scrollIntoViewIfNeeded();
  },
  fleet: async (page) => {
    await page.goto(base + '/?v=1&view=fleet&fleet=rack-maintenance');
    await page.getByRole('status').filter({ hasText: /VMs simulated in/ }).waitFor({ timeout: 30000 });
    await page.getByRole('region', { name: 'Hosts' }).getByText('Show as table', { exact: true }).click();
    await page.getByRole('region', { name: 'Migrations over time' }).getByText('Show as table', { exact: true }).click();
    await page.waitForTimeout(300);
  },
  fleetclosed: async (page) => {
    await page.goto(base + '/?v=1&view=fleet&fleet=rack-maintenance');
    await page.getByRole('status').filter({ hasText: /VMs simulated in/ }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
  },
  record: async (page) => {
    await page.goto(base + '/');
    await page.getByRole('status').filter({ hasText: 'engine ready' }).waitFor({ timeout: 30000 });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('banner').getByRole('button', { name: 'Open file' }).click()]);
    await chooser.setFiles('/work/shared/traces/cpu_ws128_m512_bw64_dt300_autoconv.jsonl');
    await page.getByRole('table', { name: 'Predicted against measured' }).waitFor({ timeout: 30000 });
    await page.getByRole('region', { name: 'Timeline' }).getByText('Show as table', { exact: true }).click();
    await page.waitForTimeout(300);
  },
};
for (const [name, go] of Object.entries(shots)) {
  if (only && !only.split(',').includes(name)) continue;
  for (const [tag, viewport, scale] of sizes) {
    const ctx = await browser.newContext({ viewport, deviceScaleFactor: scale });
    const page = await ctx.newPage();
    try { await go(page); await page.screenshot({ path: `${out}/${name}-${tag}.png` }); }
    catch (e) { console.log(name, tag, e.message.split('\n')[0]); }
    await ctx.close();
  }
}
await browser.close();

import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { HEADER_POLICY } from '../../csp.ts';
import { test, expect } from './fixtures';
import { serveSite, type StaticSite } from './staticSite';

/** A course page on its own origin: one iframe of the lab at `src`. */
async function coursePage(src: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<!doctype html><title>Course</title><h1>Week 5</h1>` +
          `<iframe title="Brownout" src="${src}" width="720" height="405" style="border:0"></iframe>`,
      );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

/** The lab as a host following docs/hosting.md serves it: the header policy with `frame-ancestors`. */
let documented: StaticSite;
let selfOnly: StaticSite;
test.beforeAll(async () => {
  const dist = resolve(process.cwd(), 'dist');
  documented = await serveSite(dist, '/brownout/', { 'content-security-policy': HEADER_POLICY });
  selfOnly = await serveSite(dist, '/brownout/', {
    'content-security-policy': HEADER_POLICY.replace('frame-ancestors *', "frame-ancestors 'self'"),
  });
});
test.afterAll(async () => {
  await documented.close();
  await selfOnly.close();
});

const chrome = (page: Page) => [
  page.getByRole('banner'),
  page.getByRole('region', { name: 'Controls' }),
  page.getByRole('region', { name: 'Metrics' }),
  page.getByRole('region', { name: 'Timeline' }),
];

test('embed=1 shows only the stage and the play bar; controls=0 the stage alone', async ({ guardedPage: page }) => {
  await page.setViewportSize({ width: 720, height: 405 });
  await page.goto('/?embed=1&v=1&strategy=postcopy');
  await expect(page.getByRole('region', { name: 'Hosts' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
  for (const part of chrome(page)) await expect(part).toHaveCount(0);
  // Sized to the frame: nothing scrolls.
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  const open = page.getByRole('link', { name: 'Open in Brownout' });
  await expect(open).toHaveAttribute('target', '_blank');
  const href = await open.getAttribute('href');
  expect(href).toContain('strategy=postcopy');
  expect(href).not.toContain('embed');
  await page.goto('/?embed=1&controls=0');
  await expect(page.getByRole('region', { name: 'Hosts' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in Brownout' })).toBeVisible();
});

test('in an iframe of a course page on another origin it plays, and opens the full lab on the same scenario', async ({
  page,
  context,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const course = await coursePage(`${documented.origin}/brownout/?embed=1&autoplay=1&v=1&workload.writeRateMiBps=60`);
  try {
    await page.goto(course.url);
    const frame = page.frameLocator('iframe[title="Brownout"]');
    await expect(frame.getByRole('region', { name: 'Hosts' })).toBeVisible();
    // autoplay=1: it plays by itself once the result is in (a run of about 20 s: 5 s of playing at 4x).
    await expect(frame.getByRole('button', { name: 'Pause', exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(frame.getByRole('banner')).toHaveCount(0);
    const box = await page.locator('iframe').boundingBox();
    const inner = await frame.locator('.embed').boundingBox();
    expect(Math.round(inner!.width)).toBe(Math.round(box!.width));
    expect(Math.round(inner!.height)).toBe(Math.round(box!.height));
    const [lab] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: 'Open in Brownout' }).click(),
    ]);
    await expect(lab.getByRole('region', { name: 'Controls' })).toBeVisible();
    await expect(lab.getByRole('slider', { name: 'Write rate', exact: true })).toHaveAttribute(
      'aria-valuetext',
      '60 MiB/s',
    );
    expect(lab.url()).not.toContain('embed');
    expect(problems).toEqual([]);
  } finally {
    await course.close();
  }
});

test("a host that allows only its own pages to embed the lab keeps it out of another origin's frame", async ({
  page,
}) => {
  const course = await coursePage(`${selfOnly.origin}/brownout/?embed=1`);
  try {
    await page.goto(course.url);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    // Blocked by frame-ancestors: the frame holds an error page, not the lab.
    expect(await frame.locator('.embed').count()).toBe(0);
  } finally {
    await course.close();
  }
});

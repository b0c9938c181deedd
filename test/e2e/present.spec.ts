import type { Page } from '@playwright/test';
import { runScenario } from '../../src/engine/run';
import { runEndMs } from '../../src/engine/trace/summary';
import { DEFAULT_SCENARIO } from '../../src/state/defaultScenario';
import { formatMs } from '../../src/ui/format';
import { test, expect } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

/** Every visible text on the page that is smaller than `minPx`, as "size px: text". */
async function smallTexts(page: Page, minPx: number): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) continue;
      if (box.right < 0 || box.bottom < 0 || box.left > innerWidth || box.top > innerHeight) continue;
      // Visually hidden text (screen readers only) and hidden elements are not seen.
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('[hidden], .visually-hidden, .legend__caption')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const size = parseFloat(style.fontSize);
      if (size < min) out.push(`${size}px: ${text.slice(0, 60)}`);
    }
    return out;
  }, minPx);
}

async function openPresent(page: Page, query = '?present=1') {
  await page.goto(`/${query}`);
  await expect(page.getByRole('banner', { name: 'Scene' })).toBeVisible();
}

const caption = (page: Page) => page.getByRole('banner', { name: 'Scene' }).getByRole('heading');

test('presentation mode by keyboard only: clicker keys, blank, pacing, one panel, lock, exit', async ({
  guardedPage: page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('banner', { name: 'Scene' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Controls' })).toHaveCount(0);
  await expect(page.locator('html')).toHaveClass(/present-mode/);
  await page.keyboard.press('PageDown');
  await expect(caption(page)).toHaveText('Pre-copy that converges in a few rounds');
  await expect(page.getByText('Ask the room:')).toBeVisible();
  await expect(page).toHaveURL(/present=1.*scene=1/);
  await page.keyboard.press('ArrowRight');
  await expect(caption(page)).toHaveText('Pre-copy that never converges');
  await page.keyboard.press('PageUp');
  await expect(caption(page)).toHaveText('Pre-copy that converges in a few rounds');
  // The scene's own run, the default scenario's (the machine may be busy: the wait is for the engine).
  const scene = runScenario(DEFAULT_SCENARIO).summary;
  const downtime = formatMs(scene.downtimeMs);
  await expect(page.getByRole('region', { name: 'Metrics' })).toContainText(downtime, { timeout: 30_000 });

  // Period blanks the screen and brings it back.
  await page.keyboard.press('.');
  await expect(page.locator('.present-blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.locator('.present-blank')).toHaveCount(0);

  // Space plays; pacing pauses by itself at the end of round 1 and says so; Space goes on to round 2's end.
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Paused: end of round 1' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Paused: end of round 2' })).toBeVisible();
  // Pauses off ("a"): the rest plays through to the end.
  await page.keyboard.press('a');
  await page.keyboard.press('Space');
  const end = formatMs(runEndMs(scene));
  await expect(page.getByRole('slider', { name: 'Playhead' })).toHaveAttribute('aria-valuetext', `${end} of ${end}`, {
    timeout: 15_000,
  });

  // One panel full screen in turn; Escape brings the others back.
  await page.keyboard.press('z');
  await expect(page.getByRole('region', { name: 'Memory' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
  await page.keyboard.press('z');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Memory' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Memory' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();

  // Locked: b blanks rather than pinning a baseline, and there are no controls; u unlocks them.
  await page.keyboard.press('u');
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toBeVisible();
  await page.keyboard.press('u');
  await expect(page.getByRole('slider', { name: 'Link bandwidth', exact: true })).toHaveCount(0);

  // Key 4: the link that fails mid-copy, as a scene.
  await page.keyboard.press('4');
  await expect(caption(page)).toHaveText('The link fails in the middle of the copy');
  await expect(page.getByRole('region', { name: 'Metrics' })).toContainText('aborted: VM on the source', {
    timeout: 30_000,
  });

  // The sheet lists this mode's keys: the clicker's among them.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const row = (label: string) => sheet.getByRole('row').filter({ hasText: label });
  await expect(row('Next scene')).toContainText('Page Down');
  await expect(row('Blank the screen')).toContainText('.');
  await expect(row('Demonstration: Post-copy')).toContainText('3');
  await expect(sheet).not.toContainText('Pin as baseline');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // Full screen through the Fullscreen API, and back.
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);

  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Controls' })).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/present-mode/);
});

test('nothing in presentation mode is under 20 px at 1280 x 720', async ({ guardedPage: page }) => {
  await openPresent(page, '?present=1&scene=3');
  await expect(page.getByRole('region', { name: 'Metrics' })).toContainText('Post-copy faults', { timeout: 30_000 });
  expect(await smallTexts(page, 20)).toEqual([]);
  await page.getByRole('button', { name: 'Presenter' }).click();
  await page.keyboard.press('?');
  expect(await smallTexts(page, 20)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('u');
  await expect(page.getByRole('region', { name: 'Controls' })).toBeVisible();
  expect(await smallTexts(page, 20)).toEqual([]);
  await page.keyboard.press('e');
  await expect(page.getByRole('dialog', { name: 'Scenes' })).toBeVisible();
  expect(await smallTexts(page, 20)).toEqual([]);
  // The measure itself finds small text: the lab's own type is smaller.
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Controls' })).toBeVisible();
  expect((await smallTexts(page, 20)).length).toBeGreaterThan(10);
});

test("a lecturer's own scenes: edited, kept in the link, each with its caption and question", async ({
  guardedPage: page,
}) => {
  await openPresent(page);
  await page.keyboard.press('e');
  const editor = page.getByRole('dialog', { name: 'Scenes' });
  await editor
    .getByRole('textbox')
    .fill('?v=1&network.linkMbps=10000 | Ten gigabit | How many rounds now?\n?v=1&strategy=postcopy | Post-copy');
  await editor.getByRole('button', { name: 'Show these 2 scenes' }).click();
  await expect(caption(page)).toHaveText('Ten gigabit');
  await expect(page.getByText('How many rounds now?')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(caption(page)).toHaveText('Post-copy');
  await expect(page.getByRole('region', { name: 'Metrics' })).toContainText('Post-copy faults', { timeout: 30_000 });
  await expect(page).toHaveURL(/scenes=.*scene=2/);
  // The link opens the same scene of the same list elsewhere, and the list is kept for the next visit.
  await page.reload();
  await expect(caption(page)).toHaveText('Post-copy');
  expect(await page.evaluate(() => localStorage.getItem('brownout.scenes.v1'))).toContain('Ten gigabit');
});

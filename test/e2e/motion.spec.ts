import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** CSS animations and transitions running on the page right now, named by their elements' classes. */
const running = (page: Page) =>
  page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return target instanceof Element ? String(target.className) : '?';
      }),
  );

async function playLab(page: Page) {
  await page.goto('/?v=1&workload.writeRateMiBps=60');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  // The link between the hosts shows pages flowing while pre-copy runs.
  await expect(page.locator('.link__wire--flowing')).toHaveCount(1, { timeout: 10_000 });
}

test('with reduced motion asked for, nothing on the page animates while a migration plays', async ({
  guardedPage: page,
}) => {
  // Without the setting the flowing link animates: the check below can see an animation when there is one.
  await playLab(page);
  expect(await running(page)).toContain('link__wire link__wire--flowing');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await playLab(page);
  expect(await running(page)).toEqual([]);
  // Neither does a transition: the spectrum's bars fade in without one.
  const durations = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .map((el) => getComputedStyle(el))
      .flatMap((s) => [s.transitionDuration, s.animationDuration])
      .flatMap((d) => d.split(','))
      .filter((d) => parseFloat(d) > 0),
  );
  expect(durations).toEqual([]);
});

test('with reduced motion asked for, an embed with autoplay=1 waits for its reader to press Play', async ({
  guardedPage: page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?embed=1&autoplay=1&v=1');
  const playhead = page.getByRole('slider', { name: 'Playhead' });
  await expect(playhead).toBeEnabled({ timeout: 30_000 });
  const shown = await playhead.inputValue();
  await page.waitForTimeout(1000);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(playhead).toHaveValue(shown);
  // It plays when asked to.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
});

test('the playback narration tells a screen-reader user what the playing migration does', async ({
  guardedPage: page,
}) => {
  await page.goto('/?v=1&vm.memoryMiB=256&vm.usedMiB=128&workload.wssMiB=64&network.linkMbps=200');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 30_000 });
  const narration = page.getByRole('status', { name: 'Playback narration' });
  await expect(narration).toHaveAttribute('aria-live', 'polite');
  // A fresh result and a seek are not narrated.
  await page.getByRole('button', { name: 'Back to the start' }).click();
  await expect(narration).toHaveText('');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(narration).toHaveText(/^Round 1 started: [\d.]+ MiB to send\.$/);
  await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('16');
  await expect(narration).toContainText('Migration complete', { timeout: 30_000 });
  await expect(narration).toContainText(
    await page.getByRole('group', { name: 'Downtime', exact: true }).locator('.metric__value').innerText(),
  );
});

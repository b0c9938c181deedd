import type { Page } from '@playwright/test';
import { LESSONS } from '../../src/lessons';
import { plainText } from '../../src/lessons/text';
import { test, expect } from './fixtures';

const downtime = (page: Page) => page.getByRole('group', { name: 'Downtime', exact: true });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Lesson' });

/** What a step's view shows of its run: the lab's downtime, the fleet's counters, the variant's results. */
const resultsOf = (page: Page, view: string) =>
  view === 'fleet'
    ? page.getByRole('region', { name: 'Fleet counters' })
    : view === 'variants'
      ? page.getByRole('region', { name: 'Variant results' })
      : downtime(page);

/** What says a view's simulation is done (the variants' results are there, if still covered). */
const ready = (page: Page, view: string) =>
  view === 'fleet'
    ? page.getByRole('status').filter({ hasText: /VMs simulated in/ })
    : view === 'variants'
      ? page.locator('.variants [aria-label="Variant results"]')
      : page.getByRole('status').filter({ hasText: 'engine ready' });

/** Answers a step's question from the panel: the first choice, or the middle of the number's range. */
async function answer(page: Page): Promise<void> {
  const form = panel(page).getByRole('form', { name: 'Your prediction' });
  const choices = form.getByRole('radio');
  if ((await choices.count()) > 0) await choices.first().check();
  await form.getByRole('button', { name: 'Lock in my answer' }).click();
}

test.describe('lessons', () => {
  for (const lesson of LESSONS)
    test(`every step of "${lesson.title}" opens from its link, runs, points at its target and guards its prediction`, async ({
      guardedPage: page,
    }) => {
      test.setTimeout(40_000 * lesson.steps.length);
      for (const [i, step] of lesson.steps.entries()) {
        const n = i + 1;
        await page.goto(`/?lesson=${lesson.id}&step=${n}`);
        await expect(panel(page).getByRole('heading', { name: step.title })).toBeVisible();
        await expect(panel(page)).toContainText(`Step ${n} of ${lesson.steps.length}`);
        await expect(panel(page)).toContainText(plainText(step.body[0]).slice(0, 60), { useInnerText: true });
        // The step's run finishes (a loaded machine may take a while), in the view the step opens.
        const view = step.view ?? 'lab';
        const results = resultsOf(page, view);
        await expect(page.getByRole('main').first()).toHaveClass(new RegExp(`\\b${view}\\b`));
        await expect(ready(page, view)).toBeAttached({ timeout: 30_000 });
        // What the step points at is marked (under the cover while a prediction is open).
        const highlight = page.locator('[data-lesson-highlight]');
        if (step.highlight) await expect(highlight).toHaveCount(1, { timeout: 15_000 });
        if (step.question) {
          // Covered: the results are there but hidden (in the lab the timeline too).
          await expect(page.locator(`.${view}[data-guarded]`)).toHaveCount(1);
          await expect(results).toBeHidden();
          if (view === 'lab') await expect(page.getByRole('toolbar', { name: 'Playback' })).toBeHidden();
          await answer(page);
          await expect(panel(page).getByRole('status', { name: 'Your prediction, scored' })).toContainText(
            /Right|Not quite|Close|You said/,
            { timeout: 30_000 },
          );
        }
        // The step's run is on screen, uncovered, and the link names the step.
        await expect(page.locator('main[data-guarded]')).toHaveCount(0);
        if (step.highlight) await expect(highlight).toBeVisible({ timeout: 15_000 });
        await expect(results).toContainText(/\d/, { timeout: 30_000 });
        await expect(page).toHaveURL(new RegExp(`lesson=${lesson.id}&step=${n}`));
      }
    });

  test('a number prediction hides the result, then scores the guess against the run and explains the gap', async ({
    guardedPage: page,
  }) => {
    await page.goto('/?lesson=rounds&step=1');
    await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible({ timeout: 30_000 });
    await expect(downtime(page)).toBeHidden();
    await expect(page.locator('.timeline__svg')).toBeHidden();
    await panel(page).getByRole('spinbutton', { name: 'Your answer, in MiB' }).fill('900');
    await panel(page).getByRole('button', { name: 'Lock in my answer' }).click();
    const scored = panel(page).getByRole('status', { name: 'Your prediction, scored' });
    await expect(scored).toContainText(
      /You said 900 MiB; the run gives \d+(\.\d)? MiB: about \d(\.\d)? times too high/,
    );
    await expect(scored).toContainText(/Round 1 lasted 1\d\.\d s/);
    await expect(downtime(page)).toContainText(/\d+ ms/);
    // The answer is remembered: the same step opened again shows it scored.
    await page.reload();
    await expect(panel(page).getByRole('status', { name: 'Your prediction, scored' })).toContainText(
      'You said 900 MiB',
    );
  });

  test('a lesson in another view: Next opens each step with its own fleet, and the list remembers how far it got', async ({
    guardedPage: page,
  }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Lessons' }).click();
    const list = page.getByRole('main', { name: 'Lessons' });
    await list.getByRole('button', { name: 'Start: The fleet' }).click();
    await expect(page.getByRole('main').first()).toHaveClass(/fleet/);
    const perSource = page.getByRole('region', { name: 'Fleet controls' }).getByLabel('Per source host');
    await expect(perSource).toHaveValue('2');
    await panel(page).getByRole('radio').nth(1).check();
    await panel(page).getByRole('button', { name: 'Lock in my answer' }).click();
    await expect(panel(page).getByRole('status', { name: 'Your prediction, scored' })).toContainText('Right');
    await expect(page.getByRole('region', { name: 'Fleet counters' })).toContainText('Time to evacuate');
    await panel(page).getByRole('button', { name: 'Next' }).click();
    await expect(panel(page).getByRole('heading', { name: 'Loosen the per-host cap' })).toBeVisible();
    await expect(perSource).toHaveValue('8');
    await expect(page.locator('.fleet[data-guarded]')).toHaveCount(1);
    await expect(page).toHaveURL(/lesson=fleet&step=2/);
    // Back to the lab lesson list: the fleet lesson is half seen; a variants step opens its view.
    await panel(page).getByRole('button', { name: 'All lessons' }).click();
    await expect(list.getByRole('listitem').filter({ hasText: 'The fleet' })).toContainText('2 of 4 steps seen');
    await list.getByRole('button', { name: 'Start: Confidential VMs' }).click();
    await expect(page.getByRole('main').first()).toHaveClass(/variants/);
    await expect(page.getByRole('region', { name: 'Variant results' })).toContainText(/MiB/, { timeout: 30_000 });
  });

  test('the Lessons entry lists the lessons; Next, Back and Finish move through one, and the list remembers it', async ({
    guardedPage: page,
  }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Lessons' }).click();
    const list = page.getByRole('main', { name: 'Lessons' });
    await expect(list.getByRole('listitem')).toHaveCount(LESSONS.length);
    const lesson = LESSONS.find((l) => l.id === 'brownout-blackout')!;
    await list.getByRole('button', { name: `Start: ${lesson.title}` }).click();
    await expect(panel(page).getByRole('heading', { name: lesson.steps[0].title })).toBeVisible();
    await expect(page.getByRole('main').first()).toHaveAttribute('class', /lab/);
    await panel(page).getByRole('button', { name: 'Next' }).click();
    await expect(panel(page).getByRole('heading', { name: lesson.steps[1].title })).toBeVisible();
    await expect(page).toHaveURL(/lesson=brownout-blackout&step=2/);
    await panel(page).getByRole('button', { name: 'Back' }).click();
    await expect(panel(page).getByRole('heading', { name: lesson.steps[0].title })).toBeVisible();
    await panel(page)
      .getByRole('button', { name: `Step 2: ${lesson.steps[1].title}` })
      .click();
    await panel(page).getByRole('button', { name: 'Finish' }).click();
    await expect(panel(page).getByRole('status').filter({ hasText: 'Lesson finished.' })).toContainText(lesson.learned);
    await page.reload();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Lessons' }).click();
    await expect(list.getByRole('listitem').nth(1)).toContainText(`Finished. ${lesson.learned}`);
  });

  test('a hostile lesson link gets a notice naming the parameter and the lessons there are; the lab keeps working', async ({
    guardedPage: page,
  }) => {
    await page.goto('/?lesson=nope&step=99');
    const notice = page.getByRole('alert');
    await expect(notice).toContainText(
      /lesson: "nope" is not a lesson \(why-move, brownout-blackout, .*seven-steps, confidential, fleet\)/,
    );
    await expect(notice).toContainText('step="99"');
    await expect(downtime(page)).toContainText(/\d+ ms/);
    await expect(panel(page)).toHaveCount(0);
    await page.goto('/?lesson=rounds&step=99');
    await expect(page.getByRole('alert')).toContainText(
      /step: "99" is not a step of lesson rounds \(a whole number 1 to 4\)/,
    );
    await expect(panel(page)).toContainText('Step 1 of 4');
  });

  test('the glossary is reachable from a control, a metric and a lesson word, and is a view of its own', async ({
    guardedPage: page,
  }) => {
    await page.goto('/?lesson=brownout-blackout&step=2');
    await expect(downtime(page)).toBeHidden();
    // A word in the lesson's text.
    await panel(page).getByRole('button', { name: 'brownout', exact: true }).click();
    const popover = page.getByRole('dialog', { name: 'Glossary: Brownout' });
    await expect(popover).toBeVisible();
    await expect(popover).toContainText('keeps running');
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    // A control's label.
    await page.getByRole('region', { name: 'Controls' }).getByRole('button', { name: 'What is write rate?' }).click();
    await expect(page.getByRole('dialog', { name: 'Glossary: Write rate' })).toBeVisible();
    await page
      .getByRole('dialog', { name: 'Glossary: Write rate' })
      .getByRole('button', { name: 'Open the glossary' })
      .click();
    const glossary = page.getByRole('main', { name: 'Glossary' });
    await expect(glossary.locator('.glossary__entry.is-focused')).toContainText('Write rate');
    await expect(glossary.locator('.glossary__entry.is-focused')).toBeInViewport();
    await expect(page).toHaveURL(/view=glossary/);
    await glossary.getByRole('searchbox').fill('post-copy');
    await expect(glossary.locator('.glossary__entry').first()).toBeVisible();
    // A metric's label, back in the lab after answering.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Lab' }).click();
    await answer(page);
    await page.getByRole('region', { name: 'Metrics' }).getByRole('button', { name: 'What is blackout?' }).click();
    await expect(page.getByRole('dialog', { name: 'Glossary: Blackout' })).toContainText('750 ms');
  });
});

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The layout at a 1280x720 projector and at 150 % zoom of one (853x480 CSS px at scale 1.5): no text cut off,
 * no two controls drawn over each other, the heatmaps a usable size, no text under 14 px on the projector.
 */

const WINDOWS = [
  { name: '853x480 at 150 %', viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 },
  { name: '1280x720', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 },
  { name: '960x540 at 200 %', viewport: { width: 960, height: 540 }, deviceScaleFactor: 2 },
] as const;

/** Runs in the page: what is wrong with the layout on screen now, one line per problem. */
function layoutProblems(minFontPx: number): string[] {
  const problems: string[] = [];
  const describe = (el: Element) => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text}"`;
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.opacity !== '0' && el.closest('[aria-hidden="true"]') === null;
  };
  /** An element that paints text of its own, not only through its children. */
  const ownsText = (el: Element) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
  // Visually hidden text (1 px boxes for screen readers) is clipped on purpose.
  const screenReaderOnly = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width <= 1 || r.height <= 1 || getComputedStyle(el).clipPath.startsWith('inset(50%');
  };
  const all = [...document.querySelectorAll('body *')].filter(
    (el) => !(el instanceof SVGElement) && !['SCRIPT', 'STYLE', 'OPTION', 'SELECT'].includes(el.tagName),
  );
  const clips = (style: CSSStyleDeclaration, axis: 'x' | 'y') =>
    ['hidden', 'clip'].includes(axis === 'x' ? style.overflowX : style.overflowY);
  for (const el of all) {
    if (!visible(el) || !ownsText(el) || screenReaderOnly(el)) continue;
    const style = getComputedStyle(el);
    if (parseFloat(style.fontSize) < minFontPx - 0.05)
      problems.push(`small text: ${describe(el)} at ${style.fontSize}`);
    if ((clips(style, 'x') || style.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1)
      problems.push(`cut off: ${describe(el)} (${el.scrollWidth} > ${el.clientWidth} px)`);
    // Each line of its own text must lie inside every box that clips it (scroll regions, auto or scroll, are
    // allowed): this catches text pushed out to the left, and panels squeezed shorter than their text.
    let ancestor: Element | null = el;
    const boxes: { el: Element; x: boolean; y: boolean }[] = [];
    let hidden = false;
    for (; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
      if (screenReaderOnly(ancestor)) hidden = true;
      const s = getComputedStyle(ancestor);
      if (clips(s, 'x') || clips(s, 'y')) boxes.push({ el: ancestor, x: clips(s, 'x'), y: clips(s, 'y') });
      // Inside a scroll region the text can be scrolled to; what clips the region is another matter.
      if ([s.overflowX, s.overflowY].some((o) => o === 'auto' || o === 'scroll')) break;
    }
    if (hidden) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || (node.textContent ?? '').trim() === '') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const text = range.getBoundingClientRect();
      // Text wider than its own box spills over whatever stands beside it (a row heading over a swatch).
      const own = el.getBoundingClientRect();
      if (text.left < own.left - 2 || text.right > own.right + 2) problems.push(`spills out: ${describe(el)}`);
      const outside = boxes.find(({ el: clip, x, y }) => {
        const r = clip.getBoundingClientRect();
        return (
          (x && (text.left < r.left - 1 || text.right > r.right + 1)) ||
          (y && (text.top < r.top - 1 || text.bottom > r.bottom + 1))
        );
      });
      if (outside) problems.push(`cut off by ${describe(outside.el)}: ${describe(el)}`);
    }
  }
  // Out of the window to the right: a toolbar that runs off the edge.
  const widthPx = document.documentElement.clientWidth;
  for (const el of all) {
    if (!visible(el) || !ownsText(el) || screenReaderOnly(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > widthPx + 1) problems.push(`off the right edge: ${describe(el)} (right ${Math.round(r.right)} px)`);
  }
  // Siblings in the flow whose boxes cross: labels drawn over buttons, legend headings over each other.
  const inFlow = (el: Element) => {
    const position = getComputedStyle(el).position;
    return position !== 'absolute' && position !== 'fixed';
  };
  for (const parent of all) {
    const kids = [...parent.children].filter(
      (k) => !(k instanceof SVGElement) && visible(k) && inFlow(k) && (k.textContent ?? '').trim() !== '',
    );
    for (let i = 0; i < kids.length; i++)
      for (let j = i + 1; j < kids.length; j++) {
        const a = kids[i].getBoundingClientRect();
        const b = kids[j].getBoundingClientRect();
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 2 && dy > 2) problems.push(`overlap: ${describe(kids[i])} and ${describe(kids[j])}`);
      }
  }
  return problems;
}

async function problemsOn(page: Page, minFontPx = 0) {
  // Let the panels settle (fonts, the element-size observers) before measuring.
  await page.waitForTimeout(300);
  return page.evaluate(layoutProblems, minFontPx);
}

async function openLab(page: Page) {
  await page.goto('/?v=1&t=18700');
  await expect(page.getByRole('status').filter({ hasText: 'engine ready' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Downtime', exact: true })).toBeVisible();
}

for (const window of WINDOWS)
  test.describe(`at ${window.name}`, () => {
    test.use({ viewport: window.viewport, deviceScaleFactor: window.deviceScaleFactor });
    // The projector's own size is where text must stay readable from the back of the room.
    const minFontPx = window.deviceScaleFactor === 1 ? 14 : 0;

    test('the lab: every tab and the settings open, nothing cut off or overlapping', async ({ guardedPage: page }) => {
      await openLab(page);
      for (const canvas of await page.locator('.hosts canvas').all()) {
        const box = (await canvas.boundingBox())!;
        expect(box.width, 'heatmap width').toBeGreaterThanOrEqual(180);
        expect(box.height, 'heatmap height').toBeGreaterThanOrEqual(window.deviceScaleFactor === 1 ? 70 : 150);
      }
      expect(await problemsOn(page, minFontPx)).toEqual([]);
      await page.getByText('More settings').click();
      expect(await problemsOn(page, minFontPx)).toEqual([]);
      await page.getByRole('tab', { name: 'Whole migration' }).click();
      expect(await problemsOn(page, minFontPx)).toEqual([]);
      await page.getByRole('tab', { name: 'Spectrum of approaches' }).click();
      await expect(page.locator('.spectrum-chart')).toBeVisible();
      expect(await problemsOn(page, minFontPx)).toEqual([]);
    });

    // The other views once at each of the two sizes the course projects at.
    if (window.deviceScaleFactor === 2) return;
    for (const view of ['lessons', 'compare', 'sweep', 'replay', 'fleet', 'variants', 'glossary'])
      test(`the ${view} view: nothing cut off or overlapping`, async ({ guardedPage: page }) => {
        await page.goto(`/?view=${view}`);
        await expect(page.locator('.app-header')).toBeVisible();
        await expect(page.locator('main, [role="main"]').first()).toBeVisible();
        expect(await problemsOn(page)).toEqual([]);
      });

    test('presentation mode: nothing cut off or overlapping', async ({ guardedPage: page }) => {
      await page.goto('/?present=1');
      await expect(page.locator('.present__stage')).toBeVisible();
      await expect(page.locator('.present canvas:visible').first()).toBeVisible();
      expect(await problemsOn(page)).toEqual([]);
    });
  });

import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every browser test runs under the same guard: no console error, no page error, and no request to any origin
 * other than the app's own (the app must work offline once loaded).
 */
export const test = base.extend<{ guardedPage: Page }>({
  guardedPage: async ({ page, baseURL }, provide) => {
    const problems: string[] = [];
    const appOrigin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== appOrigin) problems.push(`request to another origin: ${req.url()}`);
    });
    await provide(page);
    expect(problems).toEqual([]);
  },
});

export { expect };

import * as z from 'zod';

/**
 * Zod compiles fast validators with `new Function` when it may, and finds out by trying once. Under the
 * app's Content-Security-Policy (no 'unsafe-eval') that try is a reported violation, so the page and the
 * worker turn it off before any schema is used: import this module first.
 */
z.config({ jitless: true });

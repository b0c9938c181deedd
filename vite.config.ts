import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './csp.ts';
import { initialJsBudget } from './jsBudget.ts';

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path (a course page, a static host).
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    initialJsBudget(),
    // Offline after the first visit: a service worker precaches the built app. 'prompt': a new version
    // waits until the user chooses to reload (src/offline), never swapping under a student mid-lesson.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    // Zod and the module that turns its eval probe off share a chunk, so the switch runs before any schema
    // in another chunk is used (split apart, the probe ran first and the CSP reported it).
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod|zodWithoutEval/ }] } },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}'],
    // The seeded property and fuzz tests run hundreds of whole migrations: on a two-core machine shared with
    // other work one can take well over 30 s. A timeout is a hang guard here, never a speed check.
    testTimeout: 120_000,
  },
});

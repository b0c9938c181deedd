// `npm test`: every check, in the order CI runs them, stopping at the first failure.
// Set BROWNOUT_REPORT_DIR to also write Vitest's and Playwright's JSON reports there (used by .ci/run).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const reportDir = process.env.BROWNOUT_REPORT_DIR ? resolve(process.env.BROWNOUT_REPORT_DIR) : undefined;
if (reportDir) mkdirSync(reportDir, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${title} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`--- ${title}: ok in ${seconds} s`);
}

run('chromium', 'node', ['scripts/require-chromium.mjs']);
run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npm', ['run', '--silent', 'lint']);
run('unit, component and engine tests (vitest)', 'npx', [
  'vitest',
  'run',
  ...(reportDir ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'unit.json')}`] : []),
]);
run('production build', 'npx', ['vite', 'build']);
run(
  'browser tests (playwright, chromium)',
  'npx',
  ['playwright', 'test', ...(reportDir ? ['--reporter=list,json'] : [])],
  reportDir ? { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reportDir, 'e2e.json') } : {},
);
console.log('\nall checks passed');

// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioDoc } from '../../../src/engine/scenario/doc';
import { scenarioFields } from '../../../src/engine/scenario/fields';

describe('docs/scenario.md', () => {
  it('is the document the schema generates (run `npx tsx scripts/scenario-doc.ts` after changing the schema)', () => {
    const onDisk = readFileSync(resolve(__dirname, '../../../docs/scenario.md'), 'utf8');
    expect(onDisk).toBe(scenarioDoc());
  });

  it('describes every field with its allowed values, including the keys the engine issue requires', () => {
    const fields = scenarioFields();
    for (const f of fields) expect(f.description, f.path).not.toBe('');
    const paths = fields.map((f) => f.path);
    for (const required of [
      'strategy',
      'seed',
      'vm.memoryMiB',
      'vm.usedMiB',
      'vm.pageKiB',
      'workload.pattern',
      'workload.writeRateMiBps',
      'workload.wssMiB',
      'network.linkMbps',
      'network.capMbps',
      'network.rttMs',
      'precopy.downtimeLimitMs',
      'precopy.maxIterations',
      'precopy.autoConverge',
      'precopy.trackFromBoot',
      'precopy.zeroPageDetection',
    ])
      expect(paths).toContain(required);
  });
});

// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRACES_DIR, traceText } from '../../support/traces';

const ROOT = resolve(__dirname, '../../..');

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FIGURES = ['iterations', 'downtimeMs', 'totalTimeMs', 'bytesTransferred', 'converged', 'outcome'];

describe('npm run sim -- --fit RECORD', () => {
  it('prints measured and predicted figures, their errors and the fitted scenario; --set overrides', () => {
    const r = sim(
      '--fit',
      join(TRACES_DIR, 'cpu_ws128_m512_bw64_dt300_postcopy.jsonl'),
      '--set',
      'workload.wssMiB=100',
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of [...FIGURES, 'postcopyBytes', 'postcopyRequests']) {
      expect(out.measured).toHaveProperty(key);
      expect(out.predicted).toHaveProperty(key);
      expect(out.errors).toHaveProperty(key);
    }
    expect(out.measured).toMatchObject({ outcome: 'completed', postcopyRequests: 24, totalTimeMs: 5181 });
    expect(out.errors.totalTimeMs).toBeCloseTo((out.predicted.totalTimeMs - 5181) / 5181, 9);
    expect(out.scenario).toMatchObject({ profile: 'qemu', strategy: 'hybrid', workload: { wssMiB: 100 } });
    expect(out.estimate.wssSource).toBe('given');
  });

  it('exits with code 2 and names the line and field of a bad record, or what is wrong with the options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brownout-fit-'));
    const bad = join(dir, 'bad.jsonl');
    const lines = traceText('idle_m256_bw64_dt300.jsonl').split('\n');
    lines.splice(6, 0, '', '');
    lines[13] = lines[13].replace('"transferred":1082502', '"transferred":"lots"');
    writeFileSync(bad, lines.join('\n'));
    const r = sim('--fit', bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 14: return.ram.transferred is "lots"');
    const missing = sim('--fit', join(dir, 'nothing.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).toContain('nothing.jsonl": there is no such file');
    const noValue = sim('--fit', join(TRACES_DIR, 'idle_m256_bw64_dt300.jsonl'), '--set', 'workload.wssMiB');
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('--set "workload.wssMiB": expected key=value, e.g. workload.wssMiB=100');
    const override = sim('--fit', join(TRACES_DIR, 'idle_m256_bw64_dt300.jsonl'), '--set', 'workload.wssMiB=-4');
    expect(override.code).toBe(2);
    expect(override.stderr).toContain('workload.wssMiB');
  });
});

describe('npm run sim -- --profile', () => {
  it('qemu: no round cap, total time from the migrate command; a bad name is refused', () => {
    const lab = JSON.parse(sim('--set', 'vm.memoryMiB=256', '--set', 'vm.usedMiB=128').stdout);
    const r = sim('--profile', 'qemu', '--set', 'vm.memoryMiB=256', '--set', 'vm.usedMiB=128');
    expect(r.code, r.stderr).toBe(0);
    const qemu = JSON.parse(r.stdout);
    expect(qemu.migrateStartMs).toBe(50);
    expect(qemu.totalTimeMs).toBeCloseTo(lab.totalTimeMs - 50, 6);
    const bad = sim('--profile', 'vmware');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"vmware" is not a profile; allowed: one of lab, qemu');
  });
});

// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAT_BAND_COUNT } from '../../../src/engine/memory/pageState';
import { readTrace } from '../../../src/engine/trace/readTrace';
import { TRACE_FORMAT_VERSION } from '../../../src/engine/trace/versions';

const ROOT = resolve(__dirname, '../../..');

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run sim', () => {
  it('prints one JSON summary with the documented fields', () => {
    const r = sim('--set', 'vm.memoryMiB=1024', '--set', 'vm.usedMiB=512', '--set', 'workload.wssMiB=128');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const key of [
      'strategy',
      'outcome',
      'converged',
      'stopReason',
      'iterations',
      'downtimeMs',
      'totalTimeMs',
      'bytesTransferred',
      'memoryBytes',
      'rounds',
    ])
      expect(s).toHaveProperty(key);
    expect(s.memoryBytes).toBe(1024 * 1048576);
    expect(s.rounds[0]).toEqual(
      expect.objectContaining({
        index: 1,
        startMs: expect.any(Number),
        endMs: expect.any(Number),
        pagesSent: expect.any(Number),
        bytesSent: expect.any(Number),
        dirtyPagesAtEnd: expect.any(Number),
      }),
    );
    expect(s.rounds.length).toBe(s.iterations);
  });

  it('exits with code 2 and names every bad field, its value and the allowed range', () => {
    const r = sim('--set', 'vm.memoryMiB=0', '--set', 'network.linkMbps=fast', '--set', 'precopy.stopRule=vmware');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('vm.memoryMiB: 0 is not allowed; allowed: a whole number 64 to 1048576 MiB');
    expect(r.stderr).toContain('network.linkMbps: "fast" is not a number');
    expect(r.stderr).toContain(
      'precopy.stopRule: "vmware" is not allowed; allowed: one of qemu, xen, xen-legacy, no-progress',
    );
  });

  it('reads a scenario file, applies a preset, writes the whole trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brownout-'));
    const scenarioFile = join(dir, 'scenario.json');
    const traceFile = join(dir, 'trace.json');
    writeFileSync(scenarioFile, JSON.stringify({ strategy: 'postcopy', vm: { memoryMiB: 512, usedMiB: 256 } }));
    const r = sim('--scenario', scenarioFile, '--preset', 'game', '--trace', traceFile);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.strategy).toBe('postcopy');
    const trace = JSON.parse(readFileSync(traceFile, 'utf8'));
    expect(trace.format).toBe('brownout-trace');
    expect(trace.formatVersion).toBe(TRACE_FORMAT_VERSION);
    expect(readTrace(readFileSync(traceFile, 'utf8')).ok).toBe(true);
    expect(trace.scenario.workload.preset).toBe('game');
    expect(trace.summary).toEqual(s);
    expect(trace.heatmap.data.length).toBe(trace.heatmap.frameTimesMs.length * trace.heatmap.cells * HEAT_BAND_COUNT);
  });

  it('refuses a malformed scenario file with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brownout-'));
    const scenarioFile = join(dir, 'bad.json');
    writeFileSync(scenarioFile, '{ "vm": ');
    const r = sim('--scenario', scenarioFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
    expect(sim('--preset', 'quantum').stderr).toContain('"quantum" is not a preset');
  });

  it('exits with code 2 and a message, never a stack trace, on prototype names and deeply nested files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brownout-'));
    const deepFile = join(dir, 'deep.json');
    writeFileSync(deepFile, `{"faults":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const r = sim('--set', 'constructor=1', '--set', 'vm.__proto__=1', '--scenario', deepFile);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'constructor: not a field of the scenario format',
      'vm.__proto__: not a field of the scenario format',
      'faults.0: [[[[…]]]] is not allowed; allowed: an object',
    ]);
  });
});

// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MigrationRun, runScenario } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';
import { spectrum } from '../../../src/engine/spectrum';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';

const small: ScenarioInput = {
  vm: { memoryMiB: 1024, usedMiB: 512 },
  workload: { pattern: 'hotcold', writeRateMiBps: 30, wssMiB: 128 },
};
const run = (over: ScenarioInput) => runScenario({ ...small, ...over });

describe('the seven steps', () => {
  it('a normal pre-copy goes through all seven, in order, each after the last', () => {
    const t = run({});
    expect(t.lifecycle.map((s) => s.step)).toEqual([
      'allocate',
      'validate',
      'copy',
      'blackout',
      'redirect',
      'resume',
      'delete-source',
    ]);
    expect(t.lifecycle.every((s) => s.status === 'done')).toBe(true);
    for (let i = 1; i < t.lifecycle.length; i++)
      expect(t.lifecycle[i].startMs).toBeGreaterThanOrEqual(t.lifecycle[i - 1].startMs);
    const step = Object.fromEntries(t.lifecycle.map((s) => [s.step, s]));
    const sc = t.scenario;
    expect(step.allocate.endMs).toBe(sc.host.allocateMs);
    expect(step.copy.endMs).toBe(t.summary.pausedAtMs);
    expect(step.blackout.endMs).toBe(t.summary.resumedAtMs);
    expect(step.blackout.endMs - step.blackout.startMs).toBeCloseTo(t.summary.downtimeMs, 6);
    expect(step.redirect.endMs - step.redirect.startMs).toBe(sc.host.announceMs);
    expect(step['delete-source'].startMs).toBe(t.summary.resumedAtMs! + sc.host.forwardingMs);
    expect(t.summary.sourceDeletable).toBe(true);
    expect(t.summary.vmLocation).toBe('destination');
    // The guest's clock stood still during the pause; clients were cut off exactly that long.
    expect(t.summary.clockJumpMs).toBeCloseTo(t.summary.downtimeMs, 6);
    expect(t.summary.unreachableMs).toBeCloseTo(t.summary.downtimeMs, 6);
    const kinds = t.events.map((e) => e.kind);
    expect(kinds.indexOf('allocated')).toBeLessThan(kinds.indexOf('validated'));
    expect(kinds.indexOf('paused')).toBeLessThan(kinds.indexOf('commit'));
  });

  it('without forwarding, clients also miss the time the address takes to move', () => {
    const t = run({ host: { forwardingMs: 0 } });
    expect(t.summary.unreachableMs).toBeCloseTo(t.summary.downtimeMs + t.scenario.host.announceMs, 6);
  });

  it('allocation fails when the destination lacks memory or vCPUs, before anything is copied', () => {
    const t = run({ destination: { freeMemoryMiB: 512, freeVcpus: 2 } });
    expect(t.summary.outcome).toBe('aborted');
    expect(t.summary.stopReason).toBe('refused');
    expect(t.summary.bytesTransferred).toBe(0);
    expect(t.summary.vmLocation).toBe('source');
    expect(t.summary.refusals).toEqual([
      'the destination has 512 MiB free, the VM needs 1024 MiB',
      'the destination has 2 vCPUs free, the VM needs 4',
    ]);
    expect(t.lifecycle[0].status).toBe('refused');
    expect(t.lifecycle.slice(1).every((s) => s.status === 'skipped')).toBe(true);
  });

  it('validation fails on mismatched CPU features, firmware or drivers', () => {
    const t = run({ destination: { cpuFeaturesMatch: false, driversMatch: false } });
    expect(t.summary.stopReason).toBe('refused');
    expect(t.lifecycle[1]).toMatchObject({ step: 'validate', status: 'refused' });
    expect(t.summary.refusals.join(' ')).toMatch(/CPU lacks features.*device-model versions/);
    expect(t.summary.bytesTransferred).toBe(0);
  });
});

describe('local and global names', () => {
  it('a disk left behind is a residual dependency: the source cannot be deleted', () => {
    const t = run({ resources: { disk: 'leave-behind' } });
    expect(t.summary.outcome).toBe('completed');
    expect(t.summary.residualDependencies[0]).toMatch(/local disk stays on the source/);
    expect(t.summary.sourceDeletable).toBe(false);
    expect(t.lifecycle[6]).toMatchObject({ step: 'delete-source', status: 'blocked' });
  });

  it('a host-bound address keeps the source forwarding', () => {
    const t = run({ resources: { networkIdentity: 'host-bound' } });
    expect(t.summary.residualDependencies[0]).toMatch(/bound to the source host/);
    expect(t.lifecycle[6].status).toBe('blocked');
  });

  it('a local disk copied first is a phase of its own, sent at the link rate, plus the rewrites', () => {
    const diskGiB = 2;
    const t = run({ resources: { disk: 'copy', diskGiB, diskWriteMiBps: 0 } });
    const disk = t.phases.find((p) => p.kind === 'disk')!;
    const precopy = t.phases.find((p) => p.kind === 'precopy')!;
    expect(disk.endMs).toBeLessThanOrEqual(precopy.startMs);
    expect(t.summary.diskBytes).toBeCloseTo(diskGiB * 2 ** 30, -3);
    expect(disk.endMs - disk.startMs).toBeCloseTo(((diskGiB * 2 ** 30) / 125e6) * 1000, -1);
    const busy = run({ resources: { disk: 'copy', diskGiB, diskWriteMiBps: 20 } }).summary;
    expect(busy.diskBytes).toBeGreaterThan(t.summary.diskBytes);
    expect(t.summary.sourceDeletable).toBe(true);
  });

  it('network storage (a global name) moves nothing', () => {
    expect(run({}).summary.diskBytes).toBe(0);
  });
});

describe('VMs that cannot move live', () => {
  it('the platform refuses a VM with a passthrough GPU', () => {
    const t = run({ devices: { passthroughGpu: true } });
    expect(t.summary.outcome).toBe('aborted');
    expect(t.summary.refusals[0]).toMatch(/passthrough GPU/);
    expect(t.summary.bytesTransferred).toBe(0);
  });

  it('terminate and restart: down for the boot, in-memory state lost, nothing copied', () => {
    const t = run({ devices: { sriovNic: true, whenNotLive: 'terminate-restart', restartS: 45 } });
    expect(t.summary.outcome).toBe('completed');
    expect(t.summary.stopReason).toBe('offline-move');
    expect(t.summary.downtimeMs).toBe(45_000);
    expect(t.summary.stateLost).toBe('in-memory state');
    expect(t.summary.bytesTransferred).toBe(0);
    expect(t.summary.guestCooperation).toBe(false);
  });

  it('advance notice: the workload drains and checkpoints, keeps its state, needs to cooperate', () => {
    const t = run({ devices: { hostBoundTpm: true, whenNotLive: 'drain-checkpoint', checkpointS: 30, restartS: 45 } });
    expect(t.summary.stateLost).toBe('nothing');
    expect(t.summary.guestCooperation).toBe(true);
    expect(t.phases.map((p) => p.kind)).toEqual(['setup', 'drain', 'offline']);
    expect(t.summary.totalTimeMs).toBeCloseTo(t.scenario.host.allocateMs + t.scenario.host.validateMs + 75_000, 6);
  });

  it('a paravirtual device makes the VM movable live again', () => {
    const t = run({ devices: { passthroughGpu: true, whenNotLive: 'paravirtual' } });
    expect(t.summary.outcome).toBe('completed');
    expect(t.summary.iterations).toBeGreaterThan(0);
  });

  it('a latency budget smaller than any blackout cannot be met by any device swap', () => {
    const t = run({ devices: { latencyBudgetMs: 0.5, whenNotLive: 'paravirtual' } });
    expect(t.summary.outcome).toBe('aborted');
    expect(t.summary.refusals.join(' ')).toMatch(/tolerates 0.5 ms of pause/);
  });
});

describe('fault injection', () => {
  const base = run({});

  it('a short network drop mid-copy only stalls the migration', () => {
    const t = run({ faults: [{ kind: 'network-drop', when: 'brownout', atMs: 1000, durationMs: 1000 }] });
    expect(t.summary.outcome).toBe('completed');
    expect(t.summary.totalTimeMs - base.summary.totalTimeMs).toBeGreaterThan(900);
  });

  it('a drop longer than the stream timeout breaks the migration: a clean abort on the source', () => {
    const t = run({ faults: [{ kind: 'network-drop', when: 'brownout', atMs: 1000, durationMs: 20_000 }] });
    expect(t.summary.outcome).toBe('aborted');
    expect(t.summary.vmLocation).toBe('source');
    expect(t.summary.failure).toMatch(/declared broken/);
    expect(t.lifecycle[2].status).toBe('failed');
  });

  it('the destination crashing during brownout or blackout leaves the VM on the source', () => {
    for (const when of ['brownout', 'blackout'] as const) {
      const t = run({ faults: [{ kind: 'destination-crash', when, atMs: when === 'blackout' ? 1 : 500 }] });
      expect(t.summary.outcome).toBe('aborted');
      expect(t.summary.vmLocation).toBe('source');
      if (when === 'blackout') expect(t.summary.downtimeMs).toBeGreaterThan(0);
    }
  });

  it('the source crashing while the VM runs on it takes the VM with it', () => {
    const t = run({ faults: [{ kind: 'source-crash', when: 'brownout', atMs: 500 }] });
    expect(t.summary.outcome).toBe('failed');
    expect(t.summary.vmLocation).toBe('lost');
    expect(t.summary.failure).toMatch(/while the VM was running on it/);
  });

  it('once the final copy is complete a source crash no longer matters: the destination has everything', () => {
    const forced = {
      workload: { pattern: 'uniform' as const, writeRateMiBps: 400, wssMiB: 512 },
      precopy: { maxIterations: 2 },
    };
    const probe = run(forced).summary;
    expect(probe.downtimeMs).toBeGreaterThan(1000);
    const late = run({ ...forced, faults: [{ kind: 'source-crash', when: 'blackout', atMs: probe.downtimeMs - 0.5 }] });
    expect(late.summary.outcome).toBe('completed');
    const early = run({ ...forced, faults: [{ kind: 'source-crash', when: 'blackout', atMs: 10 }] });
    expect(early.summary.outcome).toBe('failed');
    expect(early.summary.failure).toMatch(/before the final copy was complete/);
  });

  it('after the commit, a destination crash loses the VM and a source crash does not', () => {
    expect(run({ faults: [{ kind: 'destination-crash', when: 'after-commit', atMs: 100 }] }).summary.outcome).toBe(
      'failed',
    );
    expect(run({ faults: [{ kind: 'source-crash', when: 'after-commit', atMs: 100 }] }).summary.outcome).toBe(
      'completed',
    );
  });

  it('post-copy: losing the source or a long network loss after switchover loses the VM', () => {
    const pc = { strategy: 'postcopy' as const };
    expect(run({ ...pc, faults: [{ kind: 'source-crash', when: 'after-commit', atMs: 500 }] }).summary.vmLocation).toBe(
      'lost',
    );
    const longDrop = run({
      ...pc,
      postcopy: { recoveryMs: 5000 },
      faults: [{ kind: 'network-drop', when: 'after-commit', atMs: 500, durationMs: 60_000 }],
    }).summary;
    expect(longDrop.outcome).toBe('failed');
    expect(longDrop.failure).toMatch(/longer than post-copy can recover/);
    const shortDrop = run({
      ...pc,
      faults: [{ kind: 'network-drop', when: 'after-commit', atMs: 500, durationMs: 2000 }],
    });
    expect(shortDrop.summary.outcome).toBe('completed');
    expect(shortDrop.events.some((e) => e.kind === 'postcopy-paused')).toBe(true);
  });

  it('a degraded link slows the rest of the migration', () => {
    const t = run({ faults: [{ kind: 'link-degradation', when: 'brownout', atMs: 100, factorPct: 25 }] });
    expect(t.summary.totalTimeMs).toBeGreaterThan(2 * base.summary.totalTimeMs);
  });

  const fault = fc.record({
    kind: fc.constantFrom('network-drop', 'destination-crash', 'source-crash', 'link-degradation'),
    when: fc.constantFrom('at-time', 'brownout', 'blackout', 'after-commit'),
    atMs: fc.integer({ min: 0, max: 12_000 }),
    durationMs: fc.integer({ min: 0, max: 40_000 }),
    factorPct: fc.integer({ min: 5, max: 100 }),
  });

  it('over random fault points: never both hosts, never neither but for the documented failure modes', () => {
    fc.assert(
      fc.property(
        fc.noBias(
          fc.record({
            strategy: fc.constantFrom('precopy', 'postcopy', 'hybrid', 'stopcopy'),
            faults: fc.array(fault, { minLength: 1, maxLength: 2 }),
          }),
        ),
        ({ strategy, faults }) => {
          const scenario = scenarioOrThrow({
            ...small,
            vm: { memoryMiB: 256, usedMiB: 128 },
            workload: { pattern: 'hotcold', writeRateMiBps: 30, wssMiB: 64 },
            strategy,
            faults,
          });
          const r = new MigrationRun(scenario, { audit: true });
          const s = r.runToEnd().summary;
          const where = { completed: 'destination', aborted: 'source', failed: 'lost', unfinished: r.state.vmHost }[
            s.outcome
          ];
          expect(s.vmLocation).toBe(where);
          if (s.outcome === 'failed')
            expect(s.failure).toMatch(
              /source host crashed while the VM was running|before the final copy was complete|destination crashed after it had taken over|destination still (fetched|needed) pages from (it|the source)/,
            );
          else if (s.outcome === 'completed') {
            const audit = r.state.audit!;
            for (let p = 0; p < audit.version.length; p++)
              if (audit.destination[p] !== audit.version[p]) expect.fail(`page ${p} is stale on the destination`);
          }
          expect(r.state.audit!.staleTouches).toBe(0);
        },
      ),
      { numRuns: 80, seed: 5 },
    );
  });
});

describe('the spectrum of approaches', () => {
  const s = scenarioOrThrow(small);
  const entries = spectrum(s);
  const by = Object.fromEntries(entries.map((e) => [e.approach, e]));

  it('orders the approaches from most to least disruptive', () => {
    expect(entries.map((e) => e.approach)).toEqual([
      'hard-power-down',
      'soft-power-down',
      'hibernation',
      'suspend-and-carry',
      'quick-migration',
      'live-migration',
    ]);
    expect(by['soft-power-down'].downtimeMs).toBe(by['hard-power-down'].downtimeMs + s.host.shutdownS * 1000);
    expect(by['live-migration'].downtimeMs).toBeLessThan(by['quick-migration'].downtimeMs);
    expect(by['hard-power-down'].stateLost).toMatch(/everything in memory/);
    expect(by['soft-power-down'].guestCooperation).toMatch(/must shut down cleanly/);
  });

  it('quick and live migration come from the engine; hibernation from the disk speed', () => {
    expect(by['quick-migration'].downtimeMs).toBeCloseTo(
      runScenario({ ...s, strategy: 'stopcopy' }).summary.downtimeMs,
      6,
    );
    expect(by['live-migration'].downtimeMs).toBeCloseTo(runScenario(s).summary.downtimeMs, 6);
    // Write the 512 MiB image, boot on the destination to resume, read it back.
    expect(by.hibernation.downtimeMs).toBeCloseTo(
      2 * ((512 * 2 ** 20) / (500 * 2 ** 20)) * 1000 + s.devices.restartS * 1000,
      6,
    );
  });

  it('suspend-and-resume over a slow wide-area link takes minutes; carrying the disk takes the trip', () => {
    const wan = spectrum(
      scenarioOrThrow({ ...small, network: { linkMbps: 20, rttMs: 40 }, host: { carryMinutes: 45 } }),
    );
    const quick = wan.find((e) => e.approach === 'quick-migration')!;
    expect(quick.downtimeMs).toBeGreaterThan(3.5 * 60_000);
    expect(wan.find((e) => e.approach === 'suspend-and-carry')!.downtimeMs).toBeGreaterThan(45 * 60_000);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MigrationRun, runScenario } from '../../../src/engine/run';
import { parseScenario } from '../../../src/engine/scenario/validate';
import { eventSentence } from '../../../src/ui/text/eventText';

describe('faults are judged where they fire', () => {
  it('post-copy with a 10 s drop from the start: no switchover during the drop, no split brain', () => {
    const t = runScenario({
      strategy: 'postcopy',
      vm: { memoryMiB: 64, deviceStateKiB: 0 },
      faults: [{ kind: 'network-drop', atMs: 0, durationMs: 10_000 }],
    });
    const s = t.summary;
    // The stream timed out (5 s) before anything could cross: the VM never left the source.
    expect(s.outcome).toBe('aborted');
    expect(s.failureCode).toBe('stream-timeout');
    expect(s.vmLocation).toBe('source');
    expect(t.events.some((e) => e.kind === 'resumed' && e.host === 'destination')).toBe(false);
    expect(t.events.some((e) => e.kind === 'commit')).toBe(false);
    const deleted = t.lifecycle.find((x) => x.step === 'delete-source')!;
    expect(deleted.status).not.toBe('done');
  });

  it('a drop that begins in pre-copy and outlasts the timeout stops it on the source, even in the blackout', () => {
    const t = runScenario({
      strategy: 'hybrid',
      hybrid: { switchAtMs: 1000 },
      faults: [{ kind: 'network-drop', atMs: 900, durationMs: 20_000 }],
    });
    expect(t.summary.outcome).toBe('aborted');
    expect(t.summary.vmLocation).toBe('source');
    expect(t.events.filter((e) => e.kind === 'resumed').map((e) => (e.kind === 'resumed' ? e.host : ''))).toEqual([
      'source',
    ]);
  });

  it('post-copy pauses during a short drop and says when it recovers', () => {
    const t = runScenario({
      strategy: 'postcopy',
      faults: [{ kind: 'network-drop', when: 'after-commit', atMs: 500, durationMs: 2000 }],
    });
    expect(t.summary.outcome).toBe('completed');
    const recovered = t.events.find((e) => e.kind === 'postcopy-recovered');
    expect(recovered?.kind === 'postcopy-recovered' && recovered.pausedMs).toBeCloseTo(2000, 6);
  });

  it('a post-copy loss past the recovery limit names the limit as the scenario’s, not a law', () => {
    const s = runScenario({
      strategy: 'postcopy',
      postcopy: { recoveryMs: 5000 },
      faults: [{ kind: 'network-drop', when: 'after-commit', atMs: 500, durationMs: 60_000 }],
    }).summary;
    expect(s.outcome).toBe('failed');
    expect(s.failure).toContain('postcopy.recoveryMs');
  });

  it('a source crash after the commit is in the event log', () => {
    const t = runScenario({ faults: [{ kind: 'source-crash', when: 'after-commit', atMs: 100 }] });
    expect(t.summary.outcome).toBe('completed');
    const crash = t.events.find((e) => e.kind === 'fault' && e.fault === 'source-crash');
    expect(crash).toMatchObject({ effect: 'after-commit-harmless' });
    expect(crash!.tMs).toBeCloseTo(t.summary.resumedAtMs! + 100, 6);
    const leftBehind = runScenario({
      resources: { disk: 'leave-behind' },
      faults: [{ kind: 'source-crash', when: 'after-commit', atMs: 100 }],
    });
    expect(leftBehind.events.find((e) => e.kind === 'fault')).toMatchObject({ effect: 'residual-dependencies-cut' });
  });

  it('a drop after the migration was over keeps its duration in the log, and is worded with it', () => {
    const t = runScenario({
      vm: { memoryMiB: 256, usedMiB: 128 },
      faults: [{ kind: 'network-drop', when: 'after-commit', atMs: 100, durationMs: 2500 }],
    });
    const drop = t.events.find((e) => e.kind === 'fault' && e.fault === 'network-drop')!;
    expect(drop).toMatchObject({ effect: 'after-commit-harmless', durationMs: 2500 });
    expect(eventSentence(drop, t)).toContain('carried nothing for 2.5 s after the migration was over');
  });

  it('a run ended by a fault keeps its open round: bytes are the sum over rounds and phases', () => {
    const s = runScenario({ faults: [{ kind: 'source-crash', when: 'brownout', atMs: 200 }] }).summary;
    expect(s.outcome).toBe('failed');
    expect(s.precopyBytes).toBeGreaterThan(0);
    expect(s.rounds.length).toBe(1);
    expect(s.rounds[0].end).toBe('fault');
    expect(s.rounds[0].bytesSent).toBeCloseTo(s.precopyBytes, 3);
    expect(s.bytesTransferred).toBeCloseTo(s.precopyBytes + s.downtimeBytes + s.postcopyBytes, 3);
  });
});

describe('every run ends, under a sane limit that is the simulation’s, not the migration’s', () => {
  it('eight link degradations to 1 % end as unfinished at the simulation limit, in every strategy', () => {
    const faults = Array.from({ length: 8 }, (_, i) => ({
      kind: 'link-degradation' as const,
      atMs: 100 + 10 * i,
      factorPct: 1,
    }));
    for (const strategy of ['postcopy', 'stopcopy'] as const) {
      const run = new MigrationRun({ strategy, vm: { memoryMiB: 256 }, faults });
      const t = run.runToEnd();
      expect(t.summary.outcome).toBe('unfinished');
      expect(t.summary.stopReason).toBe('simulation-limit');
      expect(t.summary.totalTimeMs).toBeCloseTo(t.summary.simulationLimitMs, 0);
      expect(t.events.some((e) => e.kind === 'simulation-limit')).toBe(true);
    }
  });

  it('the limit is at most a day, and a VM that could not cross the link once in a day is refused with the speed it needs', () => {
    const big = new MigrationRun({ vm: { memoryMiB: 1_048_576 }, network: { linkMbps: 100 } });
    expect(big.limitMs).toBeLessThanOrEqual(86_400_000);
    const r = parseScenario({ vm: { memoryMiB: 1_048_576 }, network: { linkMbps: 1 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].field).toBe('network.linkMbps');
    expect(r.problems[0].message).toMatch(/50\.9 days.*at least 51 Mbit\/s/);
  });

  it('interventions are checked against their field’s range, and the message names both', () => {
    const cases = [
      { path: 'network.linkMbps', value: 0, range: '1 to 400000 Mbit/s' },
      { path: 'network.rttMs', value: 1_000_000_000, range: '0 to 1000 ms' },
      { path: 'precopy.downtimeLimitMs', value: 0, range: '1 to 2000000 ms' },
    ] as const;
    for (const c of cases) {
      const r = parseScenario({ strategy: 'postcopy', interventions: [{ atMs: 100, path: c.path, value: c.value }] });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems[0].field).toBe('interventions.0.value');
      expect(r.problems[0].message).toContain(c.path);
      expect(r.problems[0].message).toContain(c.range);
    }
  });
});

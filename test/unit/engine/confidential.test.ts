// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PageState } from '../../../src/engine/memory/pageState';
import { MigrationRun, runScenario } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';

/**
 * A TDX confidential VM against the facts sheet (confidential-and-fleet-facts.md) and closed forms: the
 * byte figures below are worked out from the structure sizes, never read from a run.
 */
const PAGES = 262_144; // 1 GiB of 4 KiB pages
const USED = 16_384; // 64 MiB ever written
const PLAIN_PAGE = 4096 + 8; // QEMU record: page + header
const PLAIN_ZERO = 9; // zero-page marker
const TDX_PAGE = 4096 + 8 + 16 + 48 + 4 + 8; // ciphertext, GPA entry, MAC, MBMD, QEMU's two headers
const TDX_PENDING = 8 + 16 + 48 + 4 + 8; // no payload
const TOKEN = 48;

const idleVm = (confidential: Record<string, unknown> | null, over: ScenarioInput = {}): ScenarioInput => ({
  seed: 3,
  ...over,
  vm: {
    memoryMiB: 1024,
    usedMiB: 64,
    deviceStateKiB: 0,
    ...(confidential ? { confidential: { kind: 'tdx', ...confidential } } : {}),
    ...over.vm,
  },
  workload: { writeRateMiBps: 0, wssMiB: 16, ...over.workload },
  // Whole passes, so round 1 is one pass over all of memory.
  precopy: { stopRule: 'no-progress', ...over.precopy },
  host: { passStartMs: 0, zeroScanUs: 0, ...over.host },
});

describe('a confidential VM with mostly zero memory', () => {
  const plain = runScenario(idleVm(null));
  const tdx = runScenario(idleVm({}));
  const lazy = runScenario(idleVm({ acceptance: 'on-first-use' }));

  it('the ordinary VM sends its zero pages as markers (zero-page detection)', () => {
    expect(plain.rounds[0].pagesSent).toBe(PAGES);
    expect(plain.rounds[0].bytesSent).toBe(USED * PLAIN_PAGE + (PAGES - USED) * PLAIN_ZERO);
  });

  it('the TD sends every accepted page encrypted in full, zero or not, after one epoch token', () => {
    expect(tdx.rounds[0].pagesSent).toBe(PAGES);
    expect(tdx.rounds[0].bytesSent).toBe(TOKEN + PAGES * TDX_PAGE);
    expect(tdx.summary.bytesTransferred).toBe(PAGES * TDX_PAGE + tdx.variant!.confidential!.tokenBytes);
    // Nearly eight times the bytes for this VM: 1 GiB encrypted against 64 MiB of data and markers.
    const ratio = tdx.summary.bytesTransferred / plain.summary.bytesTransferred;
    expect(ratio).toBeCloseTo((PAGES * TDX_PAGE) / (USED * PLAIN_PAGE + (PAGES - USED) * PLAIN_ZERO), 2);
  });

  it('pages the guest never accepted travel without a payload', () => {
    expect(lazy.rounds[0].bytesSent).toBe(TOKEN + USED * TDX_PAGE + (PAGES - USED) * TDX_PENDING);
  });

  it('more pages per bundle spread the bundle header', () => {
    const t = runScenario(idleVm({ pagesPerBundle: 512 }));
    expect(t.rounds[0].bytesSent).toBeCloseTo(TOKEN + PAGES * (4120 + 60 / 512), 3);
  });

  it('the copy takes longer by the extra bytes on the same link', () => {
    const linkBytesPerMs = 1000 * 125;
    const extraMs = (tdx.rounds[0].bytesSent - plain.rounds[0].bytesSent) / linkBytesPerMs;
    const plainMs = plain.rounds[0].endMs - plain.rounds[0].startMs;
    expect(tdx.rounds[0].endMs - tdx.rounds[0].startMs).toBeCloseTo(plainMs + extraMs, 0);
  });
});

/** A busy guest, so pages are dirtied after their export and rounds follow each other. */
const busy = (strategy: ScenarioInput['strategy'], extra: ScenarioInput = {}): ScenarioInput => ({
  strategy,
  seed: 11,
  vm: { memoryMiB: 512, usedMiB: 512, confidential: { kind: 'tdx' } },
  workload: { pattern: 'uniform', writeRateMiBps: 60, wssMiB: 512 },
  network: { linkMbps: 1000 },
  ...extra,
});

function audited(input: ScenarioInput) {
  const run = new MigrationRun(input, { audit: true });
  const trace = run.runToEnd();
  return { run, trace, tdx: run.state.side!.tdx!, audit: run.state.audit! };
}

describe('epochs: a page is imported at most once per epoch', () => {
  for (const strategy of ['precopy', 'hybrid', 'postcopy', 'stopcopy'] as const)
    it(`${strategy}: the audit finds no page imported twice in one epoch, and every page current at the end`, () => {
      const { trace, tdx, audit } = audited(busy(strategy));
      expect(trace.summary.outcome).toBe('completed');
      expect(tdx.audit!.sameEpochImports).toBe(0);
      expect(audit.staleTouches).toBe(0);
      for (let p = 0; p < audit.version.length; p++)
        if (audit.destination[p] !== audit.version[p]) throw new Error(`page ${p} stale`);
      // One epoch token per round that sent pages, one for the blackout's pages, and the start token.
      const c = trace.variant!.confidential!;
      expect(c.startTokens).toBe(1);
      expect(c.tokenBytes).toBe((c.epochTokens + 1) * TOKEN);
    });

  it('a pre-copy run with several rounds opens one epoch per round', () => {
    const { trace } = audited(busy('precopy'));
    expect(trace.rounds.length).toBeGreaterThan(1);
    // Live rounds plus the blackout's epoch (it has dirty pages to re-send).
    expect(trace.variant!.confidential!.epochTokens).toBe(trace.rounds.length + 1);
  });
});

describe('at the pause: dirtied pages are re-sent, only never-sent pages are deferred', () => {
  // Hybrid switching in the middle of the first pass: part of memory has been exported, part not.
  const { run, trace, tdx } = audited(busy('hybrid', { hybrid: { switchAtMs: 2500 } }));
  const c = trace.variant!.confidential!;

  it('splits the pages: some resent in the blackout, some left to post-copy', () => {
    expect(c.resentAtPause).toBeGreaterThan(0);
    expect(c.deferredPages).toBeGreaterThan(0);
  });

  it('nothing that post-copy moved had been exported before', () => {
    expect(tdx.audit!.deferredAfterExport).toBe(0);
    const states = run.state.mem.states;
    let moved = 0;
    for (let p = 0; p < states.length; p++)
      if (states[p] === PageState.Pushed || states[p] === PageState.Fetched) {
        moved++;
        expect(tdx.exported.has(p)).toBe(false);
      }
    expect(moved).toBe(c.deferredPages);
  });

  it('the blackout carries every resent page in full, the start token and the device state', () => {
    const device = 256 * 1024;
    expect(trace.summary.downtimeBytes).toBe(c.resentAtPause * TDX_PAGE + 2 * TOKEN + device);
  });

  it('pure post-copy has nothing exported to re-send: its pause is an ordinary post-copy pause', () => {
    const tdxPost = runScenario(busy('postcopy'));
    const plainPost = runScenario({ ...busy('postcopy'), vm: { memoryMiB: 512, usedMiB: 512 } });
    expect(tdxPost.variant!.confidential!.resentAtPause).toBe(0);
    expect(tdxPost.summary.downtimeBytes).toBe(plainPost.summary.downtimeBytes + TOKEN);
    expect(tdxPost.summary.downtimeMs).toBeCloseTo(plainPost.summary.downtimeMs, 3);
  });

  it('an ordinary VM defers everything to post-copy instead', () => {
    const plain = runScenario({
      ...busy('hybrid', { hybrid: { switchAtMs: 2500 } }),
      vm: { memoryMiB: 512, usedMiB: 512 },
    });
    expect(plain.summary.downtimeBytes).toBe(256 * 1024);
    expect(trace.summary.downtimeBytes).toBeGreaterThan(plain.summary.downtimeBytes);
  });
});

describe('dirty tracking by write-blocking', () => {
  it('each write to a blocked page costs the host its fault time, shown as lost guest work', () => {
    const t = runScenario(busy('precopy'));
    const c = t.variant!.confidential!;
    expect(c.blockedWriteFaults).toBeGreaterThan(0);
    expect(c.faultVcpuMs).toBeCloseTo((c.blockedWriteFaults * 20) / 1000, 6);
    expect(c.faultLostMs).toBeCloseTo(c.faultVcpuMs / 4, 6);
    // A blocked page faults once, then stays writable until it is exported again: never more faults than
    // pages newly dirtied over the rounds and the final sync.
    const dirtied = t.rounds.reduce((n, r) => n + r.newlyDirtiedPages, 0) + c.resentAtPause;
    expect(c.blockedWriteFaults).toBeLessThanOrEqual(dirtied);
  });

  it('an idle guest never faults', () => {
    expect(runScenario(idleVm({})).variant!.confidential!.blockedWriteFaults).toBe(0);
  });
});

describe('the Migration TDs check the destination at the validate step', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['platform TCB', { tcbMatch: false }, /TCB/],
    ['TDX module version', { moduleMatch: false }, /TDX module cannot import/],
    ['migration policy', { policyMatch: false }, /policy/],
    ['MIGRATABLE attribute', { migratable: false }, /MIGRATABLE/],
    ['attestation timeout', { attestMs: 90_000 }, /60 s/],
  ];
  for (const [what, confidential, reason] of cases)
    it(`a ${what} mismatch refuses before anything is copied`, () => {
      const t = runScenario(idleVm(confidential, { host: { allocateMs: 40, validateMs: 10 } }));
      expect(t.summary.outcome).toBe('aborted');
      expect(t.summary.stopReason).toBe('refused');
      expect(t.summary.bytesTransferred).toBe(0);
      expect(t.summary.refusals.some((r) => reason.test(r))).toBe(true);
      const validate = t.lifecycle.find((s) => s.step === 'validate')!;
      expect(validate.status).toBe('refused');
      const attestMs = Math.min(60_000, (confidential.attestMs as number | undefined) ?? 1500);
      expect(validate.endMs).toBe(40 + 10 + attestMs);
    });

  it('a matching destination spends the attestation time inside the validate step', () => {
    const t = runScenario(idleVm({ attestMs: 2500 }, { host: { allocateMs: 40, validateMs: 10 } }));
    const validate = t.lifecycle.find((s) => s.step === 'validate')!;
    expect(validate.status).toBe('done');
    expect(validate.endMs - validate.startMs).toBe(2510);
    expect(validate.detail).toMatch(/attested/);
  });
});

describe('abort rules', () => {
  // A long acknowledgement, so the window between the start token and the commit is wide.
  const slowCommit = (confidential: boolean, atMs: number): ScenarioInput => ({
    ...idleVm(confidential ? {} : null, { host: { switchoverMs: 400 } }),
    faults: [{ kind: 'destination-crash', when: 'blackout', atMs }],
  });
  const blackoutMs = runScenario(slowCommit(true, 1e9)).summary.downtimeMs;

  it('before the start token the source aborts on its own and keeps running', () => {
    const t = runScenario(slowCommit(true, 0));
    expect(t.summary.outcome).toBe('aborted');
    expect(t.summary.vmLocation).toBe('source');
  });

  it('after the start token the source needs the destination: a crashed destination loses the TD', () => {
    const t = runScenario(slowCommit(true, blackoutMs - 100));
    expect(t.summary.outcome).toBe('failed');
    expect(t.summary.failure).toMatch(/abort token/);
  });

  it('an ordinary VM at the same moment simply resumes on the source', () => {
    const plainBlackout = runScenario(slowCommit(false, 1e9)).summary.downtimeMs;
    const t = runScenario(slowCommit(false, plainBlackout - 100));
    expect(t.summary.outcome).toBe('aborted');
    expect(t.summary.vmLocation).toBe('source');
  });
});

describe('what the host may not do for a TD', () => {
  it('XBZRLE, free-page hints and tracking since boot are not used even when asked for', () => {
    const asked: ScenarioInput = {
      variant: 'paravirtual',
      vm: { memoryMiB: 512, usedMiB: 256, freeMiB: 64, confidential: { kind: 'tdx' } },
      precopy: { xbzrle: true, freePageHinting: true, trackFromBoot: true },
      workload: { writeRateMiBps: 0 },
    };
    const t = runScenario(asked);
    expect(t.summary.xbzrle).toBeNull();
    // Every page once: nothing skipped as free, nothing skipped as never written.
    expect(t.summary.normalPages + t.summary.zeroPages).toBe(131_072);
  });
});

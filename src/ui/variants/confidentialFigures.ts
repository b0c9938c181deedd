import type { ConfidentialReport, Scenario, Trace } from '../../engine';
import { formatBytes, formatCount, formatMs } from '../format';
import { result, term, type Step } from '../metrics/explanation';

/** One line of working: what, with this run's values, and the result (the "why?" steps' shape). */
export type FigureLine = Step;

/** The same VM without confidentiality: the run the confidential one is measured against. */
export function withoutConfidentiality(s: Scenario): Scenario {
  return { ...s, vm: { ...s.vm, confidential: { ...s.vm.confidential, kind: 'none' } } };
}

/** The same VM moved by the hypervisor alone, as the reference for a paravirtual or self-migrating run. */
export function asManaged(s: Scenario): Scenario {
  return { ...s, variant: 'managed', precopy: { ...s.precopy, freePageHinting: false, stunRogue: false } };
}

/** What a run is compared with on the Variants view, and what that reference is called. */
export function referenceOf(s: Scenario): { scenario: Scenario; label: string } | null {
  if (s.vm.confidential.kind === 'tdx')
    return { scenario: withoutConfidentiality(s), label: 'Same VM, not confidential' };
  if (s.variant !== 'managed') return { scenario: asManaged(s), label: 'Same VM, managed' };
  return null;
}

/**
 * The bytes of a confidential run, part by part: pages sent with data, never-written pages (in full when
 * accepted, without payload when never accepted), epoch and start tokens, device state. The parts add up
 * to the run's total exactly (a test checks it over many scenarios).
 */
export function confidentialBytes(trace: Trace, c: ConfidentialReport): { lines: FigureLine[]; partsBytes: number } {
  const s = trace.summary;
  const pageBytes = s.normalPages * c.pageWireBytes;
  const zeroBytes = s.zeroPages * c.zeroPageWireBytes;
  const perBundle = c.pagesPerBundle === 1 ? `${c.bundleBytes} B` : `${c.bundleBytes} B ÷ ${c.pagesPerBundle}`;
  const lazy = c.zeroPageWireBytes < c.pageWireBytes;
  const parts: FigureLine[] = [
    term(
      'Pages with data, encrypted',
      `${formatCount(s.normalPages)} × ${formatCount(c.pageWireBytes)} B (${c.privatePageBytes} B page, MAC and GPA entry + ${perBundle} of bundle headers)`,
      formatBytes(pageBytes),
      pageBytes,
    ),
    term(
      lazy ? 'Never-accepted pages, no payload' : 'Zero pages, encrypted in full',
      lazy
        ? `${formatCount(s.zeroPages)} × ${formatCount(c.zeroPageWireBytes)} B (GPA entry and MAC only)`
        : `${formatCount(s.zeroPages)} × ${formatCount(c.zeroPageWireBytes)} B (the host cannot see they are zero)`,
      formatBytes(zeroBytes),
      zeroBytes,
    ),
    term('Epoch and start tokens', `${c.epochTokens + c.startTokens} × 48 B`, formatBytes(c.tokenBytes), c.tokenBytes),
    term('TD and vCPU state', 'sent during the pause', formatBytes(s.deviceBytes), s.deviceBytes),
  ];
  if (s.diskBytes > 0)
    parts.push(term('Local disk', 'copied ahead of memory, rewrites included', formatBytes(s.diskBytes), s.diskBytes));
  const partsBytes = parts.reduce((sum, p) => sum + (p.amount ?? 0), 0);
  const lines = [
    ...parts,
    result('Bytes transferred', 'sum of the above', formatBytes(s.bytesTransferred), s.bytesTransferred),
  ];
  return { lines, partsBytes };
}

/** What write-blocking cost the guest: faults, host time per fault, vCPU time, VM time. */
export function trackingCost(trace: Trace, c: ConfidentialReport): FigureLine[] {
  const vcpus = trace.scenario.vm.vcpus;
  return [
    {
      label: 'Writes that hit a write-blocked page',
      formula: 'first write to each page after its export',
      value: formatCount(c.blockedWriteFaults),
    },
    {
      label: 'Host time on the faulting vCPUs',
      formula: `${formatCount(c.blockedWriteFaults)} × ${c.blockedWriteFaultUs} µs`,
      value: formatMs(c.faultVcpuMs),
    },
    {
      label: 'Guest work lost to tracking',
      formula: `${formatMs(c.faultVcpuMs)} ÷ ${vcpus} vCPUs`,
      value: formatMs(c.faultLostMs),
    },
  ];
}

/** A difference with its sign, for "more" and "less" columns. */
export function signed(delta: number, format: (v: number) => string): string {
  if (delta === 0) return 'same';
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

import type { ConfidentialReport, Scenario, Trace } from '../../engine';
import { formatBytes, formatCount, formatMs } from '../format';

/** One line of working: what, with this run's values, and the result (the shape of the "why?" steps). */
export interface FigureLine {
  label: string;
  formula: string;
  value: string;
}

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
  const device = s.bytesTransferred - pageBytes - zeroBytes - c.tokenBytes;
  const perBundle = c.pagesPerBundle === 1 ? `${c.bundleBytes} B` : `${c.bundleBytes} B ÷ ${c.pagesPerBundle}`;
  const lazy = c.zeroPageWireBytes < c.pageWireBytes;
  const lines: FigureLine[] = [
    {
      label: 'Pages with data, encrypted',
      formula: `${formatCount(s.normalPages)} × ${formatCount(c.pageWireBytes)} B (${c.privatePageBytes} B page, MAC and GPA entry + ${perBundle} of bundle headers)`,
      value: formatBytes(pageBytes),
    },
    {
      label: lazy ? 'Never-accepted pages, no payload' : 'Zero pages, encrypted in full',
      formula: lazy
        ? `${formatCount(s.zeroPages)} × ${formatCount(c.zeroPageWireBytes)} B (GPA entry and MAC only)`
        : `${formatCount(s.zeroPages)} × ${formatCount(c.zeroPageWireBytes)} B (the host cannot see they are zero)`,
      value: formatBytes(zeroBytes),
    },
    {
      label: 'Epoch and start tokens',
      formula: `${c.epochTokens + c.startTokens} × 48 B`,
      value: formatBytes(c.tokenBytes),
    },
    {
      label: 'TD and vCPU state',
      formula: `${trace.scenario.vm.deviceStateKiB} KiB, sent during the pause`,
      value: formatBytes(Math.max(0, device)),
    },
    { label: 'Bytes transferred', formula: 'sum of the above', value: formatBytes(s.bytesTransferred) },
  ];
  return { lines, partsBytes: pageBytes + zeroBytes + c.tokenBytes + Math.max(0, device) };
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

import type { WireSizes } from '../network/wire';
import type { Scenario } from '../scenario/schema';
import { TARGET_PAGE_BYTES } from '../units';

/**
 * What an Intel TDX 1.5 migration puts on the wire, from the TDX module's structures (see
 * /work/shared/reference/confidential-and-fleet-facts.md, A.5): each private 4 KiB page travels as 4096 B
 * of ciphertext, its 8-byte GPA-list entry and a 16-byte MAC; each bundle adds its 48-byte metadata
 * (MBMD) and QEMU frames it with a 4-byte header and its 8-byte page-record header. A page the guest never
 * accepted goes as GPA entry and MAC only. Epoch tokens and the start token are MBMD-sized bundles.
 */
export const TDX_WIRE = {
  ciphertextBytes: TARGET_PAGE_BYTES,
  gpaEntryBytes: 8,
  macBytes: 16,
  mbmdBytes: 48,
  qemuBundleHeaderBytes: 4,
  qemuRecordHeaderBytes: 8,
  tokenBytes: 48,
} as const;

/** Bytes of one private 4 KiB page without its bundle's share: 4096 + 8 + 16 = 4120. */
export const TDX_PAGE_BYTES = TDX_WIRE.ciphertextBytes + TDX_WIRE.gpaEntryBytes + TDX_WIRE.macBytes;
/** Bytes of one never-accepted page: GPA entry and MAC, no payload. */
export const TDX_PENDING_PAGE_BYTES = TDX_WIRE.gpaEntryBytes + TDX_WIRE.macBytes;
/** Bytes each bundle adds: MBMD plus QEMU's two headers (60). */
export const TDX_BUNDLE_BYTES = TDX_WIRE.mbmdBytes + TDX_WIRE.qemuBundleHeaderBytes + TDX_WIRE.qemuRecordHeaderBytes;
/** Each Migration TD step (pre-session exchange, TLS, key transfer) gives up after 60 s (MigTD session.rs). */
export const MIGTD_TIMEOUT_MS = 60_000;

export const isConfidential = (s: Scenario): boolean => s.vm.confidential.kind === 'tdx';

/** Per tracked page (a huge page is a run of 4 KiB pages), with the bundle header spread over its pages. */
export function tdxWire(s: Scenario, pageBytes: number): WireSizes {
  const records = Math.max(1, pageBytes / TARGET_PAGE_BYTES);
  const bundleShare = TDX_BUNDLE_BYTES / s.vm.confidential.pagesPerBundle;
  const normalBytes = records * (TDX_PAGE_BYTES + bundleShare);
  // The host cannot look inside a page: an accepted zero page is encrypted and sent like any other. Only a
  // page the guest never accepted (on-first-use acceptance, never written) goes without a payload.
  const zeroBytes =
    s.vm.confidential.acceptance === 'on-first-use' ? records * (TDX_PENDING_PAGE_BYTES + bundleShare) : normalBytes;
  return { normalBytes, zeroBytes, zeroScanMs: 0 };
}

/** The validate step's length: the destination checks, then (TDX) the Migration TDs' attestation and key exchange. */
export function validateStepMs(s: Scenario): number {
  return s.host.validateMs + (isConfidential(s) ? Math.min(s.vm.confidential.attestMs, MIGTD_TIMEOUT_MS) : 0);
}

/** What the validate step adds for a confidential VM, as the end of its description. */
export function attestationNote(s: Scenario): string {
  if (!isConfidential(s)) return '';
  const seconds = (Math.min(s.vm.confidential.attestMs, MIGTD_TIMEOUT_MS) / 1000).toFixed(2);
  return `; the Migration TDs attested each other and exchanged the session key (${seconds} s)`;
}

/** Why the confidential VM cannot move to this destination, found at the validate step; empty when it can. */
export function confidentialProblems(s: Scenario): string[] {
  if (!isConfidential(s)) return [];
  const c = s.vm.confidential;
  const out: string[] = [];
  if (!c.migratable)
    out.push('the TD was built without the MIGRATABLE attribute, so its TDX module will not export it');
  if (s.variant === 'self')
    out.push('a TD cannot migrate itself: only the TDX modules can export and import its private pages');
  if (c.attestMs > MIGTD_TIMEOUT_MS)
    out.push('the Migration TDs did not finish attesting each other within their 60 s timeout');
  if (!c.moduleMatch)
    out.push(
      "the destination's TDX module cannot import this TD (migration needs module 1.5 or later and a common migration version)",
    );
  if (!c.tcbMatch)
    out.push(
      "the destination platform's TCB (TDX and SGX component versions, PCE SVN) does not meet the TD's migration policy",
    );
  if (!c.policyMatch)
    out.push("the destination Migration TD's identity does not match the migration policy bound to this TD");
  return out;
}

/** What the host can no longer do for a confidential VM, with the facts behind each. */
export const HOST_CANNOT = [
  {
    what: 'Zero-page detection',
    why: 'The host sees only ciphertext, so a page of zeros looks like any other: every accepted page is encrypted and sent in full.',
  },
  {
    what: 'Compression and XBZRLE',
    why: 'Both work on the page contents; ciphertext has nothing to squeeze and no old copy to diff against. QEMU skips them for private pages.',
  },
  {
    what: 'Free-page hints',
    why: 'The host cannot check guest memory against a hint, and every private page still has to be exported through the TDX module.',
  },
  {
    what: 'Cheap dirty logging',
    why: 'Writes are tracked by write-blocking each exported page: the first guest write to it faults to the host, which unblocks it and counts it dirty.',
  },
  {
    what: 'Deferring dirty pages to post-copy',
    why: 'At the pause every page dirtied since its export must be sent again; only pages never exported may follow after the destination starts.',
  },
] as const;

/** The abort rules of a TDX migration (A.8): who may still turn back, and when. */
export const ABORT_RULES = [
  'Before the start token the source may abort on its own: its TD goes back to running as if nothing happened.',
  'After the start token the source may resume only with an abort token from the destination, made when the destination gives up its import.',
  'Once the destination has committed and runs the TD, its import can no longer be aborted.',
] as const;

import * as z from 'zod';
import {
  isConfidential,
  TDX_BUNDLE_BYTES,
  TDX_PAGE_BYTES,
  TDX_PENDING_PAGE_BYTES,
  validateStepMs,
} from '../confidential/tdxFacts';
import type { MigrationState } from '../migration/state';
import type { Scenario } from '../scenario/schema';

const count = z.number().min(0);

/** A confidential run's own figures: what its wire sizes were and what its session did. */
const confidentialReport = z.object({
  kind: z.literal('tdx'),
  /** One tracked page as sent (private page plus its share of a bundle), and a page without payload, bytes. */
  pageWireBytes: count,
  /** What a never-written page cost: a full encrypted page (accepted at boot) or GPA entry and MAC (never accepted). */
  zeroPageWireBytes: count,
  /** The parts of one 4 KiB private page: 4120 B, of a page without payload: 24 B; per bundle: 60 B. */
  privatePageBytes: count,
  pendingPageBytes: count,
  bundleBytes: count,
  pagesPerBundle: count,
  /** Attestation and key exchange inside the validate step, ms; the whole validate step, ms. */
  attestMs: count,
  validateStepMs: count,
  epochTokens: count,
  startTokens: count,
  tokenBytes: count,
  blockedWriteFaults: count,
  blockedWriteFaultUs: count,
  faultVcpuMs: count,
  faultLostMs: count,
  exportedPages: count,
  resentAtPause: count,
  deferredPages: count,
});

const selfReport = z.object({
  copyCpuPct: count,
  footprintPages: count,
  heldPages: count,
});

export const variantReportSchema = z.object({
  variant: z.enum(['managed', 'paravirtual', 'self']),
  confidential: confidentialReport.nullable(),
  self: selfReport.nullable(),
});

/** What the trace records about who drove the migration and what confidentiality changed. */
export type VariantReport = z.infer<typeof variantReportSchema>;
export type ConfidentialReport = z.infer<typeof confidentialReport>;

/** The figures at the end of a run (`scenario` as written; the state's is the effective one). */
export function variantReport(scenario: Scenario, s: MigrationState): VariantReport {
  const tdx = s.side?.tdx ?? null;
  const c = scenario.vm.confidential;
  return {
    variant: scenario.variant,
    confidential:
      isConfidential(scenario) && tdx
        ? {
            kind: 'tdx',
            pageWireBytes: s.wire.normalBytes,
            zeroPageWireBytes: s.wire.zeroBytes,
            privatePageBytes: TDX_PAGE_BYTES,
            pendingPageBytes: TDX_PENDING_PAGE_BYTES,
            bundleBytes: TDX_BUNDLE_BYTES,
            pagesPerBundle: c.pagesPerBundle,
            attestMs: Math.min(c.attestMs, validateStepMs(scenario) - scenario.host.validateMs),
            validateStepMs: validateStepMs(scenario),
            epochTokens: tdx.epochTokens,
            startTokens: tdx.startTokens,
            tokenBytes: tdx.tokenBytes,
            blockedWriteFaults: tdx.blockedWriteFaults,
            blockedWriteFaultUs: c.blockedWriteFaultUs,
            faultVcpuMs: tdx.faultVcpuMs,
            faultLostMs: tdx.faultLostMs,
            exportedPages: tdx.exported.count,
            resentAtPause: tdx.resentAtPause,
            deferredPages: tdx.deferredPages,
          }
        : null,
    self:
      scenario.variant === 'self'
        ? {
            copyCpuPct: scenario.selfMigration.copyCpuPct,
            footprintPages: s.side?.footprintPages ?? 0,
            heldPages: s.side?.heldPages ?? 0,
          }
        : null,
  };
}

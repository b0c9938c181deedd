import type { Trace } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { useSpoilerGuard } from '../lessons/useCurrentStep';
import { formatBytes, formatCount, formatMs } from '../format';
import { ConfidentialPanels, TrustBoundary } from './ConfidentialPanels';
import { PairTable } from './PairTable';
import { useRunPair } from './useRunPair';
import { VariantsControls } from './VariantsControls';
import './variants.css';

/** What this view simplifies, said where it is shown. */
const SIMPLIFIED = [
  'Self-migration: the copy code’s CPU share is a flat slowdown of the guest while it copies; its own pages are counted dirty once, at the pause, and the snapshot into a shadow buffer takes no time of its own.',
  'TDX: attestation time and the host’s cost per blocked write are assumptions (no published figures); the start token’s 48 bytes take no time on the wire; one forward stream; post-copy of never-sent pages is allowed as the architecture allows it, though Intel’s newer QEMU patches forbid post-copy for confidential guests.',
  'TDX: shared (unencrypted) pages, private-to-shared conversions and AES-GCM time per page are not modelled.',
];

function SelfPanel({ trace }: { trace: Trace }) {
  const self = trace.variant?.self;
  if (!self) return null;
  const pageBytes = trace.scenario.vm.pageKiB * 1024;
  return (
    <section className="region" aria-label="Self-migration">
      <h2>A photo of yourself taking the photo</h2>
      <p>
        When the guest copies itself, the code doing the copying is part of what is being copied. Its buffers, its stack
        and its own bookkeeping change while it works, so the copy can never be quite finished while it runs. The way
        out: at the end the guest stops everything else, copies what is still dirty (its own pages among them) aside in
        one go, and sends that frozen picture. Whatever the copy code touched is always in that last batch.
      </p>
      <ul className="variants-cannot">
        <li>
          <strong>Benefit:</strong> it knows its free memory ({formatBytes(trace.scenario.vm.freeMiB * 1048576)} never
          sent) and its working set ({formatCount(self.heldPages)} pages held out of round 1, sent from round 2 on;
          round 2’s dirty set includes them).
        </li>
        <li>
          <strong>Cost:</strong> its copy code takes {self.copyCpuPct} % of the guest’s CPU while it copies, and{' '}
          {formatCount(self.footprintPages)} pages of its own ({formatBytes(self.footprintPages * pageBytes)}) go in the
          final copy. Guest work lost: {formatMs(trace.summary.vmLostSeconds * 1000)}.
        </li>
      </ul>
    </section>
  );
}

function Results() {
  const scenario = useWorkspace((s) => s.scenario);
  const pair = useRunPair(scenario);
  if (pair.status === 'working')
    return (
      <p className="variants-status" role="status">
        Running this scenario and its reference…
      </p>
    );
  if (pair.status === 'failed')
    return (
      <p className="variants-status" role="alert">
        The run failed: {pair.message}
      </p>
    );
  const c = pair.run.variant?.confidential ?? null;
  return (
    <>
      <section className="region" aria-label="Variant results">
        <h2>Result</h2>
        <PairTable run={pair.run} reference={pair.reference} referenceLabel={pair.referenceLabel} />
        {pair.run.summary.refusals.length > 0 && (
          <p className="variants-refused" role="status">
            Refused at the validate step: {pair.run.summary.refusals.join('; ')}.
          </p>
        )}
      </section>
      {c ? <ConfidentialPanels trace={pair.run} c={c} /> : <TrustBoundary confidential={false} />}
      <SelfPanel trace={pair.run} />
    </>
  );
}

/** The Variants view: who drives the migration, and what changes when the host cannot read the VM. */
export function VariantsScreen() {
  const guarded = useSpoilerGuard();
  return (
    <main className="variants" data-guarded={guarded || undefined}>
      <VariantsControls />
      <div className="variants-results">
        <Results />
        <section className="region" aria-label="Simplified here">
          <h2>
            <span className="variants-badge">Simplified</span> What this view leaves out
          </h2>
          <ul>
            {SIMPLIFIED.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}

import { ABORT_RULES, HOST_CANNOT, type ConfidentialReport, type Trace } from '../../engine';
import { formatBytes, formatCount, formatMs } from '../format';
import { StepsTable } from '../metrics/StepsTable';
import { confidentialBytes, trackingCost, type FigureLine } from './confidentialFigures';

const LINE_CLASSES = { table: 'variants-lines', formula: 'variants-lines__formula', value: 'variants-lines__value' };

const Lines = ({ lines, label }: { lines: FigureLine[]; label: string }) => (
  <StepsTable steps={lines} classes={LINE_CLASSES} label={label} />
);

/** What the host can no longer optimise, with what it cost in this run. */
function HostCannot({ trace, c }: { trace: Trace; c: ConfidentialReport }) {
  const s = trace.summary;
  const figure: Record<string, string> = {
    'Zero-page detection':
      c.zeroPageWireBytes < c.pageWireBytes
        ? `${formatCount(s.zeroPages)} never-accepted pages went as ${formatCount(c.zeroPageWireBytes)} B each; accepted pages go in full even when zero.`
        : `${formatCount(s.zeroPages)} zero pages went as ${formatCount(c.zeroPageWireBytes)} B each instead of 9-byte markers: ${formatBytes(s.zeroPages * (c.zeroPageWireBytes - 9))} more.`,
    'Compression and XBZRLE': trace.scenario.precopy.xbzrle ? 'Asked for in this scenario, and not used.' : 'Off.',
    'Free-page hints':
      trace.scenario.vm.freeMiB > 0
        ? `${formatBytes(trace.scenario.vm.freeMiB * 1048576)} the guest freed were sent anyway.`
        : 'The guest has freed nothing here.',
    'Cheap dirty logging': `${formatCount(c.blockedWriteFaults)} faults, ${formatMs(c.faultLostMs)} of guest work.`,
    'Deferring dirty pages to post-copy':
      trace.scenario.strategy === 'hybrid' || trace.scenario.strategy === 'postcopy'
        ? `${formatCount(c.resentAtPause)} dirtied pages re-sent in the pause; ${formatCount(c.deferredPages)} never-sent pages left to post-copy.`
        : `${formatCount(c.resentAtPause)} dirtied pages re-sent in the pause (pre-copy sends them there anyway).`,
  };
  return (
    <section className="region" aria-label="What the host can no longer optimise">
      <h2>What the host can no longer optimise</h2>
      <ul className="variants-cannot">
        {HOST_CANNOT.map((h) => (
          <li key={h.what}>
            <strong>{h.what}.</strong> {h.why} <em>This run: {figure[h.what]}</em>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Which parts see the guest's memory in plaintext, and which see only ciphertext. */
export function TrustBoundary({ confidential }: { confidential: boolean }) {
  const parts = confidential
    ? [
        { name: 'Guest (the TD)', sees: 'plaintext', inside: true },
        { name: 'TDX module, source', sees: 'plaintext: encrypts each page', inside: true },
        { name: 'Migration TDs', sees: 'the session key, no pages', inside: true },
        { name: 'Host: QEMU and KVM', sees: 'ciphertext and GPAs only', inside: false },
        { name: 'Network', sees: 'ciphertext', inside: false },
        { name: 'TDX module, destination', sees: 'plaintext: decrypts and checks MACs', inside: true },
      ]
    : [
        { name: 'Guest', sees: 'plaintext', inside: true },
        { name: 'Host: QEMU and KVM', sees: 'plaintext: reads every page', inside: true },
        { name: 'Network', sees: 'plaintext, unless the stream is encrypted', inside: true },
      ];
  return (
    <section className="region" aria-label="Trust boundary">
      <h2>Trust boundary</h2>
      <ol className="variants-trust">
        {parts.map((p) => (
          <li key={p.name} className={p.inside ? 'is-inside' : 'is-outside'}>
            <strong>{p.name}</strong>
            <span>{p.sees}</span>
          </li>
        ))}
      </ol>
      <p className="variants-note">
        {confidential
          ? 'Inside the boundary (solid): the TD, the TDX modules and the Migration TDs. The host moves bundles it cannot read, cannot replay or reorder, and cannot leave dirty pages behind.'
          : 'Without confidentiality the host is trusted: it reads every page, which is what lets it skip zero pages, compress and use hints.'}
      </p>
    </section>
  );
}

function AbortRules({ trace }: { trace: Trace }) {
  const s = trace.summary;
  return (
    <section className="region" aria-label="Abort rules">
      <h2>Abort rules</h2>
      <ol>
        {ABORT_RULES.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ol>
      <p className="variants-note">
        This run:{' '}
        {s.outcome === 'completed'
          ? 'committed on the destination.'
          : s.outcome === 'failed'
            ? `lost: ${s.failure ?? ''}`
            : `aborted, the TD runs on the source${s.failure ? `: ${s.failure}` : ''}.`}{' '}
        Inject a destination crash on the Lab’s “Whole migration” tab to try the rules.
      </p>
    </section>
  );
}

/** Everything the Variants view shows about a confidential run. */
export function ConfidentialPanels({ trace, c }: { trace: Trace; c: ConfidentialReport }) {
  const bytes = confidentialBytes(trace, c);
  return (
    <>
      <HostCannot trace={trace} c={c} />
      <section className="region" aria-label="Bytes, part by part">
        <h2>Bytes, part by part</h2>
        <Lines lines={bytes.lines} label="Bytes of this run" />
      </section>
      <section className="region" aria-label="Tracking overhead">
        <h2>Dirty tracking by write-blocking</h2>
        <Lines lines={trackingCost(trace, c)} label="Tracking overhead" />
        <p className="variants-note">
          Before the first page moved, the Migration TDs spent {formatMs(c.attestMs)} attesting each other and
          exchanging the key, inside the validate step ({formatMs(c.validateStepMs)} in all). {c.epochTokens} epochs
          opened; a page moves at most once in each.
        </p>
      </section>
      <TrustBoundary confidential />
      <AbortRules trace={trace} />
    </>
  );
}

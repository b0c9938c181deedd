import type { Trace } from '../../engine';
import { formatBytes, formatMs } from '../format';
import { signed } from './confidentialFigures';

interface Row {
  label: string;
  of: (t: Trace) => number;
  format: (v: number) => string;
}

const outcome = (t: Trace) =>
  t.summary.outcome === 'completed'
    ? 'moved'
    : t.summary.stopReason === 'refused'
      ? 'refused'
      : t.summary.outcome === 'failed'
        ? 'lost'
        : 'stayed on the source';

const ROWS: Row[] = [
  { label: 'Bytes sent', of: (t) => t.summary.bytesTransferred, format: formatBytes },
  { label: 'Total time', of: (t) => t.summary.totalTimeMs, format: formatMs },
  { label: 'Downtime', of: (t) => t.summary.downtimeMs, format: formatMs },
  { label: 'Guest work lost', of: (t) => t.summary.vmLostSeconds * 1000, format: formatMs },
  { label: 'Pre-copy rounds', of: (t) => t.summary.iterations, format: (v) => String(v) },
];

/** This run beside its reference (same VM without confidentiality, or managed), with the differences. */
export function PairTable({
  run,
  reference,
  referenceLabel,
}: {
  run: Trace;
  reference: Trace | null;
  referenceLabel: string | null;
}) {
  return (
    <table className="variants-table">
      <caption>
        {reference ? `This run against: ${referenceLabel}` : 'This run (managed: nothing to compare with)'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">This run</th>
          {reference && <th scope="col">{referenceLabel}</th>}
          {reference && <th scope="col">Difference</th>}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Outcome</th>
          <td>{outcome(run)}</td>
          {reference && <td>{outcome(reference)}</td>}
          {reference && <td />}
        </tr>
        {ROWS.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.format(r.of(run))}</td>
            {reference && <td>{r.format(r.of(reference))}</td>}
            {reference && <td>{signed(r.of(run) - r.of(reference), r.format)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { Run } from '../../state/runs';
import { formatBytes, formatCount, formatMs } from '../format';
import { stopReasonText, summaryFailure } from '../text/outcomeText';

const WHERE: Record<'source' | 'destination' | 'lost', string> = {
  source: 'on the source',
  destination: 'on the destination',
  lost: 'lost',
};

/** The few figures a room can read from the back: downtime, time, bytes, rounds, and faults or failure. */
export function PresentFigures({ run }: { run: Run | null }) {
  const trace = run?.trace;
  if (!trace) return <p className="present-figures__waiting">Waiting for the engine…</p>;
  const s = trace.summary;
  const limit = trace.scenario.precopy.downtimeLimitMs;
  const postcopy = s.strategy === 'postcopy' || s.strategy === 'hybrid';
  const figures: { label: string; value: string; detail?: string; words?: boolean }[] = [
    {
      label: 'Downtime',
      value: formatMs(s.downtimeMs),
      detail: postcopy ? undefined : `limit ${formatMs(limit)}`,
    },
    { label: 'Total time', value: formatMs(s.totalTimeMs) },
    { label: 'Data sent', value: formatBytes(s.bytesTransferred), detail: `${s.memoryMultiple.toFixed(2)}× memory` },
  ];
  if (postcopy)
    figures.push({
      label: 'Post-copy faults',
      value: formatCount(s.postcopyFaults),
      detail: `vCPUs waited ${formatMs(s.faultStallMs)}`,
    });
  else figures.push({ label: 'Rounds', value: String(s.iterations), detail: stopReasonText(s, trace.scenario) });
  if (s.outcome !== 'completed')
    figures.push({
      label: 'Outcome',
      value: `${s.outcome}: VM ${WHERE[s.vmLocation]}`,
      detail: summaryFailure(s, trace.scenario) || undefined,
      words: true,
    });
  return (
    <dl className="present-figures">
      {figures.map((f) => (
        <div key={f.label} className="present-figures__item">
          <dt>{f.label}</dt>
          <dd>
            <span className={f.words ? 'present-figures__words' : 'present-figures__value'}>{f.value}</span>
            {f.detail && <span className="present-figures__detail">{f.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

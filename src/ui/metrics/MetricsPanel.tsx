import type { Trace } from '../../engine';
import type { Run, Staleness } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { MetricsExport } from '../export/viewExports';
import { StaleLabel } from '../StaleLabel';
import { formatBytes, formatMs, formatPct } from '../format';
import { diagnose } from './diagnosis';
import { DowntimeGauge } from './DowntimeGauge';
import { ExplainPanel } from './ExplainPanel';
import { stopReasonText } from './explain';
import { MetricCard } from './MetricCard';
import { RoundsTable } from './RoundsTable';
import './metrics.css';

const bytesLine = (t: Trace) => `${formatBytes(t.summary.bytesTransferred)}`;
const multipleLine = (t: Trace) => `${t.summary.memoryMultiple.toFixed(2)}× memory`;
const roundsLine = (t: Trace) => String(t.summary.iterations);

/** The four competing goals, the stop reason and a one-line diagnosis, each with its working. */
export function MetricsPanel({
  run,
  baseline,
  stale,
}: {
  run: Run | null;
  baseline: Run | null;
  stale: Staleness | null;
}) {
  const setExplain = useWorkspace((s) => s.setExplain);
  const held = useWorkspace((s) => s.baselineHeld);
  const trace = run?.trace;
  const ghost = baseline?.trace ?? null;
  const beforeLabel = held ? 'baseline' : 'before';
  if (!trace)
    return (
      <section className="region region--metrics" aria-label="Metrics">
        <h2>Metrics</h2>
        <p className="muted">Waiting for the engine…</p>
      </section>
    );
  const s = trace.summary;
  const limit = trace.scenario.precopy.downtimeLimitMs;
  const diagnosis = diagnose(trace);
  return (
    <section className="region region--metrics" aria-label="Metrics">
      <div className="metrics__head">
        <h2>Metrics</h2>
        <MetricsExport trace={trace} />
      </div>
      <StaleLabel stale={stale} />
      <p className={`diagnosis diagnosis--${diagnosis.kind}`} aria-label="Diagnosis">
        {diagnosis.text}
      </p>
      <div className="metrics-grid">
        <MetricCard
          wide
          label="Downtime"
          metric="downtime"
          value={formatMs(s.downtimeMs)}
          detail={`limit ${formatMs(limit)}${s.downtimeMs > 750 ? ' · over the 750 ms TCP mark' : ''}`}
          beforeLabel={beforeLabel}
          before={ghost ? formatMs(ghost.summary.downtimeMs) : undefined}
        >
          <DowntimeGauge downtimeMs={s.downtimeMs} limitMs={limit} ghostMs={ghost?.summary.downtimeMs} />
        </MetricCard>
        <MetricCard
          label="Total migration time"
          metric="totalTime"
          value={formatMs(s.totalTimeMs)}
          beforeLabel={beforeLabel}
          before={ghost ? formatMs(ghost.summary.totalTimeMs) : undefined}
        />
        <MetricCard
          label="Bytes transferred"
          metric="bytes"
          value={bytesLine(trace)}
          detail={multipleLine(trace)}
          beforeLabel={beforeLabel}
          before={ghost ? `${bytesLine(ghost)} (${multipleLine(ghost)})` : undefined}
        />
        <MetricCard
          label="Rounds"
          metric="rounds"
          value={roundsLine(trace)}
          detail={
            s.outcome !== 'completed'
              ? s.outcome === 'aborted'
                ? 'migration aborted'
                : 'VM lost'
              : s.converged
                ? 'converged'
                : s.iterations > 0
                  ? 'did not converge'
                  : undefined
          }
          beforeLabel={beforeLabel}
          before={ghost ? roundsLine(ghost) : undefined}
        />
        <MetricCard
          label="Impact on other services"
          metric="impact"
          value={`${formatPct(s.linkSharePct)} link`}
          detail={`${s.othersStarvedPct > 0 ? `neighbours starved ${formatPct(s.othersStarvedPct)} · ` : ''}guest lost ${formatMs(s.vmLostSeconds * 1000)} of work`}
        />
        <MetricCard
          wide
          label="Stop reason"
          metric="stopReason"
          value={s.stopReason}
          detail={stopReasonText(s.stopReason)}
        />
      </div>
      <RoundsTable trace={trace} />
      <button type="button" className="link-button" onClick={() => setExplain({ kind: 'metric', metric: 'threshold' })}>
        How is the stop threshold computed?
      </button>
      <ExplainPanel trace={trace} />
    </section>
  );
}

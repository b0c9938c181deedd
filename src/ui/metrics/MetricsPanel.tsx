import type { Trace } from '../../engine';
import { runEndMs } from '../../engine';
import type { Run, Staleness } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { MetricsExport } from '../export/viewExports';
import { StaleLabel } from '../StaleLabel';
import { formatBytes, formatMs, formatPct } from '../format';
import { diagnose } from './diagnosis';
import { DowntimeGauge } from './DowntimeGauge';
import { ExplainPanel } from './ExplainPanel';
import { STOP_REASON_LABELS, stopReasonText } from '../text/outcomeText';
import { MetricCard } from './MetricCard';
import { RoundsTable } from './RoundsTable';
import './metrics.css';

const bytesLine = (t: Trace) => `${formatBytes(t.summary.bytesTransferred)}`;
const multipleLine = (t: Trace) => `${t.summary.memoryMultiple.toFixed(2)}× memory`;
const roundsLine = (t: Trace) => String(t.summary.iterations);

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The rounds card's sub-line: how pre-copy ended, in words that fit what happened. */
function roundsDetail(t: Trace): string | undefined {
  const s = t.summary;
  const skipped = s.fastForward ? ` · rounds ${s.fastForward.firstRound}–${s.fastForward.lastRound} computed` : '';
  if (s.outcome === 'failed') return 'VM lost';
  if (s.outcome === 'aborted') return `migration aborted${skipped}`;
  if (s.stopReason === 'never-converges') return 'never converges';
  if (s.outcome === 'unfinished') return 'still going when the simulation stopped';
  if (s.stopReason === 'postcopy-switch') return 'planned switch to post-copy';
  if (s.converged) return 'converged';
  if (s.stopReason === 'max-iterations') return `round cap reached: forced stop-and-copy${skipped}`;
  return s.iterations > 0 ? `did not converge${skipped}` : undefined;
}

/** The downtime card: a lost VM has no end to its downtime, an unfinished or abandoned run none at all. */
function downtimeShown(t: Trace): { value: string; detail?: string } {
  const s = t.summary;
  if (s.outcome === 'failed') {
    const lostAt = t.events.find((e) => e.kind === 'vm-lost')?.tMs ?? runEndMs(s);
    return { value: 'VM lost', detail: `at ${formatMs(lostAt)}; it never ran again` };
  }
  if (s.pausedAtMs === null && s.outcome === 'unfinished')
    return { value: 'none yet', detail: 'still in pre-copy when the simulation stopped' };
  if (s.pausedAtMs === null && s.outcome === 'aborted') return { value: '0 ms', detail: 'the VM never paused' };
  return { value: formatMs(s.downtimeMs) };
}

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
  const downtime = downtimeShown(trace);
  return (
    <section className="region region--metrics" aria-label="Metrics">
      <div className="metrics__head">
        <h2>Metrics</h2>
        <MetricsExport trace={trace} />
      </div>
      <StaleLabel stale={stale} />
      <p className={`diagnosis diagnosis--${diagnosis.kind}`} aria-label="Diagnosis">
        {diagnosis.text}{' '}
        {diagnosis.figures.length > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => setExplain({ kind: 'metric', metric: 'diagnosis' })}
          >
            Which figures decided it?
          </button>
        )}
      </p>
      <div className="metrics-grid">
        <MetricCard
          wide
          label="Downtime"
          metric="downtime"
          value={downtime.value}
          detail={
            downtime.detail ?? `limit ${formatMs(limit)}${s.downtimeMs > 750 ? ' · over the 750 ms TCP mark' : ''}`
          }
          beforeLabel={beforeLabel}
          before={ghost ? downtimeShown(ghost).value : undefined}
        >
          {s.outcome !== 'failed' && (
            <DowntimeGauge downtimeMs={s.downtimeMs} limitMs={limit} ghostMs={ghost?.summary.downtimeMs} />
          )}
        </MetricCard>
        <MetricCard
          label="Total migration time"
          metric="totalTime"
          value={formatMs(s.totalTimeMs)}
          detail={s.migrateStartMs > 0 ? 'from the migrate command, as QEMU counts it' : undefined}
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
          detail={roundsDetail(trace)}
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
          value={STOP_REASON_LABELS[s.stopReason]}
          detail={upper(stopReasonText(s, trace.scenario))}
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

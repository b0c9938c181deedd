import type { Trace } from '../../engine';
import { MetricsExport } from '../export/viewExports';
import { formatBytes, formatCount, formatMs, formatPct } from '../format';

function outcomeText(trace: Trace): string {
  const s = trace.summary;
  if (s.outcome === 'completed')
    return s.postcopyBytes > 0 || s.strategy === 'hybrid'
      ? 'completed in post-copy'
      : s.converged
        ? 'completed: pre-copy converged'
        : 'completed';
  return s.outcome === 'aborted' ? `did not finish: ${s.failure ?? 'stopped'}` : `failed: ${s.failure ?? ''}`;
}

function Figure({ label, value, detail, wide }: { label: string; value: string; detail?: string; wide?: boolean }) {
  return (
    <div role="group" aria-label={label} className={`metric${wide ? ' metric--wide' : ''}`}>
      <div className="metric__label">{label}</div>
      <div className="metric__value">{value}</div>
      {detail && <div className="metric__detail">{detail}</div>}
    </div>
  );
}

/** A real migration's figures as QEMU reported them: no explanations, since nothing here was simulated. */
export function RecordMetrics({ trace, tag }: { trace: Trace; tag: string }) {
  const s = trace.summary;
  const pageBytes = trace.scenario.vm.pageKiB * 1024;
  const postcopy = s.postcopyBytes > 0 || s.postcopyFaults > 0;
  return (
    <section className="region record-metrics" aria-label="Metrics">
      <div className="metrics__head">
        <h2>Metrics from the record</h2>
        <MetricsExport trace={trace} tag={tag} />
      </div>
      <p className="record-metrics__outcome">{outcomeText(trace)}</p>
      <div className="metrics-grid">
        <Figure
          wide
          label="Downtime"
          value={formatMs(s.downtimeMs)}
          detail={`QEMU's downtime · limit ${formatMs(trace.scenario.precopy.downtimeLimitMs)} · expected ${formatMs(s.expectedDowntimeMs)} at the end`}
        />
        <Figure label="Total migration time" value={formatMs(s.totalTimeMs)} detail="from the migrate command" />
        <Figure label="Setup" value={formatMs(s.setupTimeMs)} detail="QEMU's setup-time" />
        <Figure
          label="Bytes transferred"
          value={formatBytes(s.bytesTransferred)}
          detail={`${s.memoryMultiple.toFixed(2)}× the guest's ${formatBytes(s.memoryBytes)}`}
        />
        <Figure label="Rounds" value={String(s.iterations)} detail={`dirty-sync-count ${s.dirtySyncCount}`} />
        <Figure
          label="Zero pages"
          value={formatCount(s.zeroPages)}
          detail={`${formatCount(s.normalPages)} normal pages`}
        />
        <Figure label="Highest throttle" value={formatPct(s.maxThrottlePct)} detail="auto-converge" />
        {postcopy && (
          <Figure
            wide
            label="Post-copy"
            value={`${formatCount(s.postcopyFaults)} requests`}
            detail={`${formatBytes(s.postcopyBytes)} sent after the switch, over ${formatMs(s.dependencyWindowMs)}`}
          />
        )}
        {s.xbzrle && (
          <Figure
            wide
            label="XBZRLE"
            value={`${formatCount(s.xbzrle.pages)} pages encoded`}
            detail={`${formatBytes(s.xbzrle.bytes)}, ${formatCount(s.xbzrle.cacheMisses)} cache misses, ${formatCount(s.xbzrle.overflows)} overflows`}
          />
        )}
      </div>
      {trace.rounds.length > 0 && (
        <div className="rounds-table" tabIndex={0} role="region" aria-label="Rounds of the record">
          <table>
            <caption>Rounds, one per dirty-bitmap sync</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">time</th>
                <th scope="col">sent</th>
                <th scope="col">dirty left</th>
              </tr>
            </thead>
            <tbody>
              {trace.rounds.map((r) => (
                <tr key={r.index}>
                  <td>{r.index}</td>
                  <td>{formatMs(r.endMs - r.startMs)}</td>
                  <td>{formatBytes(r.bytesSent)}</td>
                  <td>{formatBytes(r.dirtyPagesAtEnd * pageBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

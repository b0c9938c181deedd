import type { Trace } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { formatBytes, formatMs } from '../format';
import { count } from '../text/plural';

/** Every pre-copy round as a row; each row opens the explanation of that round. */
export function RoundsTable({ trace }: { trace: Trace }) {
  const setExplain = useWorkspace((s) => s.setExplain);
  if (trace.rounds.length === 0) return null;
  const pageBytes = trace.scenario.vm.pageKiB * 1024;
  const forward = trace.summary.fastForward;
  return (
    <div className="rounds-table">
      <table>
        <caption>Pre-copy rounds</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">time</th>
            <th scope="col">sent</th>
            <th
              scope="col"
              title="Pages the sync at the end of the round marked for sending: the next round's work, or the blackout's"
            >
              to send next
            </th>
          </tr>
        </thead>
        <tbody>
          {trace.rounds.map((r) => (
            <tr key={r.index} className={r.end === 'fast-forward' ? 'is-computed' : undefined}>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Explain round ${r.index}`}
                  onClick={() => setExplain({ kind: 'round', index: r.index })}
                >
                  {r.index}
                </button>
              </td>
              <td>{formatMs(r.endMs - r.startMs)}</td>
              <td>{formatBytes(r.bytesSent)}</td>
              <td title={count(r.dirtyPagesAtEnd, 'page')}>{formatBytes(r.dirtyPagesAtEnd * pageBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rounds-table__note">
        “To send next” counts every page marked at the sync, rewritten-before-sent ones included; the timeline’s dirty
        set counts only pages whose newest contents the destination lacks, so it can be lower.
        {forward &&
          ` Rounds ${forward.firstRound}–${forward.lastRound} (in grey) were computed from the steady state, not simulated page by page.`}
      </p>
    </div>
  );
}

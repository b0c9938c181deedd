import type { Trace } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { formatBytes, formatCount, formatMs } from '../format';

/** Every pre-copy round as a row; each row opens the explanation of that round. */
export function RoundsTable({ trace }: { trace: Trace }) {
  const setExplain = useWorkspace((s) => s.setExplain);
  if (trace.rounds.length === 0) return null;
  const pageBytes = trace.scenario.vm.pageKiB * 1024;
  return (
    <div className="rounds-table">
      <table>
        <caption>Pre-copy rounds</caption>
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
              <td title={`${formatCount(r.dirtyPagesAtEnd)} pages`}>{formatBytes(r.dirtyPagesAtEnd * pageBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

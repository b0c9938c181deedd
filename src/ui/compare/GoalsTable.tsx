import { GOALS, bestIndices, runLetter } from './goals';
import type { Compared } from './useCompared';

const STATUS_TEXT = { queued: 'waiting…', running: 'running…', failed: 'failed', cancelled: 'cancelled' } as const;

/** The four goals per run, as the lab writes them; the best of each goal marked with a star and a word. */
export function GoalsTable({ compared }: { compared: readonly Compared[] }) {
  const summaries = compared.map((c) => c.run.trace?.summary);
  const best = bestIndices(summaries);
  const ready = summaries.filter((s) => s?.outcome === 'completed').length;
  return (
    <table className="goals">
      <caption>The four goals, lower is better{ready > 1 ? '; ★ best of the runs compared' : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          {GOALS.map((g) => (
            <th key={g.key} scope="col">
              {g.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {compared.map(({ label, run }, i) => {
          const s = run.trace?.summary;
          return (
            <tr key={run.id}>
              <th scope="row">
                <span className="run-letter" aria-hidden="true">
                  {runLetter(i)}
                </span>{' '}
                {label}
                {s && s.outcome !== 'completed' && (
                  <span className="goals__outcome"> ({s.outcome === 'aborted' ? 'aborted' : 'VM lost'})</span>
                )}
              </th>
              {GOALS.map((g) => {
                if (!s)
                  return (
                    <td key={g.key} className="goals__pending">
                      {run.status === 'done' ? '–' : STATUS_TEXT[run.status]}
                    </td>
                  );
                const isBest = ready > 1 && best[g.key].has(i);
                return (
                  <td key={g.key} className={isBest ? 'is-best' : undefined} data-goal={g.key}>
                    <span className="goals__value">{g.text(s)}</span>
                    {isBest && <span className="goals__best"> ★ best</span>}
                    {g.detail && <span className="goals__detail">{g.detail(s)}</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { runEndMs } from '../../engine';
import type { ReactNode } from 'react';
import { comparedRuns, setComparison } from '../../state/comparison';
import { longestCompared } from '../../state/playheadTrace';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { PlaybackBar } from '../playback/PlaybackBar';
import { CLASSIC_COMPARISONS } from './classic';
import { GoalsTable } from './GoalsTable';
import { RunLane } from './RunLane';
import { TradeOffChart } from './TradeOffChart';
import { useShallowCompared } from './useCompared';
import './compare.css';

/** One click builds a classic comparison from the lab's scenario, replacing the runs on screen. */
function ClassicButtons() {
  const { store } = useWorkspaceContext();
  return (
    <div className="compare__classics" role="group" aria-label="Classic comparisons of the lab's scenario">
      {CLASSIC_COMPARISONS.map((c) => (
        <button
          key={c.key}
          type="button"
          title={c.hint}
          onClick={() => setComparison(store, c.build(store.getState().scenario))}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The Compare view: two to four runs on one time scale with one playhead, their heatmaps at it, the
 * four goals side by side with the best of each marked, and the trade-off between them. `exportMenu`
 * is the place for an export of what the view holds (see comparisonRows).
 */
export function CompareScreen({ exportMenu }: { exportMenu?: ReactNode }) {
  const compared = useShallowCompared();
  const longest = useWorkspace(longestCompared);
  const longestRun = useWorkspace((s) => comparedRuns(s).find((c) => c.run.trace === longest)?.run ?? null);
  const domain = longest ? ([0, Math.max(1, runEndMs(longest.summary))] as const) : undefined;
  return (
    <main className="compare-screen">
      <section className="compare" aria-label="Comparison">
        <div className="compare__head">
          <h2>Comparison</h2>
          <ClassicButtons />
          <div className="compare__tools">{exportMenu}</div>
        </div>
        {compared.length === 0 ? (
          <p className="compare__empty">
            No runs yet. Press <strong>Add to comparison</strong> in the lab to add its scenario, or build a classic
            comparison of the lab&apos;s scenario above.
          </p>
        ) : (
          <>
            {compared.length === 1 && (
              <p className="compare__hint">Add another run (up to four) to compare: one run wins nothing.</p>
            )}
            <div className="compare__summary">
              <GoalsTable compared={compared} />
              <TradeOffChart compared={compared} />
            </div>
            <section className="compare__lanes" aria-label="Runs on one time scale">
              {compared.map(({ label, run }, i) => (
                <RunLane key={run.id} index={i} label={label} run={run} domain={domain} />
              ))}
            </section>
            <div className="compare__playback">
              <PlaybackBar run={longestRun} />
            </div>
          </>
        )}
      </section>
    </main>
  );
}

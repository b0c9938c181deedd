import { useState } from 'react';
import { addToComparison, MAX_COMPARED } from '../../state/comparison';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { labelFor } from './classic';
import { runLetter } from './goals';

/** The lab's "Add to comparison": the scenario on screen joins the comparison (with its result when it is on screen). */
export function AddToComparisonButton() {
  const { store } = useWorkspaceContext();
  const count = useWorkspace((s) => s.comparison.entries.length);
  const editing = useWorkspace((s) => s.comparison.editing !== null);
  const [added, setAdded] = useState<string | null>(null);
  if (editing) return null;
  const add = () => {
    const s = store.getState();
    const lab = s.labRunId !== null ? s.runs[s.labRunId] : undefined;
    const trace = lab?.status === 'done' && lab.scenario === s.scenario ? lab.trace : null;
    const taken = s.comparison.entries.map((e) => e.label);
    const label = labelFor(s.scenario, taken);
    if (addToComparison(store, { label, scenario: s.scenario }, trace))
      setAdded(`Added as run ${runLetter(taken.length)}, “${label}”`);
  };
  return (
    <span className="add-to-comparison">
      <button
        type="button"
        aria-label="Add to comparison"
        title={`Put this scenario beside others in the Compare view (up to ${MAX_COMPARED})`}
        onClick={add}
      >
        Add to comparison{count > 0 ? ` (${count})` : ''}
      </button>
      <span role="status" className="add-to-comparison__note">
        {added}
      </span>
    </span>
  );
}

import { finishEditing } from '../../state/comparison';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';

/** In the lab while a compared run is being edited: how to take the change back to the comparison. */
export function EditingBar() {
  const { store } = useWorkspaceContext();
  const label = useWorkspace((s) => s.comparison.entries.find((e) => e.runId === s.comparison.editing)?.label ?? null);
  if (label === null) return null;
  return (
    <div className="editing-bar" role="region" aria-label="Editing a compared run">
      <span>
        Editing <strong>{label}</strong> from the comparison: change it here, then
      </span>
      <button type="button" className="editing-bar__done" onClick={() => finishEditing(store, true)}>
        Done: back to the comparison
      </button>
      <button type="button" onClick={() => finishEditing(store, false)}>
        Discard changes
      </button>
    </div>
  );
}

import { APP_VIEWS } from '../state/appViews';
import * as t from '../state/transitions';
import { useWorkspace, useWorkspaceContext } from '../state/WorkspaceContext';

/** The header's list of top-level views; hidden while the lab is the only one. */
export function ViewNav() {
  const { store } = useWorkspaceContext();
  const view = useWorkspace((s) => s.view);
  if (APP_VIEWS.length < 2) return null;
  return (
    <nav aria-label="Views" className="view-nav">
      {APP_VIEWS.map((v) => (
        <button
          key={v.key}
          type="button"
          title={v.hint}
          aria-current={view === v.key ? 'page' : undefined}
          className={view === v.key ? 'is-active' : ''}
          onClick={() => store.getState().apply(t.openView(v.key))}
        >
          {v.label}
        </button>
      ))}
    </nav>
  );
}

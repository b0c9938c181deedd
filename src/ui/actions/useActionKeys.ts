import { useEffect } from 'react';
import { dispatch } from '../../state/actions';
import { actionForKeyIn } from '../../state/keyModes';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { actionEnv, keyBelongsToTarget } from './keys';

/**
 * The registered actions of the current mode (lab, presentation, embed) from the keyboard anywhere on the
 * page, except for keys a focused control uses.
 */
export function useActionKeys(): void {
  const { store } = useWorkspaceContext();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || keyBelongsToTarget(e.target, e.key)) return;
      const action = actionForKeyIn(e.key, store.getState());
      if (action && dispatch(store, action, actionEnv())) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

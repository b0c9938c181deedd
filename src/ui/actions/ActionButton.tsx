import type { ReactNode } from 'react';
import { actionById, dispatch, isEnabled } from '../../state/actions';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { actionEnv, keysText } from './keys';

/**
 * A button for a registered action: the action's label is its accessible name and its keys are in the
 * tooltip; disabled when the action does not apply.
 */
export function ActionButton(props: {
  action: string;
  children?: ReactNode;
  className?: string;
  /** The button's own state, for toggles such as the shortcut sheet. */
  expanded?: boolean;
  /** A switch's state (presentation mode's pacing and lock). */
  pressed?: boolean;
}) {
  const { store } = useWorkspaceContext();
  const action = actionById(props.action);
  const enabled = useWorkspace((s) => isEnabled(action, s));
  const keys = action.keys?.length ? ` (${keysText(action.keys)})` : '';
  return (
    <button
      type="button"
      className={props.className}
      disabled={!enabled}
      aria-label={action.label}
      aria-expanded={props.expanded}
      aria-pressed={props.pressed}
      title={`${action.label}${keys}`}
      onClick={() => dispatch(store, action, actionEnv())}
    >
      {props.children ?? action.label}
    </button>
  );
}

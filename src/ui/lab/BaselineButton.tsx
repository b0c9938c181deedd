import { useWorkspace } from '../../state/WorkspaceContext';
import { ActionButton } from '../actions/ActionButton';

/** Pins the result on screen as the baseline the next changes are compared with, or lets it go. */
export function BaselineButton() {
  const held = useWorkspace((s) => s.baselineHeld);
  return <ActionButton action={held ? 'unpinBaseline' : 'pinBaseline'} className="timeline__pin" />;
}

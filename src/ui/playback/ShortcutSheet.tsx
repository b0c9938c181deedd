import { useEffect, useRef } from 'react';
import { dispatch } from '../../state/actions';
import { keyedActions } from '../../state/keyModes';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { ActionButton } from '../actions/ActionButton';
import { actionEnv, keyName } from '../actions/keys';

/** The "?" button and the sheet it opens: every key of the current mode, listed from the actions registry. */
export function ShortcutSheet() {
  const { store } = useWorkspaceContext();
  const open = useWorkspace((s) => s.sheetOpen);
  const present = useWorkspace((s) => s.present);
  const embed = useWorkspace((s) => s.embed);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  return (
    <div className="shortcut-sheet">
      <ActionButton action="shortcutSheet" expanded={open}>
        ?
      </ActionButton>
      {open && (
        <div className="shortcut-sheet__panel" role="dialog" aria-label="Keyboard shortcuts">
          <table>
            <tbody>
              {keyedActions({ present, embed }).map(({ action: a, keys }) => (
                <tr key={a.id}>
                  <td>
                    {keys.map((k) => (
                      <kbd key={k}>{keyName(k)}</kbd>
                    ))}
                  </td>
                  <td>{a.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Sliders, menus and buttons keep their own keys while they have the focus.</p>
          <button ref={closeRef} type="button" onClick={() => dispatch(store, 'closeOverlay', actionEnv())}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

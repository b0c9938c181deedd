import { useEffect, useRef } from 'react';
import { ACTIONS, dispatch } from '../../state/actions';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { ActionButton } from '../actions/ActionButton';
import { actionEnv, keyName } from '../actions/keys';

/** The "?" button and the sheet it opens: every action that has a key, listed from the actions registry. */
export function ShortcutSheet() {
  const { store } = useWorkspaceContext();
  const open = useWorkspace((s) => s.sheetOpen);
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
              {ACTIONS.filter((a) => a.keys?.length).map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.keys!.map((k) => (
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

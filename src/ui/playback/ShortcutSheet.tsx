import { useState } from 'react';
import { SHORTCUTS } from './shortcuts';

const KEY_NAMES: Record<string, string> = { ' ': 'Space', ArrowRight: '→', ArrowLeft: '←' };

/** The "?" button: the keyboard shortcuts, listed from the same registry the key handler uses. */
export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
  return (
    <div className="shortcut-sheet">
      <button type="button" aria-expanded={open} aria-label="Keyboard shortcuts" onClick={() => setOpen(!open)}>
        ?
      </button>
      {open && (
        <div className="shortcut-sheet__panel" role="dialog" aria-label="Keyboard shortcuts">
          <table>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.label}>
                  <td>
                    {s.keys.map((k) => (
                      <kbd key={k}>{KEY_NAMES[k] ?? k}</kbd>
                    ))}
                  </td>
                  <td>{s.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Sliders, menus and buttons keep their own keys while they have the focus.</p>
        </div>
      )}
    </div>
  );
}

import { useWorkspace } from '../state/WorkspaceContext';

/** Messages about what went wrong with a link or a file, each naming what was wrong; dismissible. */
export function Notices() {
  const notices = useWorkspace((s) => s.notices);
  const dismiss = useWorkspace((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.tone}`} role={n.tone === 'info' ? 'status' : 'alert'}>
          <div className="notice__body">
            <strong>{n.title}</strong>
            <ul>
              {n.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
          <button type="button" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.title}`}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

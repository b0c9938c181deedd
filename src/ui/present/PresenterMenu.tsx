import { useState } from 'react';
import { PRESENT_PANELS, zoomPanel } from '../../state/presentMode';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { ActionButton } from '../actions/ActionButton';
import { PANEL_TITLES } from './panelTitles';

/** The lecturer's switches: pacing, lock, full screen, one panel, the scenes; every one also has a key. */
export function PresenterMenu() {
  const { store } = useWorkspaceContext();
  const [open, setOpen] = useState(false);
  const present = useWorkspace((s) => s.present);
  const onOff = (on: boolean) => (on ? 'on' : 'off');
  return (
    <div className="presenter-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Presenter
      </button>
      {open && (
        <div className="presenter-menu__panel" role="group" aria-label="Presenter">
          <ActionButton action="present:pauses" pressed={present.pacing.pauseAtMoments}>
            Pause at rounds, blackout, commit: {onOff(present.pacing.pauseAtMoments)}
          </ActionButton>
          <ActionButton action="present:slowBlackout" pressed={present.pacing.slowBlackout}>
            Slow through the blackout: {onOff(present.pacing.slowBlackout)}
          </ActionButton>
          <ActionButton action="present:lock" pressed={present.unlocked}>
            Controls: {present.unlocked ? 'unlocked' : 'locked'}
          </ActionButton>
          {PRESENT_PANELS.map((panel) => (
            <button
              key={panel}
              type="button"
              aria-pressed={present.zoomed === panel}
              onClick={() => store.getState().apply(zoomPanel(panel))}
            >
              {PANEL_TITLES[panel]} full screen (z)
            </button>
          ))}
          <ActionButton action="present:fullscreen">Full screen</ActionButton>
          <ActionButton action="present:blank">Blank the screen</ActionButton>
          <ActionButton action="present:editScenes" expanded={present.editing}>
            Scenes…
          </ActionButton>
        </div>
      )}
    </div>
  );
}

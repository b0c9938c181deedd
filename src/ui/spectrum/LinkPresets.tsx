import { EDIT } from '../../state/changes';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { linkText } from './spectrumText';

/** Switches between a data-centre link and a slow wide-area one. */
export function LinkPresets() {
  const network = useWorkspace((s) => s.scenario.network);
  const { store } = useWorkspaceContext();
  // An edit of the scenario even mid-migration: an intervention at the playhead would be left out by
  // the spectrum, which compares whole moves from start to end.
  const setLink = (linkMbps: number, rttMs: number) =>
    store.getState().changeFields(
      [
        { path: 'network.linkMbps', value: linkMbps },
        { path: 'network.rttMs', value: rttMs },
      ],
      EDIT,
    );
  return (
    <div className="spectrum-presets" role="group" aria-label="Link between the two places">
      <button type="button" onClick={() => setLink(20, 40)}>
        Internet suspend and resume
      </button>
      <button type="button" onClick={() => setLink(1000, 0.5)}>
        Back to the data-centre link
      </button>
      <span className="spectrum-presets__now" aria-live="polite">
        Now: {linkText(network.linkMbps, network.rttMs)}
      </span>
    </div>
  );
}

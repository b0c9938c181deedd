import { scenarioOrThrow } from '../../engine/scenario/validate';
import { useLab, useLabContext } from '../../state/LabContext';
import { linkText } from './spectrumText';

/** Switches between a data-centre link and a slow wide-area one. */
export function LinkPresets() {
  const network = useLab((s) => s.scenario.network);
  const { store } = useLabContext();
  // A new scenario rather than changeField: mid-migration that would add interventions at the playhead,
  // which the spectrum (a whole move, start to end) leaves out.
  const setLink = (linkMbps: number, rttMs: number) => {
    const scenario = store.getState().scenario;
    store.getState().loadScenario(scenarioOrThrow({ ...scenario, network: { ...scenario.network, linkMbps, rttMs } }));
  };
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

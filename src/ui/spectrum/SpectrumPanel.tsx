import { useId } from 'react';
import { useWorkspace } from '../../state/WorkspaceContext';
import { SpectrumExport } from '../export/viewExports';
import { CarryMinutes } from './CarryMinutes';
import { LinkPresets } from './LinkPresets';
import './spectrum.css';
import { SpectrumChart } from './SpectrumChart';
import { SpectrumTable } from './SpectrumTable';
import { summaryText } from './spectrumText';
import { useSpectrum } from './useSpectrum';

/** The same VM moved every way there is, from pulling the plug to live migration, for the current scenario. */
export function SpectrumPanel() {
  const id = useId();
  const scenario = useWorkspace((s) => s.scenario);
  const view = useSpectrum(scenario);
  const entries = view.status === 'failed' ? null : view.entries;
  const stale = view.status === 'working' && entries !== null;

  return (
    <section className="spectrum" aria-labelledby={`${id}-title`} aria-busy={view.status === 'working'}>
      <h2 id={`${id}-title`} className="spectrum__hidden">
        Spectrum of approaches
      </h2>
      {view.status === 'failed' ? (
        <div className="spectrum__error" role="alert">
          <p>The engine could not work out the spectrum for this scenario: {view.message}</p>
          <button type="button" onClick={view.retry}>
            Retry
          </button>
        </div>
      ) : view.status === 'working' ? (
        <p className="spectrum__summary spectrum__working" role="status">
          Working out the spectrum…
        </p>
      ) : (
        <p className="spectrum__summary">{summaryText(view.entries)}</p>
      )}
      <LinkPresets />
      <div className="spectrum__chart-head">
        <h3 className="spectrum__heading">How long the VM is unavailable</h3>
        <CarryMinutes />
        <SpectrumExport scenario={scenario} entries={entries} />
      </div>
      {entries && entries.length > 0 && (
        <div className={stale ? 'spectrum__results is-stale' : 'spectrum__results'}>
          <SpectrumChart entries={entries} />
          <SpectrumTable entries={entries} />
        </div>
      )}
    </section>
  );
}

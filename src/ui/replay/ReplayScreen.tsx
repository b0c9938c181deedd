import { useEffect } from 'react';
import { useStore } from 'zustand';
import { openFileStoreOf, startFit } from '../../state/openFileStore';
import { fileRun } from '../../state/runs';
import * as t from '../../state/transitions';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { slug } from '../export/exportData';
import { HeatmapExport, TimelineExport } from '../export/viewExports';
import { OpenFileButton } from '../files/OpenFileButton';
import { formatCount } from '../format';
import { HostsPanel } from '../hosts/HostsPanel';
import { MetricsPanel } from '../metrics/MetricsPanel';
import { PlaybackBar } from '../playback/PlaybackBar';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { FitPanel } from './FitPanel';
import { RecordMetrics } from './RecordMetrics';
import { RecordTimeline } from './RecordTimeline';
import './replay.css';

function NothingOpen() {
  return (
    <main className="replay replay--empty">
      <section className="region replay__empty" aria-label="From file">
        <h2>Open a saved run or a real migration</h2>
        <p>Open a file, or drop one anywhere on the page:</p>
        <ul>
          <li>
            a run saved from Brownout (any view&apos;s <strong>Export → JSON data</strong>): it opens with the same
            figures, timeline and heatmaps;
          </li>
          <li>
            a real QEMU migration recorded as a QMP transcript (JSON lines of commands, events and
            <code> query-migrate</code> replies): its rounds, bytes, bandwidth, expected downtime and throttle over
            time, and a fit of the simulator to it.
          </li>
        </ul>
        <OpenFileButton className="replay__open" />
      </section>
    </main>
  );
}

/** Where the heatmaps would be: a QEMU record counts pages, it does not say which ones. */
function NoPerPageData() {
  return (
    <section className="region replay__no-heatmap" aria-label="Hosts">
      <h2>Memory</h2>
      <p className="heatmap--none">No per-page data in this record</p>
      <p className="muted">
        QEMU reports how many pages it sent and how many remain, not which pages they are, so there is no heatmap of the
        hosts&apos; memory. The charts below show what the record holds.
      </p>
    </section>
  );
}

/**
 * The run opened from a file. A saved Brownout run is drawn with the lab's panels; a QEMU record gets its
 * own timeline and figures, a note where the heatmap would be, and the Fit panel (a fit starts on opening).
 */
export function ReplayScreen() {
  const { store, pool } = useWorkspaceContext();
  const files = openFileStoreOf(store);
  const opened = useStore(files, (s) => s.opened);
  const fit = useStore(files, (s) => s.fit);
  const run = useWorkspace(fileRun);
  const record = opened && run && opened.runId === run.id ? opened.record : null;

  // A record just opened is fitted once with nothing overridden, so the overlay is there from the start.
  useEffect(() => {
    if (record && files.getState().fit.status === 'idle') startFit(store, pool, {});
  }, [record, files, store, pool]);

  const trace = run?.trace;
  if (!run || !trace || !opened) return <NothingOpen />;
  const tag = slug(opened.name);
  const isRecord = trace.origin?.kind === 'qemu-record';
  const predicted = fit.status === 'done' ? fit.result.trace : null;
  const openInLab = () => {
    store.getState().loadScenario(trace.scenario);
    store.getState().apply(t.openView('lab'));
  };
  return (
    <main className={`replay${isRecord ? ' replay--record' : ''}`}>
      <div className="replay__head">
        <h2>{run.label}</h2>
        <p>
          {isRecord
            ? `A real QEMU migration${trace.origin?.kind === 'qemu-record' ? `, ${formatCount(trace.origin.lines)} lines` : ''}: the figures are QEMU's own.`
            : `A run saved by Brownout ${trace.engineVersion}: the figures are the simulation's, as saved.`}
          {opened.note && ` ${opened.note}`}
        </p>
        {!isRecord && (
          <button type="button" onClick={openInLab}>
            Open its scenario in the lab
          </button>
        )}
      </div>
      {isRecord ? <RecordMetrics trace={trace} tag={tag} /> : <MetricsPanel run={run} baseline={null} stale={null} />}
      {isRecord ? (
        record ? (
          <FitPanel estimated={trace.scenario} tag={tag} />
        ) : (
          <section className="region fit-panel" aria-label="Fit">
            <h2>Fit</h2>
            <p>
              This saved record no longer holds the QEMU transcript it was read from; open the transcript itself to fit
              the simulator to it.
            </p>
          </section>
        )
      ) : (
        <div className="region replay__hosts stage">
          <div className="replay__hosts-head">
            <h2>Memory</h2>
            <HeatmapExport trace={trace} tag={tag} />
          </div>
          <HostsPanel run={run} stale={null} zoomable={false} />
        </div>
      )}
      {isRecord && <NoPerPageData />}
      <div className="replay__timeline">
        {isRecord ? (
          <RecordTimeline trace={trace} predicted={predicted} tag={tag} />
        ) : (
          <section className="region region--timeline" aria-label="Timeline">
            <TimelinePanel
              run={run}
              baseline={null}
              stale={null}
              actions={<TimelineExport trace={trace} tag={tag} />}
            />
          </section>
        )}
        <PlaybackBar run={run} />
      </div>
    </main>
  );
}

import type { ReactNode } from 'react';
import type { PresentPanel } from '../../state/presentMode';
import * as pm from '../../state/presentMode';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { ControlsPanel } from '../controls/ControlsPanel';
import { HostsPanel } from '../hosts/HostsPanel';
import { useLabView } from '../lab/useLabView';
import { PlaybackBar } from '../playback/PlaybackBar';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { PANEL_TITLES } from './panelTitles';
import { PresentFigures } from './PresentFigures';
import './present.css';
import { SceneBar } from './SceneBar';
import { SceneEditor } from './SceneEditor';
import { usePresentPage } from './usePresentPage';

/** A panel of the presentation; a double click fills the screen with it (or brings the others back). */
function Panel({ panel, children }: { panel: PresentPanel; children: ReactNode }) {
  const { store } = useWorkspaceContext();
  return (
    <section
      className={`present-panel present-panel--${panel}`}
      aria-label={PANEL_TITLES[panel]}
      onDoubleClick={() => store.getState().apply(pm.zoomPanel(panel))}
    >
      {children}
    </section>
  );
}

/** What pacing paused at, for the room: said while the playhead waits there. */
function PacingNote() {
  const note = useWorkspace((s) =>
    s.present.pausedAt && !s.playhead.playing && s.playhead.tMs === s.present.pausedAt.tMs
      ? s.present.pausedAt.label
      : null,
  );
  if (!note) return null;
  return (
    <p className="present-paused" role="status">
      Paused: {note}. Space goes on.
    </p>
  );
}

/**
 * Presentation mode: a projector's palette and type, the scene's caption and question, the memory, a few
 * figures and the timeline; the lab's controls only when unlocked. A scene may open another view (a
 * lesson's fleet step): `otherView` draws it under the scene's caption (the fleet with its own playback bar
 * instead of the lab's).
 */
export function PresentScreen({ otherView }: { otherView: (() => ReactNode) | null }) {
  const fullscreen = usePresentPage();
  const { run, baseline, stale } = useLabView();
  const zoomed = useWorkspace((s) => s.present.zoomed);
  const unlocked = useWorkspace((s) => s.present.unlocked);
  const blank = useWorkspace((s) => s.present.blank);
  const editing = useWorkspace((s) => s.present.editing);
  // The fleet plays the shared playhead over its own run with its own bar; the lab's would not drive it.
  const ownPlayback = useWorkspace((s) => otherView !== null && s.view === 'fleet');
  return (
    <div
      className="present"
      data-zoomed={zoomed ?? undefined}
      data-unlocked={unlocked || undefined}
      data-fullscreen={fullscreen || undefined}
    >
      <SceneBar />
      {otherView ? (
        <main className="present__other">{otherView()}</main>
      ) : (
        <main className="present__stage">
          {unlocked && (
            <div className="present__controls">
              <ControlsPanel />
            </div>
          )}
          <Panel panel="memory">
            <HostsPanel run={run} stale={stale} />
          </Panel>
          <Panel panel="metrics">
            <PresentFigures run={run} />
          </Panel>
          <Panel panel="timeline">
            <TimelinePanel run={run} baseline={baseline} stale={stale} />
          </Panel>
        </main>
      )}
      {!ownPlayback && (
        <div className="present__playback">
          <PlaybackBar run={run} />
          <PacingNote />
        </div>
      )}
      {editing && <SceneEditor />}
      {blank && (
        <div className="present-blank" role="status">
          <span className="visually-hidden">Screen blanked: press . or b to show it again</span>
        </div>
      )}
    </div>
  );
}

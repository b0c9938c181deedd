import type { Trace } from '../engine';
import { applyFieldChanges, type Change } from './changes';
import { DEFAULT_SCENARIO } from './defaultScenario';
import type { FieldChange } from './fieldPaths';
import * as playhead from './playhead';
import { playheadTrace } from './playheadTrace';
import { pruneLabRuns } from './runs';
import type { WorkspaceState } from './workspace';

/**
 * Pure transitions of the workspace: state in, the fields that change out (null: nothing to do). The
 * store's methods and the actions registry both use these, so a key, a button and a lesson step that do
 * the same thing do it the same way.
 */
export type Transition = (s: WorkspaceState) => Partial<WorkspaceState> | null;

/** The trace the playhead moves over (the lab's, the comparison's longest, or the opened file's). */
const shownTrace = (s: WorkspaceState): Trace | null => playheadTrace(s);

/** A patch with the lab's runs that no longer matter dropped. */
export function withPrune(s: WorkspaceState, patch: Partial<WorkspaceState>): Partial<WorkspaceState> {
  const runs = pruneLabRuns({ ...s, ...patch });
  return runs === s.runs ? patch : { ...patch, runs };
}

/**
 * Some fields changed as the caller said. The baseline becomes the result on screen when the gesture
 * began (`gestureBaseline`; for a change that is its own gesture, the result on screen now), unless it is
 * pinned by hand.
 */
export const changeFields =
  (changes: readonly FieldChange[], change: Change, gestureBaseline: number | null): Transition =>
  (s) =>
    withPrune(s, {
      scenario: applyFieldChanges(s.scenario, changes, change),
      baselineRunId: s.baselineHeld ? s.baselineRunId : (gestureBaseline ?? s.baselineRunId),
    });

export const play: Transition = (s) => ({ playhead: playhead.play(s.playhead, shownTrace(s)) });
export const pause: Transition = (s) => ({ playhead: playhead.pause(s.playhead) });
export const togglePlay: Transition = (s) => ({ playhead: playhead.togglePlay(s.playhead, shownTrace(s)) });
export const seekTo =
  (tMs: number): Transition =>
  (s) => ({ playhead: playhead.seekTo(s.playhead, shownTrace(s), tMs) });
export const jump =
  (direction: 1 | -1): Transition =>
  (s) => ({ playhead: playhead.jump(s.playhead, shownTrace(s), direction) });
export const changeSpeed =
  (direction: 1 | -1): Transition =>
  (s) => ({ playhead: playhead.changeSpeed(s.playhead, direction) });

/** Back to the opening scenario, no baseline, the playhead at the start. */
export const resetAll: Transition = (s) =>
  withPrune(s, {
    scenario: DEFAULT_SCENARIO,
    baselineRunId: null,
    baselineHeld: false,
    gesture: null,
    playhead: { ...s.playhead, tMs: 0, playing: false },
    explain: null,
  });

/** The result on screen becomes the baseline, and stays it until unpinned (changes no longer move it). */
export const pinBaseline: Transition = (s) =>
  s.shownRunId === null ? null : withPrune(s, { baselineRunId: s.shownRunId, baselineHeld: true });

/** The baseline follows changes again: the next change pins the result before it. */
export const unpinBaseline: Transition = (s) => (s.baselineHeld ? { baselineHeld: false } : null);

/** "?": opens the shortcut sheet, or closes it when it is open. */
export const toggleSheet: Transition = (s) => ({ sheetOpen: !s.sheetOpen });

/** Opens a top-level view (the header's entries, a link's `view=`). */
export const openView =
  (view: WorkspaceState['view']): Transition =>
  (s) =>
    s.view === view ? null : { view };

export const closeShare: Transition = (s) => (s.share ? { share: null } : null);

/** Escape: closes the shortcut sheet, else the share box, else the explanation. */
export const closeOverlay: Transition = (s) =>
  s.sheetOpen ? { sheetOpen: false } : s.share ? { share: null } : s.explain ? { explain: null } : null;

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario, Trace } from '../engine';
import type { JobProgress } from '../worker/types';
import { DEFAULT_VIEW, type AppViewKey } from './appViews';
import { EDIT, type Change } from './changes';
import { EMPTY_COMPARISON, type ComparisonState } from './comparison';
import { DEFAULT_FLEET_SETUP, type FleetSetup } from './fleetLink';
import type { LessonPlace } from './lessonPlace';
import { DEFAULT_SCENARIO } from './defaultScenario';
import type { FieldChange, FieldPath, FieldValue } from './fieldPaths';
import { DEFAULT_SPEED, followNewTrace, type Playhead } from './playhead';
import { EMBED_OFF, PRESENT_OFF, type EmbedState, type PresentState } from './presentMode';
import { newRun, patchRun, type Run, type RunId, type RunOwner, type RunsState } from './runs';
import { EMPTY_SWEEP, type SweepState } from './sweep';
import * as t from './transitions';

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  title: string;
  lines: string[];
}

/** What the "explain this number" panel is showing. */
export type ExplainTarget = { kind: 'metric'; metric: MetricKey } | { kind: 'round'; index: number };

export type MetricKey =
  'downtime' | 'totalTime' | 'bytes' | 'rounds' | 'impact' | 'stopReason' | 'threshold' | 'diagnosis';

/** A gesture in progress: one drag (or burst of key presses) on a control; one baseline for all of it. */
export interface Gesture {
  id: number;
  /** The result on screen when the gesture began: it becomes the baseline at the gesture's first change. */
  baselineRunId: RunId | null;
}

export interface WorkspaceState extends RunsState {
  /** The scenario on screen in the lab (its controls show it; its runs simulate it). */
  scenario: Scenario;
  runs: Readonly<Record<RunId, Run>>;
  /** The run of the scenario on screen. */
  labRunId: RunId | null;
  /** The lab's newest finished run: what its panels draw. */
  shownRunId: RunId | null;
  /** The run drawn faintly under the shown one, so the effect of a change is plain. */
  baselineRunId: RunId | null;
  /** Pinned by hand: changes no longer move the baseline. */
  baselineHeld: boolean;
  gesture: Gesture | null;
  playhead: Playhead;
  explain: ExplainTarget | null;
  notices: Notice[];
  /** The keyboard shortcut sheet is open. */
  sheetOpen: boolean;
  /** The link being shared, and whether it reached the clipboard. */
  share: { url: string; copied: boolean } | null;
  /** The top-level view on screen (the lab, or a view listed in appViews). */
  view: AppViewKey;
  /** The runs side by side in the Compare view (comparison.ts). */
  comparison: ComparisonState;
  /** The Sweep view's field, range and results (sweep.ts). */
  sweep: SweepState;
  /** What the fleet view simulates (kept in the link; its runs live in fleetStore.ts). */
  fleet: FleetSetup;
  /** Presentation mode (src/state/presentMode.ts) and the embedded lab. */
  present: PresentState;
  embed: EmbedState;
  /** The lesson step being followed, if any (see lessonPlace.ts). */
  lesson: LessonPlace | null;
}

export interface WorkspaceActions {
  /** Replaces the lab's whole scenario (a loaded link, a lesson step); the baseline goes unless kept. */
  loadScenario(scenario: Scenario, opts?: { keepBaseline?: boolean }): void;
  /** Starts a gesture (pointer down on a slider, the first key of a burst); returns its id. */
  beginGesture(): number;
  endGesture(id: number): void;
  /**
   * Sets a field as the caller says: an edit (the default) or an intervention at a time. Inside a
   * gesture (its id given) all changes share one baseline; without one, the change is its own gesture.
   */
  changeField<P extends FieldPath>(path: P, value: FieldValue<P>, change?: Change, gesture?: number): void;
  /** Several fields in one change (one scenario, one run): a switch that sets two fields. */
  changeFields(changes: readonly FieldChange[], change?: Change, gesture?: number): void;
  removeIntervention(index: number): void;
  resetAll(): void;
  pinBaseline(): void;
  unpinBaseline(): void;

  /** A new run of a scenario; `owner` decides when it may go (the lab's go once nothing shows them). */
  addRun(scenario: Scenario, owner: RunOwner, label: string): RunId;
  /** A run of the scenario on screen, made the lab's run (a queued one not yet started is reused). */
  startLabRun(): RunId;
  runStarted(id: RunId): void;
  runProgress(id: RunId, progress: JobProgress): void;
  runDone(id: RunId, trace: Trace, wallMs: number): void;
  runFailed(id: RunId, message: string): void;
  runCancelled(id: RunId): void;

  seek(tMs: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setExplain(target: ExplainTarget | null): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
  /** Applies a pure transition (see ./transitions.ts); false when it did nothing. */
  apply(transition: t.Transition): boolean;
}

export type Workspace = WorkspaceState & WorkspaceActions;
export type WorkspaceStore = StoreApi<Workspace>;

/** One workspace: its own runs, playhead and baseline. Each instance is independent of every other. */
export function createWorkspaceStore(initial: Scenario = DEFAULT_SCENARIO): WorkspaceStore {
  let noticeId = 0;
  let gestureId = 0;
  let runId = 0;

  return createStore<Workspace>()((set, get) => {
    const apply = (transition: t.Transition) => {
      const patch = transition(get());
      if (patch) set(patch);
      return patch !== null;
    };
    const pruned = (patch: Partial<WorkspaceState>) => set(t.withPrune(get(), patch));

    return {
      scenario: initial,
      runs: {},
      labRunId: null,
      shownRunId: null,
      baselineRunId: null,
      baselineHeld: false,
      gesture: null,
      playhead: { tMs: 0, playing: false, speed: DEFAULT_SPEED },
      explain: null,
      notices: [],
      sheetOpen: false,
      share: null,
      view: DEFAULT_VIEW,
      comparison: EMPTY_COMPARISON,
      sweep: EMPTY_SWEEP,
      fleet: DEFAULT_FLEET_SETUP,
      present: PRESENT_OFF,
      embed: EMBED_OFF,
      lesson: null,

      loadScenario(scenario, opts) {
        const keep = opts?.keepBaseline ?? false;
        pruned({
          scenario,
          gesture: null,
          baselineRunId: keep ? get().baselineRunId : null,
          baselineHeld: keep && get().baselineHeld,
          explain: null,
        });
      },

      beginGesture() {
        const id = ++gestureId;
        set({ gesture: { id, baselineRunId: get().shownRunId } });
        return id;
      },

      endGesture(id) {
        if (get().gesture?.id === id) pruned({ gesture: null });
      },

      changeField(path, value, change, gesture) {
        get().changeFields([{ path, value } as FieldChange], change, gesture);
      },

      changeFields(changes, change = EDIT, gesture) {
        const s = get();
        const inGesture = gesture !== undefined && s.gesture?.id === gesture;
        apply(t.changeFields(changes, change, inGesture ? s.gesture!.baselineRunId : s.shownRunId));
      },

      removeIntervention(index) {
        const { scenario } = get();
        get().changeField(
          'interventions',
          scenario.interventions.filter((_, i) => i !== index),
        );
      },

      resetAll: () => void apply(t.resetAll),
      pinBaseline: () => void apply(t.pinBaseline),
      unpinBaseline: () => void apply(t.unpinBaseline),

      addRun(scenario, owner, label) {
        const id = ++runId;
        set({ runs: { ...get().runs, [id]: newRun(id, scenario, owner, label) } });
        return id;
      },

      startLabRun() {
        const s = get();
        // A queued lab run not yet started just takes the newest scenario.
        if (s.labRunId !== null && s.runs[s.labRunId]?.status === 'queued') {
          set({ runs: patchRun(s.runs, s.labRunId, { scenario: s.scenario }) });
          return s.labRunId;
        }
        const id = s.addRun(s.scenario, 'lab', 'Lab');
        pruned({ labRunId: id });
        return id;
      },

      runStarted(id) {
        set({ runs: patchRun(get().runs, id, { status: 'running' }) });
      },

      runProgress(id, progress) {
        const run = get().runs[id];
        if (run && (run.status === 'running' || run.status === 'queued'))
          set({ runs: patchRun(get().runs, id, { status: 'running', progress }) });
      },

      runDone(id, trace, wallMs) {
        const s = get();
        const run = s.runs[id];
        if (!run) return;
        const runs = patchRun(s.runs, id, {
          status: 'done',
          trace,
          wallMs,
          progress: { fraction: 1, simulatedMs: trace.summary.totalTimeMs },
        });
        // A lab run newer than the one shown is shown (a run that was superseded while going is still
        // fresher than the one before it); an older one that finishes late is not.
        const newer = run.owner === 'lab' && (s.shownRunId === null || id > s.shownRunId);
        if (!newer) return pruned({ runs });
        // Another view (the fleet) plays the same playhead over its own run: leave it where it is.
        const playhead = s.view === 'lab' ? followNewTrace(s.playhead, s.shownRunId === null, trace) : s.playhead;
        pruned({ runs, shownRunId: id, playhead });
      },

      runFailed(id, message) {
        const s = get();
        const playhead = id === s.labRunId ? { ...s.playhead, playing: false } : s.playhead;
        pruned({ runs: patchRun(s.runs, id, { status: 'failed', error: message }), playhead });
      },

      runCancelled(id) {
        const run = get().runs[id];
        if (run && run.status !== 'done') pruned({ runs: patchRun(get().runs, id, { status: 'cancelled' }) });
      },

      seek: (tMs) => void apply(t.seekTo(tMs)),
      play: () => void apply(t.play),
      pause: () => void apply(t.pause),
      togglePlay: () => void apply(t.togglePlay),
      setSpeed: (speed) => set({ playhead: { ...get().playhead, speed } }),
      setExplain: (target) => set({ explain: target }),

      notify(notice) {
        set({ notices: [...get().notices, { ...notice, id: ++noticeId }] });
      },

      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },

      apply,
    };
  });
}

import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyPreset } from '../engine/scenario/presets';
import {
  INTERVENTION_PATHS,
  type InterventionPath,
  type Scenario,
  type Strategy,
  type WorkloadPreset,
} from '../engine/scenario/schema';
import { scenarioOrThrow } from '../engine/scenario/validate';
import { runEndMs } from '../engine/trace/summary';
import type { Trace } from '../engine/trace/types';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { setPath } from './paths';
import { reconcile } from './reconcile';

export type RunStatus = 'idle' | 'running' | 'done' | 'failed';

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

export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;

export interface LabState {
  scenario: Scenario;
  notices: Notice[];
  status: RunStatus;
  runId: number;
  progress: number;
  progressSimulatedMs: number;
  error: string | null;
  /** Wall time the engine took for the shown trace. */
  runWallMs: number | null;
  trace: Trace | null;
  /** The result before the last change, drawn faintly so the effect of the change is plain. */
  ghost: Trace | null;
  tMs: number;
  playing: boolean;
  speed: number;
  explain: ExplainTarget | null;
}

export interface LabActions {
  /** Replaces the whole scenario (a loaded link, Reset all). */
  loadScenario(scenario: Scenario, opts?: { keepGhost?: boolean }): void;
  /** A control changed a field: while the migration plays, a live parameter becomes an intervention at the playhead. */
  changeField(path: string, value: unknown): void;
  setStrategy(strategy: Strategy): void;
  choosePreset(preset: WorkloadPreset): void;
  removeIntervention(index: number): void;
  resetAll(): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
  seek(tMs: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setExplain(target: ExplainTarget | null): void;
  /** Engine bookkeeping (used by the runner). */
  runStarted(runId: number): void;
  runProgress(runId: number, fraction: number, simulatedMs: number): void;
  runDone(runId: number, trace: Trace, wallMs: number): void;
  runFailed(runId: number, message: string): void;
  runCancelled(runId: number): void;
}

export type LabStore = StoreApi<LabState & LabActions>;

/** Changes closer together than this belong to one gesture (one drag): one ghost, one intervention. */
const GESTURE_GAP_MS = 900;

const isInterventionPath = (path: string): path is InterventionPath =>
  (INTERVENTION_PATHS as readonly string[]).includes(path);

export function createLabStore(initial: Scenario = DEFAULT_SCENARIO, now: () => number = () => Date.now()): LabStore {
  let noticeId = 0;
  let gestureEndsAt = -Infinity;
  let gestureGhost: Trace | null = null;
  /** The intervention this gesture created, so a drag edits one intervention instead of adding many. */
  let gestureIntervention: { path: string; atMs: number } | null = null;

  return createStore<LabState & LabActions>()((set, get) => {
    /** Starts or continues a gesture; its first change remembers the shown result as the ghost. */
    const gesture = () => {
      const t = now();
      if (t > gestureEndsAt) {
        gestureGhost = get().trace;
        gestureIntervention = null;
      }
      gestureEndsAt = t + GESTURE_GAP_MS;
    };

    const commit = (scenario: Scenario) => set({ scenario, ghost: gestureGhost ?? get().ghost });

    return {
      scenario: initial,
      notices: [],
      status: 'idle',
      runId: 0,
      progress: 0,
      progressSimulatedMs: 0,
      error: null,
      runWallMs: null,
      trace: null,
      ghost: null,
      tMs: 0,
      playing: false,
      speed: 4,
      explain: null,

      loadScenario(scenario, opts) {
        gestureEndsAt = -Infinity;
        set({ scenario, ghost: opts?.keepGhost ? get().ghost : null, explain: null });
      },

      changeField(path, value) {
        gesture();
        const { scenario, playing, tMs, trace } = get();
        const midMigration = trace !== null && (playing || (tMs > 0 && tMs < runEndMs(trace.summary)));
        if (midMigration && isInterventionPath(path)) {
          const atMs = Math.round(gestureIntervention?.path === path ? gestureIntervention.atMs : tMs);
          gestureIntervention = { path, atMs };
          const others = scenario.interventions.filter((iv) => !(iv.path === path && iv.atMs === atMs));
          const interventions = [...others, { atMs, path, value: value as number | boolean }].sort(
            (a, b) => a.atMs - b.atMs,
          );
          commit(scenarioOrThrow({ ...scenario, interventions }));
          return;
        }
        const next = reconcile(setPath(scenario, path, value), path, scenario);
        commit(scenarioOrThrow(ownedByPreset(path) ? markCustom(next) : presetKept(next, path)));
      },

      setStrategy(strategy) {
        gesture();
        commit({ ...get().scenario, strategy });
      },

      choosePreset(preset) {
        gesture();
        commit(applyPreset(get().scenario, preset));
      },

      removeIntervention(index) {
        gesture();
        const scenario = get().scenario;
        commit({ ...scenario, interventions: scenario.interventions.filter((_, i) => i !== index) });
      },

      resetAll() {
        gestureEndsAt = -Infinity;
        gestureGhost = null;
        set({ scenario: DEFAULT_SCENARIO, ghost: null, tMs: 0, playing: false, explain: null });
      },

      notify(notice) {
        set({ notices: [...get().notices, { ...notice, id: ++noticeId }] });
      },

      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },

      seek(tMs) {
        const trace = get().trace;
        const end = trace ? runEndMs(trace.summary) : 0;
        set({ tMs: Math.max(0, Math.min(end, tMs)) });
      },

      play() {
        const { trace, tMs } = get();
        if (!trace) return;
        const end = runEndMs(trace.summary);
        set({ playing: true, tMs: tMs >= end ? 0 : tMs });
      },

      pause() {
        set({ playing: false });
      },

      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },

      setSpeed(speed) {
        set({ speed });
      },

      setExplain(target) {
        set({ explain: target });
      },

      runStarted(runId) {
        set({ runId, status: 'running', progress: 0, progressSimulatedMs: 0, error: null });
      },

      runProgress(runId, fraction, simulatedMs) {
        if (runId === get().runId) set({ progress: fraction, progressSimulatedMs: simulatedMs });
      },

      runDone(runId, trace, wallMs) {
        if (runId !== get().runId) return;
        const first = get().trace === null;
        const end = runEndMs(trace.summary);
        set({
          trace,
          status: 'done',
          progress: 1,
          runWallMs: wallMs,
          tMs: first && get().tMs === 0 ? end : Math.min(get().tMs, end),
        });
      },

      runFailed(runId, message) {
        if (runId === get().runId) set({ status: 'failed', error: message, playing: false });
      },

      runCancelled(runId) {
        if (runId === get().runId) set({ status: get().trace ? 'done' : 'idle', progress: 0 });
      },
    };
  });
}

/** A preset owns the whole workload and the used memory (see applyPreset). */
const ownedByPreset = (path: string) =>
  (path.startsWith('workload.') && path !== 'workload.preset') || path === 'vm.usedMiB';

/** A new memory size under a preset takes the preset's figures for that size, so the picker stays true. */
function presetKept(s: Scenario, path: string): Scenario {
  return path === 'vm.memoryMiB' && s.workload.preset !== 'custom' ? applyPreset(s, s.workload.preset) : s;
}

/** Editing a figure the preset owns by hand leaves the preset behind. */
function markCustom(s: Scenario): Scenario {
  return s.workload.preset === 'custom' ? s : { ...s, workload: { ...s.workload, preset: 'custom' } };
}

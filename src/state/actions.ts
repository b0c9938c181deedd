import { WORKLOAD_PRESET_DEFINITIONS, WORKLOAD_PRESETS, type WorkloadPreset } from '../engine';
import { EDIT } from './changes';
import { playheadTrace } from './playheadTrace';
import type { KeyMode } from './presentMode';
import { PRESENT_ACTIONS } from './presentActions';
import * as t from './transitions';
import { workspaceQuery } from './workspaceLink';
import type { WorkspaceState, WorkspaceStore } from './workspace';

/** What actions may use from outside the store: the page's address (for links) and the clipboard. */
export interface ActionEnv {
  location: Pick<Location, 'origin' | 'pathname'>;
  clipboard?: Pick<Clipboard, 'writeText'>;
  /** Puts the page in full screen, or takes it out (presentation mode). */
  toggleFullscreen?: () => void;
}

export type ActionGroup = 'playback' | 'lab' | 'help' | 'present';

/**
 * A named thing the user can do: its label (the button's name and the shortcut sheet's line), its keys,
 * when it applies, and a pure transition of the workspace. Buttons, the keyboard handler and the sheet
 * all come from this list; lessons and presentation mode add their own entries here.
 */
export interface ActionDef {
  id: string;
  label: string;
  /** `KeyboardEvent.key` values that trigger it. */
  keys?: readonly string[];
  group: ActionGroup;
  /** The key modes its keys work in (src/state/keyModes.ts); absent: every mode that admits its group. */
  modes?: readonly KeyMode[];
  enabled?: (s: WorkspaceState) => boolean;
  perform: (s: WorkspaceState, env: ActionEnv) => Partial<WorkspaceState> | null;
  /** Work outside the store after the transition (writing to the clipboard). */
  effect?: (store: WorkspaceStore, env: ActionEnv) => Promise<void>;
}

const hasResult = (s: WorkspaceState) => playheadTrace(s) !== null;

/** The address of the scenario on screen (and the playhead), to share. */
const linkTo = (s: WorkspaceState, location: ActionEnv['location']) =>
  `${location.origin}${location.pathname}?${workspaceQuery(s)}`;

const presetActions: ActionDef[] = WORKLOAD_PRESETS.filter(
  (p): p is Exclude<WorkloadPreset, 'custom'> => p !== 'custom',
).map((preset) => ({
  id: `preset:${preset}`,
  label: `Workload preset: ${WORKLOAD_PRESET_DEFINITIONS[preset].label}`,
  group: 'lab',
  perform: (s) => t.changeFields([{ path: 'workload.preset', value: preset }], EDIT, s.shownRunId)(s),
}));

export const ACTIONS: readonly ActionDef[] = [
  { id: 'play', label: 'Play', group: 'playback', enabled: hasResult, perform: t.play },
  { id: 'pause', label: 'Pause', group: 'playback', enabled: hasResult, perform: t.pause },
  {
    id: 'togglePlay',
    label: 'Play / pause',
    keys: [' '],
    group: 'playback',
    enabled: hasResult,
    perform: t.togglePlay,
  },
  {
    id: 'next',
    label: 'Next round or event',
    keys: ['ArrowRight'],
    group: 'playback',
    enabled: hasResult,
    perform: t.jump(1),
  },
  {
    id: 'previous',
    label: 'Previous round or event',
    keys: ['ArrowLeft'],
    group: 'playback',
    enabled: hasResult,
    perform: t.jump(-1),
  },
  {
    id: 'start',
    label: 'Back to the start',
    keys: ['Home'],
    group: 'playback',
    enabled: hasResult,
    perform: t.seekTo(0),
  },
  { id: 'end', label: 'To the end', keys: ['End'], group: 'playback', enabled: hasResult, perform: t.seekTo(Infinity) },
  { id: 'faster', label: 'Faster', keys: ['+', '='], group: 'playback', perform: t.changeSpeed(1) },
  { id: 'slower', label: 'Slower', keys: ['-'], group: 'playback', perform: t.changeSpeed(-1) },
  {
    id: 'pinBaseline',
    label: 'Pin as baseline',
    keys: ['b'],
    group: 'lab',
    enabled: hasResult,
    perform: t.pinBaseline,
  },
  {
    id: 'unpinBaseline',
    label: 'Unpin baseline',
    group: 'lab',
    enabled: (s) => s.baselineHeld,
    perform: t.unpinBaseline,
  },
  { id: 'resetAll', label: 'Reset all', group: 'lab', perform: t.resetAll },
  {
    id: 'copyLink',
    label: 'Copy link',
    group: 'lab',
    perform: (s, env) => ({ share: { url: linkTo(s, env.location), copied: false } }),
    async effect(store, env) {
      const url = store.getState().share?.url;
      if (!url || !env.clipboard) return;
      try {
        await env.clipboard.writeText(url);
      } catch {
        // No clipboard access (insecure origin or permission): the link is shown to copy by hand.
        return;
      }
      if (store.getState().share?.url === url) store.setState({ share: { url, copied: true } });
    },
  },
  ...presetActions,
  ...PRESENT_ACTIONS,
  { id: 'shortcutSheet', label: 'Keyboard shortcuts', keys: ['?'], group: 'help', perform: t.toggleSheet },
  { id: 'closeOverlay', label: 'Close the sheet or dialog', keys: ['Escape'], group: 'help', perform: t.closeOverlay },
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionById(id: string): ActionDef {
  const action = BY_ID.get(id);
  if (!action) throw new Error(`no action "${id}"`);
  return action;
}

/** The action a key triggers, if any. */
export function actionForKey(key: string): ActionDef | undefined {
  return ACTIONS.find((a) => a.keys?.includes(key));
}

export const isEnabled = (action: ActionDef, s: WorkspaceState) => action.enabled?.(s) ?? true;

/** Runs an action on a workspace; false when it does not apply now (disabled, or nothing to do). */
export function dispatch(store: WorkspaceStore, action: ActionDef | string, env: ActionEnv): boolean {
  const a = typeof action === 'string' ? actionById(action) : action;
  if (!isEnabled(a, store.getState())) return false;
  const done = store.getState().apply((s) => a.perform(s, env));
  if (done && a.effect) void a.effect(store, env);
  return done;
}

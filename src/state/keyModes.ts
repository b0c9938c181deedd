import { ACTIONS, type ActionDef, type ActionGroup } from './actions';
import { keyModeOf, type KeyMode } from './presentMode';
import type { WorkspaceState } from './workspace';

type ModeState = Pick<WorkspaceState, 'present' | 'embed'>;

/**
 * Which groups of actions each mode's keyboard admits. Presentation mode keeps the lab's own keys (the
 * baseline, presets) locked until the lecturer unlocks the controls; an embed only plays (it has no sheet).
 */
function groupsIn(mode: KeyMode, s: ModeState): readonly ActionGroup[] {
  if (mode === 'present') return s.present.unlocked ? ['playback', 'help', 'lab'] : ['playback', 'help'];
  if (mode === 'embed') return ['playback'];
  return ['playback', 'help', 'lab'];
}

/** An action's keys work in this mode: it names the mode, or (naming none) its group is admitted there. */
const inMode = (a: ActionDef, mode: KeyMode, s: ModeState) =>
  a.modes ? a.modes.includes(mode) : groupsIn(mode, s).includes(a.group);

/**
 * The actions whose keys work in the current mode, each with the keys it has there: an action made for
 * the mode takes a key from a general one (in presentation mode → is the next scene, not the next stop).
 */
export function keyedActions(s: ModeState): { action: ActionDef; keys: string[] }[] {
  const mode = keyModeOf(s);
  const active = ACTIONS.filter((a) => a.keys?.length && inMode(a, mode, s));
  const ownKeys = new Set(active.filter((a) => a.modes?.includes(mode)).flatMap((a) => a.keys!));
  return active
    .map((action) => ({ action, keys: action.keys!.filter((k) => action.modes?.includes(mode) || !ownKeys.has(k)) }))
    .filter((entry) => entry.keys.length > 0);
}

/** The action a key triggers in the current mode, if any. */
export function actionForKeyIn(key: string, s: ModeState): ActionDef | undefined {
  return keyedActions(s).find((entry) => entry.keys.includes(key))?.action;
}

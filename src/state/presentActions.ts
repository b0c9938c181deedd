import type { ActionDef } from './actions';
import { DEMO_STEPS } from './presentDemos';
import * as pm from './presentMode';
import { goToScene, scenesOf, stepScene } from './presentScenes';
import { shownRun } from './runs';
import * as t from './transitions';
import type { WorkspaceState } from './workspace';

const PRESENT = ['present'] as const;
const hasResult = (s: WorkspaceState) => shownRun(s) !== null;

/** Keys 1 to 4: the classic cases, as scenes in presentation mode and as the lab's scenario outside it. */
const demoActions: ActionDef[] = DEMO_STEPS.map((step, i) => ({
  id: `demo:${i + 1}`,
  label: `Demonstration: ${step.title}`,
  keys: [String(i + 1)],
  group: 'present',
  modes: ['lab', 'present'],
  perform: goToScene(i, { source: 'demos' }),
}));

/** Presentation mode's actions (src/state/presentMode.ts): clicker keys, blanking, full screen, pacing, scenes. */
export const PRESENT_ACTIONS: readonly ActionDef[] = [
  {
    id: 'present:toggle',
    label: 'Present (presentation mode on / off)',
    keys: ['p'],
    group: 'present',
    modes: ['lab', 'present'],
    perform: pm.togglePresent,
  },
  {
    id: 'present:nextScene',
    label: 'Next scene',
    keys: ['PageDown', 'ArrowRight', 'ArrowDown'],
    group: 'present',
    modes: PRESENT,
    enabled: (s) => s.present.scene + 1 < scenesOf(s.present.deck).length,
    perform: stepScene(1),
  },
  {
    id: 'present:previousScene',
    label: 'Previous scene',
    keys: ['PageUp', 'ArrowLeft', 'ArrowUp'],
    group: 'present',
    modes: PRESENT,
    enabled: (s) => s.present.scene > 0,
    perform: stepScene(-1),
  },
  {
    id: 'present:nextStop',
    label: 'Next round or event',
    keys: [']'],
    group: 'present',
    modes: PRESENT,
    enabled: hasResult,
    perform: t.jump(1),
  },
  {
    id: 'present:previousStop',
    label: 'Previous round or event',
    keys: ['['],
    group: 'present',
    modes: PRESENT,
    enabled: hasResult,
    perform: t.jump(-1),
  },
  {
    id: 'present:blank',
    label: 'Blank the screen (on / off)',
    keys: ['.', 'b'],
    group: 'present',
    modes: PRESENT,
    perform: pm.toggleBlank,
  },
  {
    id: 'present:fullscreen',
    label: 'Full screen (on / off)',
    keys: ['f', 'F5'],
    group: 'present',
    modes: PRESENT,
    enabled: () => typeof document !== 'undefined' && document.fullscreenEnabled,
    // Nothing in the store changes: the page's full-screen state is the browser's.
    perform: () => ({}),
    effect: async (_store, env) => env.toggleFullscreen?.(),
  },
  {
    id: 'present:zoom',
    label: 'One panel full screen (in turn)',
    keys: ['z'],
    group: 'present',
    modes: PRESENT,
    perform: pm.cycleZoom,
  },
  {
    id: 'present:lock',
    label: 'Unlock / lock the controls',
    keys: ['u'],
    group: 'present',
    modes: PRESENT,
    perform: pm.toggleLock,
  },
  {
    id: 'present:pauses',
    label: 'Pause at each round, the blackout and commit (on / off)',
    keys: ['a'],
    group: 'present',
    modes: PRESENT,
    perform: pm.togglePauses,
  },
  {
    id: 'present:slowBlackout',
    label: 'Slow down through the blackout (on / off)',
    keys: ['s'],
    group: 'present',
    modes: PRESENT,
    perform: pm.toggleSlowBlackout,
  },
  {
    id: 'present:editScenes',
    label: 'Edit the scenes',
    keys: ['e'],
    group: 'present',
    modes: PRESENT,
    perform: pm.toggleEditor,
  },
  ...demoActions,
  {
    id: 'present:close',
    label: 'Close the sheet, the editor, the full-screen panel or the blank',
    keys: ['Escape'],
    group: 'present',
    modes: PRESENT,
    perform: pm.closeInPresent,
  },
];

import type { Pacing, PacingMoment } from './playhead';
import type { Deck } from './presentScenes';
import type { Transition } from './transitions';
import type { WorkspaceState } from './workspace';

/** The panels presentation mode can show alone, full screen. */
export const PRESENT_PANELS = ['memory', 'timeline', 'metrics'] as const;
export type PresentPanel = (typeof PRESENT_PANELS)[number];

/** A lecturer's presentation: on or off, what the room sees, and the scenes being shown. */
export interface PresentState {
  on: boolean;
  /** The lab's controls are shown and its keys work; locked (the default), a stray key changes nothing. */
  unlocked: boolean;
  /** The screen is blanked (the room looks at the lecturer). */
  blank: boolean;
  /** The one panel shown full screen, if any. */
  zoomed: PresentPanel | null;
  pacing: Pacing;
  /** The moment pacing last paused at, said on screen until playback goes on. */
  pausedAt: PacingMoment | null;
  deck: Deck;
  /** The scene on screen (0-based); -1 before the first (the scenario the lab had). */
  scene: number;
  /** The scene list editor is open. */
  editing: boolean;
  /** Where the playhead goes when the scene's first result arrives (then null). */
  sceneStartMs: number | null;
}

/** An embedded lab (`?embed=1`): only the stage and, unless `controls=0`, the play bar. */
export interface EmbedState {
  on: boolean;
  controls: boolean;
  /** `autoplay=1`: play once the first result arrives (then false). */
  autoplay: boolean;
}

export const PRESENT_OFF: PresentState = {
  on: false,
  unlocked: false,
  blank: false,
  zoomed: null,
  pacing: { pauseAtMoments: true, slowBlackout: true },
  pausedAt: null,
  deck: { source: 'demos' },
  scene: -1,
  editing: false,
  sceneStartMs: null,
};

export const EMBED_OFF: EmbedState = { on: false, controls: true, autoplay: false };

/** The keyboard's modes: the lab's, presentation mode's, an embedded lab's. */
export type KeyMode = 'lab' | 'present' | 'embed';

export const keyModeOf = (s: Pick<WorkspaceState, 'present' | 'embed'>): KeyMode =>
  s.embed.on ? 'embed' : s.present.on ? 'present' : 'lab';

/** Pacing applies in presentation mode only: the lab and an embed play in plain time. */
export const pacingOf = (s: Pick<WorkspaceState, 'present'>): Pacing | undefined =>
  s.present.on ? s.present.pacing : undefined;

const patch =
  (f: (p: PresentState) => Partial<PresentState> | null): Transition =>
  (s) => {
    const change = f(s.present);
    return change ? { present: { ...s.present, ...change } } : null;
  };

/** Into presentation mode (on the scenario on screen, locked) or back to the lab. */
export const togglePresent: Transition = (s) =>
  s.present.on
    ? { present: { ...PRESENT_OFF, deck: s.present.deck, pacing: s.present.pacing } }
    : { present: { ...s.present, on: true, unlocked: false, blank: false, zoomed: null }, sheetOpen: false };

export const toggleLock = patch((p) => ({ unlocked: !p.unlocked }));
export const toggleBlank = patch((p) => ({ blank: !p.blank }));
export const togglePauses = patch((p) => ({ pacing: { ...p.pacing, pauseAtMoments: !p.pacing.pauseAtMoments } }));
export const toggleSlowBlackout = patch((p) => ({ pacing: { ...p.pacing, slowBlackout: !p.pacing.slowBlackout } }));
export const toggleEditor = patch((p) => ({ editing: !p.editing }));

/** One panel full screen, or back to all of them. */
export const zoomPanel = (panel: PresentPanel | null) => patch((p) => (p.zoomed === panel ? null : { zoomed: panel }));

/** The next panel full screen in turn (memory, timeline, metrics, then all again). */
export const cycleZoom = patch((p) => {
  const i = p.zoomed === null ? -1 : PRESENT_PANELS.indexOf(p.zoomed);
  return { zoomed: i + 1 < PRESENT_PANELS.length ? PRESENT_PANELS[i + 1] : null };
});

/** Escape in presentation mode: closes the sheet, else the editor, else the full-screen panel, else the blank. */
export const closeInPresent: Transition = (s) => {
  if (s.sheetOpen) return { sheetOpen: false };
  const p = s.present;
  if (p.editing) return { present: { ...p, editing: false } };
  if (p.zoomed) return { present: { ...p, zoomed: null } };
  if (p.blank) return { present: { ...p, blank: false } };
  return s.explain ? { explain: null } : null;
};

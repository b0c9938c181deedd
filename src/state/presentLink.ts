import { quoteText } from '../engine';
import type { LinkExtras } from './linkExtras';
import { EMBED_OFF, PRESENT_OFF, type EmbedState, type PresentState } from './presentMode';
import { deckParam, readDeck, scenesOf, type Deck } from './presentScenes';
import type { WorkspaceState } from './workspace';

/**
 * Presentation and embed mode in a link: `present=1`, `scenes=demos | lesson:<id> | <list>`, `scene=<n>`
 * (from 1); `embed=1` with `controls=0` (no play bar) and `autoplay=1`. Each is checked; a bad value gets
 * a problem naming the parameter and the lab opens as it would without it.
 */
export interface PresentLink {
  present: PresentState;
  embed: EmbedState;
  /** The scene to open (0-based), or null for the scenario the link itself holds. */
  scene: number | null;
  problems: string[];
}

const SCENES_KEY = 'brownout.scenes.v1';

/** A 0/1 switch of the link; anything else is a problem and counts as `fallback`. */
function readSwitch(name: string, text: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (text === undefined) return fallback;
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  problems.push(`${name}: ${quoteText(text)} is not 1 or 0; read as ${fallback ? 1 : 0}`);
  return fallback;
}

/** The lecturer's own list of scenes from the last visit, if any. */
export function loadSavedDeck(storage: Storage | undefined): Deck | null {
  try {
    const text = storage?.getItem(SCENES_KEY);
    if (!text) return null;
    const { deck, problem } = readDeck(text);
    return problem || deck.source !== 'links' ? null : deck;
  } catch {
    return null;
  }
}

export function saveDeck(storage: Storage | undefined, deck: Deck): void {
  if (deck.source !== 'links') return;
  try {
    storage?.setItem(SCENES_KEY, deck.text);
  } catch {
    // Storage full or disabled: the list lives in the link.
  }
}

export function readPresentLink(extras: LinkExtras, storage: Storage | undefined): PresentLink {
  const problems: string[] = [];
  const embedOn = readSwitch('embed', extras.embed, false, problems);
  const embed: EmbedState = embedOn
    ? {
        on: true,
        controls: readSwitch('controls', extras.controls, true, problems),
        autoplay: readSwitch('autoplay', extras.autoplay, false, problems),
      }
    : EMBED_OFF;
  let on = readSwitch('present', extras.present, false, problems) || extras.scene !== undefined;
  if (embedOn && on) {
    problems.push('present: an embedded lab cannot be in presentation mode; the embed was opened');
    on = false;
  }
  let deck: Deck = loadSavedDeck(storage) ?? PRESENT_OFF.deck;
  if (extras.scenes !== undefined) {
    const read = readDeck(extras.scenes);
    deck = read.deck;
    if (read.problem) problems.push(read.problem);
  }
  let scene: number | null = null;
  if (on && extras.scene !== undefined) {
    const count = scenesOf(deck).length;
    const n = Number(extras.scene);
    if (Number.isInteger(n) && n >= 1 && n <= count) scene = n - 1;
    else {
      problems.push(
        `scene: ${quoteText(extras.scene)} is not a scene of this list (1 to ${count}); scene 1 was opened`,
      );
      scene = 0;
    }
  }
  return { present: on ? { ...PRESENT_OFF, on, deck } : { ...PRESENT_OFF, deck }, embed, scene, problems };
}

/** What a link keeps of presentation or embed mode (nothing when neither is on). */
export function presentExtrasOf(s: Pick<WorkspaceState, 'present' | 'embed'>): LinkExtras {
  if (s.embed.on)
    return {
      embed: '1',
      ...(s.embed.controls ? {} : { controls: '0' }),
      ...(s.embed.autoplay ? { autoplay: '1' } : {}),
    };
  if (!s.present.on) return {};
  const scene = s.present.scene >= 0 ? { scene: String(s.present.scene + 1) } : {};
  return { present: '1', scenes: deckParam(s.present.deck), ...scene };
}

import { quoteText } from '../engine';
import type { LessonStep } from '../lessons/types';
import { DEFAULT_VIEW, readView, type AppViewKey } from './appViews';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { readFleetLink } from './fleetLink';
import { DEMO_STEPS } from './presentDemos';
import { lessonSteps } from './presentLessons';
import { withPrune, type Transition } from './transitions';
import { decodeLink } from './urlCodec';

/** One scene of a lecturer's sequence: the scenario (as a link's query), its caption, the question for the room. */
export interface Scene {
  link: string;
  caption: string;
  question: string;
  view: AppViewKey;
}

/** Where the scenes come from: the one-key demonstrations, a lesson's steps, or the lecturer's own links. */
export type Deck = { source: 'demos' } | { source: 'lesson'; id: string } | { source: 'links'; text: string };

export const MAX_SCENES = 50;
const MAX_CAPTION = 200;
const MAX_QUESTION = 300;

/** A lesson step (or a demonstration, written the same way) as a scene. */
export const sceneOfStep = (step: LessonStep): Scene => ({
  link: step.scenario ?? `v=1`,
  caption: step.title,
  question: step.question?.prompt ?? '',
  view: step.view ?? DEFAULT_VIEW,
});

/** The query string of a link written in full (`https://…/?v=1&…`), as a query (`?v=1…`) or bare (`v=1…`). */
function queryOf(text: string): string {
  const at = text.indexOf('?');
  return at >= 0 ? text.slice(at + 1) : text;
}

/**
 * A lecturer's own list, one scene a line: `link | caption | question` (caption and question optional).
 * Blank lines and lines starting with `#` are skipped. Each problem names the line.
 */
export function parseSceneList(text: string): { scenes: Scene[]; problems: string[] } {
  const scenes: Scene[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (scenes.length >= MAX_SCENES) {
      problems.push(`line ${i + 1}: a list holds at most ${MAX_SCENES} scenes; the rest were left out`);
      return;
    }
    const [link = '', caption = '', ...rest] = line.split('|').map((part) => part.trim());
    const question = rest.join(' | ');
    const query = queryOf(link);
    const decoded = decodeLink(query);
    for (const p of decoded?.problems ?? []) problems.push(`line ${i + 1}: ${p}`);
    const view = readView(decoded?.extras.view);
    if (view.problem) problems.push(`line ${i + 1}: ${view.problem}`);
    if (caption.length > MAX_CAPTION) problems.push(`line ${i + 1}: the caption was cut to ${MAX_CAPTION} characters`);
    if (question.length > MAX_QUESTION)
      problems.push(`line ${i + 1}: the question was cut to ${MAX_QUESTION} characters`);
    scenes.push({
      link: query,
      caption: caption.slice(0, MAX_CAPTION) || `Scene ${scenes.length + 1}`,
      question: question.slice(0, MAX_QUESTION),
      view: view.view,
    });
  });
  return { scenes, problems };
}

/** A list of scenes written back as text (what the editor starts from). */
export const sceneListText = (scenes: readonly Scene[]) =>
  scenes.map((s) => [`?${s.link}`, s.caption, s.question].join(' | ').replace(/( \| )+$/, '')).join('\n');

/** The scenes of a deck (none for a lesson this Brownout does not have). */
export function scenesOf(deck: Deck): Scene[] {
  if (deck.source === 'demos') return DEMO_STEPS.map(sceneOfStep);
  if (deck.source === 'lesson') return (lessonSteps(deck.id) ?? []).map(sceneOfStep);
  return parseSceneList(deck.text).scenes;
}

/** A deck's name in a link's `scenes=`: `demos`, `lesson:<id>`, or the list itself. */
export function deckParam(deck: Deck): string {
  if (deck.source === 'demos') return 'demos';
  if (deck.source === 'lesson') return `lesson:${deck.id}`;
  return deck.text;
}

/** A link's `scenes=` as a deck, or why it cannot be one. */
export function readDeck(text: string): { deck: Deck; problem?: string } {
  if (text === 'demos') return { deck: { source: 'demos' } };
  if (text.startsWith('lesson:')) {
    const id = text.slice('lesson:'.length);
    if (lessonSteps(id)) return { deck: { source: 'lesson', id } };
    return {
      deck: { source: 'demos' },
      problem: `scenes: there is no lesson ${quoteText(id)}; the demonstrations were opened`,
    };
  }
  const { scenes, problems } = parseSceneList(text);
  if (scenes.length === 0)
    return { deck: { source: 'demos' }, problem: 'scenes: the list holds no scene; the demonstrations were opened' };
  return { deck: { source: 'links', text }, problem: problems.length ? `scenes: ${problems.join('; ')}` : undefined };
}

/**
 * Shows scene `index` of the deck on screen, fresh: its scenario and view, no baseline, nothing of the
 * scene before (the panels wait for the new result rather than draw the old one under a new caption), the
 * playhead paused at the scene's `t` (or the start). null when there is no such scene.
 */
export const goToScene =
  (index: number, deck?: Deck): Transition =>
  (s) => {
    const d = deck ?? s.present.deck;
    const scenes = scenesOf(d);
    if (index < 0 || index >= scenes.length) return null;
    const scene = scenes[index];
    const link = decodeLink(scene.link);
    return withPrune(s, {
      scenario: link?.scenario ?? DEFAULT_SCENARIO,
      view: scene.view,
      // A fleet scene sets up its own fleet (`fleet=<preset>&fleet.<param>=…`); other scenes leave it.
      ...(scene.view === 'fleet' ? { fleet: readFleetLink(link?.extras ?? {}).setup } : {}),
      shownRunId: null,
      baselineRunId: null,
      baselineHeld: false,
      gesture: null,
      explain: null,
      share: null,
      playhead: { ...s.playhead, tMs: 0, playing: false },
      present: {
        ...s.present,
        deck: d,
        scene: index,
        blank: false,
        zoomed: null,
        pausedAt: null,
        sceneStartMs: link?.tMs ?? 0,
      },
    });
  };

/** The next or previous scene; at either end of the list nothing happens. */
export const stepScene =
  (direction: 1 | -1): Transition =>
  (s) =>
    goToScene(s.present.scene + direction)(s);

/** A deck chosen in the editor: its first scene opens and the editor closes. */
export const openDeck =
  (deck: Deck): Transition =>
  (s) => {
    const opened = goToScene(0, deck)(s);
    return opened ? { ...opened, present: { ...opened.present!, editing: false } } : null;
  };

import { useEffect, useId, useRef, useState } from 'react';
import { PRESENTABLE_LESSONS } from '../../state/presentLessons';
import { openDeck, parseSceneList, sceneListText, scenesOf, type Deck } from '../../state/presentScenes';
import * as pm from '../../state/presentMode';
import { workspaceQuery } from '../../state/workspaceLink';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';

/** The lecturer's list as text: one scene a line, `link | caption | question`. */
const EXAMPLE = '?v=1&strategy=postcopy | Post-copy | Which pages fault first?';

/**
 * Where the scenes come from: the demonstrations, a lesson, or the lecturer's own list of links, edited
 * here (kept in the link and in this browser). Problems in the list are named by line before it is used.
 */
export function SceneEditor() {
  const { store } = useWorkspaceContext();
  const deck = useWorkspace((s) => s.present.deck);
  const [text, setText] = useState(() =>
    deck.source === 'links' ? deck.text : sceneListText(scenesOf({ source: 'demos' })),
  );
  const id = useId();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => areaRef.current?.focus(), []);
  const { scenes, problems } = parseSceneList(text);
  const open = (d: Deck) => store.getState().apply(openDeck(d));
  const addCurrent = () => {
    const s = store.getState();
    const query = workspaceQuery({ ...s, present: pm.PRESENT_OFF, embed: pm.EMBED_OFF });
    setText(`${text.trimEnd()}${text.trim() ? '\n' : ''}?${query} | ${s.scenario.name || 'New scene'} | `);
  };
  return (
    <div className="scene-editor" role="dialog" aria-label="Scenes">
      <h2>Scenes</h2>
      <div className="scene-editor__decks">
        <button type="button" onClick={() => open({ source: 'demos' })} aria-pressed={deck.source === 'demos'}>
          The four demonstrations
        </button>
        {PRESENTABLE_LESSONS.map((l) => (
          <button
            key={l.id}
            type="button"
            onClick={() => open({ source: 'lesson', id: l.id })}
            aria-pressed={deck.source === 'lesson' && deck.id === l.id}
          >
            Lesson: {l.title}
          </button>
        ))}
      </div>
      <label htmlFor={id}>Your own scenes, one a line: link | caption | question</label>
      <textarea
        id={id}
        ref={areaRef}
        value={text}
        rows={6}
        spellCheck={false}
        placeholder={EXAMPLE}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {problems.length > 0 && (
        <ul className="scene-editor__problems" aria-label="Problems in the list">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="scene-editor__buttons">
        <button type="button" onClick={addCurrent}>
          Add the scenario on screen
        </button>
        <button type="button" disabled={scenes.length === 0} onClick={() => open({ source: 'links', text })}>
          Show these {scenes.length} scenes
        </button>
        <button type="button" onClick={() => store.getState().apply(pm.toggleEditor)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

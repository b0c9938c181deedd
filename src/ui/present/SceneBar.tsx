import { scenesOf } from '../../state/presentScenes';
import { useWorkspace } from '../../state/WorkspaceContext';
import { ActionButton } from '../actions/ActionButton';
import { ShortcutSheet } from '../playback/ShortcutSheet';
import { PresenterMenu } from './PresenterMenu';

/** Presentation mode's top line: which scene, its caption and the question for the room; the presenter's menu. */
export function SceneBar() {
  const deck = useWorkspace((s) => s.present.deck);
  const index = useWorkspace((s) => s.present.scene);
  const name = useWorkspace((s) => s.scenario.name);
  const scenes = scenesOf(deck);
  const scene = index >= 0 ? scenes[index] : null;
  return (
    <header className="scene-bar" aria-label="Scene">
      <p className="scene-bar__count" aria-label="Scene number">
        {scene ? `${index + 1} / ${scenes.length}` : `0 / ${scenes.length}`}
      </p>
      <div className="scene-bar__text">
        <h1 className="scene-bar__caption">{scene?.caption ?? (name || 'The scenario from the lab')}</h1>
        {scene?.question ? (
          <p className="scene-bar__question">
            <span className="scene-bar__ask">Ask the room:</span> {scene.question}
          </p>
        ) : (
          !scene && <p className="scene-bar__question">Page Down opens the first scene.</p>
        )}
      </div>
      <div className="scene-bar__tools">
        <PresenterMenu />
        <ShortcutSheet />
        <ActionButton action="present:toggle">Exit</ActionButton>
      </div>
    </header>
  );
}

import type { MouseEvent } from 'react';
import { EMBED_OFF } from '../../state/presentMode';
import type { WorkspaceState } from '../../state/workspace';
import { workspaceQuery } from '../../state/workspaceLink';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { HostsPanel } from '../hosts/HostsPanel';
import { useLabView } from '../lab/useLabView';
import { Notices } from '../Notices';
import { PlaybackBar } from '../playback/PlaybackBar';
import './embed.css';

/** The full lab's address for what the embed shows: the same scenario (and playhead), without the embed. */
const labQuery = (s: WorkspaceState) => workspaceQuery({ ...s, embed: EMBED_OFF });

/**
 * An embedded lab (`?embed=1`, in a slide or a course page's iframe): the stage and the play bar only
 * (`controls=0`: the stage alone), sized to its frame, and a link that opens the whole lab on the same
 * scenario in a new tab.
 */
export function EmbedScreen() {
  const { store } = useWorkspaceContext();
  const { run, stale } = useLabView();
  const controls = useWorkspace((s) => s.embed.controls);
  // The link follows the scenario; the playhead (it moves every frame) is read again when it is followed.
  const scenario = useWorkspace((s) => s.scenario);
  const href = `${window.location.pathname}?${labQuery({ ...store.getState(), scenario })}`;
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = `${window.location.pathname}?${labQuery(store.getState())}`;
  };
  return (
    <div className="embed" data-controls={controls ? undefined : 'off'}>
      <Notices />
      <main className="embed__stage">
        <HostsPanel run={run} stale={stale} />
      </main>
      <div className="embed__bar">
        {controls && <PlaybackBar run={run} />}
        <a className="embed__open" href={href} target="_blank" rel="noopener" onClick={follow} onAuxClick={follow}>
          Open in Brownout
        </a>
      </div>
    </div>
  );
}

import type { Scenario } from '../engine';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { loadSavedScenario } from './persistence';
import { readView } from './appViews';
import { restoreViews } from './restoreViews';
import { readFleetLink } from './fleetLink';
import { readPresentLink } from './presentLink';
import { goToScene } from './presentScenes';
import { decodeLink } from './urlCodec';
import { createWorkspaceStore, type WorkspaceStore } from './workspace';

/**
 * The workspace's first state: a shared link wins; otherwise the scenario from the last visit; otherwise
 * the default. A link with problems still opens, on defaults for what was wrong, with a notice saying what.
 */
export function bootWorkspace(search: string, storage: Storage | undefined): WorkspaceStore {
  const link = decodeLink(search);
  const saved = link ? null : loadSavedScenario(storage);
  const scenario: Scenario = link?.scenario ?? saved ?? DEFAULT_SCENARIO;
  const store = createWorkspaceStore(scenario);
  if (link?.tMs !== null && link?.tMs !== undefined)
    store.setState({ playhead: { ...store.getState().playhead, tMs: link.tMs } });
  const view = readView(link?.extras.view);
  const fleet = readFleetLink(link?.extras ?? {});
  store.setState({ view: view.view, fleet: fleet.setup });
  const present = readPresentLink(link?.extras ?? {}, storage);
  store.setState({ present: present.present, embed: present.embed });
  if (present.scene !== null) store.getState().apply(goToScene(present.scene));
  const problems = [
    ...(link?.problems ?? []),
    ...(view.problem ? [view.problem] : []),
    ...restoreViews(store, link?.extras ?? {}),
    ...fleet.problems,
    ...present.problems,
  ];
  if (problems.length > 0)
    store.getState().notify({
      tone: 'warning',
      title: 'This link could not be read in full',
      lines: problems,
    });
  return store;
}

import { applyPreset, scenarioOrThrow, type Scenario, type Trace } from '../engine';
import { runEndMs } from '../engine';
import type { FieldChange, FieldPath } from './fieldPaths';
import { isLiveField } from './fields';
import { setPath } from './paths';
import type { Playhead } from './playhead';
import { reconcile } from './reconcile';

/**
 * How a caller wants a field change applied: an edit of the scenario itself, or an intervention: the
 * parameter changes at `atMs` of the run, which runs as before until then. The caller decides (a slider
 * dragged while the migration plays, a lesson step setting up its scenario); the store never guesses.
 */
export type Change = { kind: 'edit' } | { kind: 'intervention'; atMs: number };

export const EDIT: Change = { kind: 'edit' };

/**
 * The lab's rule for its controls: a live parameter changed while the shown migration is playing, or
 * with the playhead inside it, becomes an intervention at the playhead; anything else edits the scenario.
 * Callers ask once, when their gesture begins, so a whole drag lands at one time.
 */
export function labChangeFor(path: FieldPath, shown: Trace | null, playhead: Playhead): Change {
  if (!shown || !isLiveField(path)) return EDIT;
  const midMigration = playhead.playing || (playhead.tMs > 0 && playhead.tMs < runEndMs(shown.summary));
  return midMigration ? { kind: 'intervention', atMs: Math.round(playhead.tMs) } : EDIT;
}

/** A preset owns the whole workload and the used memory (see applyPreset). */
const ownedByPreset = (path: string) =>
  (path.startsWith('workload.') && path !== 'workload.preset') || path === 'vm.usedMiB';

/** A new memory size under a preset takes the preset's figures for that size, so the picker stays true. */
function presetKept(s: Scenario, path: string): Scenario {
  return path === 'vm.memoryMiB' && s.workload.preset !== 'custom' ? applyPreset(s, s.workload.preset) : s;
}

/** Editing a figure the preset owns by hand leaves the preset behind. */
function markCustom(s: Scenario): Scenario {
  return s.workload.preset === 'custom' ? s : { ...s, workload: { ...s.workload, preset: 'custom' } };
}

function editField(scenario: Scenario, { path, value }: FieldChange): Scenario {
  // Choosing a preset sets every field it owns.
  if (path === 'workload.preset') return value === 'custom' ? markCustom(scenario) : applyPreset(scenario, value);
  const next = reconcile(setPath(scenario, path, value), path, scenario);
  return ownedByPreset(path) ? markCustom(next) : presetKept(next, path);
}

/**
 * The scenario after some field changes, applied as the caller said. An intervention replaces one on
 * the same field at the same time (so a drag edits one intervention instead of adding many); a field
 * that cannot change mid-run is edited instead. Throws when the result is not a valid scenario.
 */
export function applyFieldChanges(scenario: Scenario, changes: readonly FieldChange[], change: Change): Scenario {
  let next = scenario;
  for (const c of changes) {
    if (change.kind === 'intervention' && isLiveField(c.path)) {
      const { atMs } = change;
      const others = next.interventions.filter((iv) => !(iv.path === c.path && iv.atMs === atMs));
      const interventions = [...others, { atMs, path: c.path, value: c.value as number | boolean }].sort(
        (a, b) => a.atMs - b.atMs,
      );
      next = { ...next, interventions };
    } else next = editField(next, c);
  }
  return scenarioOrThrow(next);
}

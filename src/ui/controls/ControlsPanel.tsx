import { useLab } from '../../state/LabContext';
import { getPath, valueAt } from '../../state/paths';
import { MoreSettings } from './MoreSettings';
import { StepSlider } from './StepSlider';
import { SLIDERS } from './sliders';
import { Toggle } from './Toggle';
import { WholeMigrationSettings } from './WholeMigrationSettings';

const TOGGLES = [
  {
    label: 'Dirty tracking from boot',
    path: 'precopy.trackFromBoot',
    hint: 'Writes were tracked since the VM booted, so round 1 can skip pages never written instead of scanning them.',
  },
  {
    label: 'Auto-converge',
    path: 'precopy.autoConverge',
    hint: "QEMU's lever: throttle the vCPUs (20 %, then +10 % steps) while the guest dirties faster than pages go out.",
  },
  {
    label: 'Zero-page detection',
    path: 'precopy.zeroPageDetection',
    hint: 'Send never-written pages as 9-byte markers instead of full 4 KiB pages.',
  },
] as const;

/** The left column: the knobs a student turns. */
export function ControlsPanel() {
  const scenario = useLab((s) => s.scenario);
  const changeField = useLab((s) => s.changeField);
  // Sliders show the value in force at the playhead. Only the last intervention passed matters, so the
  // panel re-renders when the playhead crosses one, not on every frame of playback.
  const tMs = useLab((s) =>
    s.scenario.interventions.reduce((last, iv) => (iv.atMs <= s.tMs ? Math.max(last, iv.atMs) : last), -1),
  );
  return (
    <section className="region region--controls" aria-label="Controls">
      <h2>Controls</h2>
      {SLIDERS.map((def) => (
        <StepSlider
          key={def.path}
          label={def.label}
          hint={def.hint}
          values={def.values(scenario)}
          value={valueAt(scenario, def.path, tMs) as number}
          format={(v) => def.format(v, scenario)}
          onChange={(v) => changeField(def.path, v)}
        />
      ))}
      <div className="toggles">
        {TOGGLES.map((t) => (
          <Toggle
            key={t.path}
            label={t.label}
            hint={t.hint}
            checked={getPath(scenario, t.path) as boolean}
            onChange={(v) => changeField(t.path, v)}
          />
        ))}
      </div>
      <MoreSettings />
      <WholeMigrationSettings />
    </section>
  );
}

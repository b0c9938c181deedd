import { fieldsIn } from '../../state/fields';
import { FieldControl } from './FieldControl';
import { MoreSettings } from './MoreSettings';
import { WholeMigrationSettings } from './WholeMigrationSettings';

/** The left column: the knobs a student turns, from the field registry. */
export function ControlsPanel() {
  const fields = fieldsIn('controls');
  return (
    <section className="region region--controls" aria-label="Controls">
      <h2>Controls</h2>
      {fields
        .filter((f) => f.control === 'slider')
        .map((f) => (
          <FieldControl key={f.path} def={f} />
        ))}
      <div className="toggles">
        {fields
          .filter((f) => f.control !== 'slider')
          .map((f) => (
            <FieldControl key={f.path} def={f} />
          ))}
      </div>
      <MoreSettings />
      <WholeMigrationSettings />
    </section>
  );
}

import { fieldsIn } from '../../state/fields';
import { FaultEditor } from './FaultEditor';
import { FieldControl } from './FieldControl';

/** Everything around the memory copy: the destination, how each resource is named, special devices, faults. */
export function WholeMigrationSettings() {
  return (
    <details className="more-settings">
      <summary>Whole migration</summary>
      {fieldsIn('whole-migration').map((f) =>
        f.control === 'list' ? <FaultEditor key={f.path} /> : <FieldControl key={f.path} def={f} />,
      )}
    </details>
  );
}

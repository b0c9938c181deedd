import { fieldsIn } from '../../state/fields';
import { FieldControl } from './FieldControl';

/** Everything beyond the main sliders, folded away so the projector view stays calm. */
export function MoreSettings() {
  return (
    <details className="more-settings">
      <summary>More settings</summary>
      {fieldsIn('more').map((f) => (
        <FieldControl key={f.path} def={f} />
      ))}
    </details>
  );
}

import type { Variant } from '../../engine';
import { fieldDef, fieldsIn } from '../../state/fields';
import { VARIANT_INFO } from '../../state/variantFields';
import { useWorkspace } from '../../state/WorkspaceContext';
import { FieldControl } from '../controls/FieldControl';

const SELF_FIELDS = ['selfMigration.copyCpuPct', 'selfMigration.footprintMiB', 'selfMigration.holdBackWorkingSet'];
const TDX_DETAIL = (path: string) => path.startsWith('vm.confidential.') && path !== 'vm.confidential.kind';

/**
 * "Who drives it": the three variants with what each needs, the guest's help for the paravirtual one, the
 * self-migrating guest's costs, and the confidential VM with the checks its Migration TDs make.
 */
export function VariantsControls() {
  const variant = useWorkspace((s) => s.scenario.variant);
  const tdx = useWorkspace((s) => s.scenario.vm.confidential.kind === 'tdx');
  const fields = fieldsIn('variants');
  const show = (path: string) => {
    const def = fieldDef(path);
    return def ? <FieldControl key={path} def={def} /> : null;
  };
  return (
    <section className="region variants-controls" aria-label="Who drives it">
      <h2>Variant</h2>
      {show('variant')}
      <ul className="variants-list">
        {(Object.keys(VARIANT_INFO) as Variant[]).map((v) => (
          <li key={v} className={v === variant ? 'variants-list__item is-chosen' : 'variants-list__item'}>
            <strong>{VARIANT_INFO[v].label}</strong>
            <span className="variants-needs">{VARIANT_INFO[v].needs}</span>
            <span>{VARIANT_INFO[v].changes}</span>
          </li>
        ))}
      </ul>
      <h3>The guest’s help</h3>
      {show('vm.freeMiB')}
      {show('precopy.freePageHinting')}
      {show('precopy.stunRogue')}
      {variant !== 'paravirtual' && (
        <p className="variants-note">
          {variant === 'self'
            ? 'A self-migrating guest skips its own free memory by itself: no hints are needed.'
            : 'A managed guest gives no help: turning either on makes the migration paravirtual.'}
        </p>
      )}
      <fieldset className="variants-fieldset" disabled={variant !== 'self'}>
        <legend>Self-migration{variant !== 'self' && ': choose it above'}</legend>
        {fields.filter((f) => SELF_FIELDS.includes(f.path)).map((f) => show(f.path))}
      </fieldset>
      <h3>Confidential VM</h3>
      {show('vm.confidential.kind')}
      <fieldset className="variants-fieldset" disabled={!tdx}>
        <legend>{tdx ? 'The trust domain and its destination' : 'Turn it on to set the trust domain'}</legend>
        {fields.filter((f) => TDX_DETAIL(f.path)).map((f) => show(f.path))}
      </fieldset>
    </section>
  );
}

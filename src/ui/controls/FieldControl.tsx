import type { ChoiceField, FieldDef, SliderField, ToggleField } from '../../state/fields';
import type { FieldChange } from '../../state/fieldPaths';
import { getPath, valueAt } from '../../state/paths';
import { useWorkspace } from '../../state/WorkspaceContext';
import { Choice } from './Choice';
import { formatFieldValue } from './fieldFormat';
import { StepSlider } from './StepSlider';
import { Toggle } from './Toggle';
import { useFieldChange } from './useFieldChange';

/** A slider from the registry; it shows the value in force at the playhead (an intervention once passed). */
function FieldSlider({ def }: { def: SliderField }) {
  const scenario = useWorkspace((s) => s.scenario);
  const value = useWorkspace((s) => valueAt(s.scenario, def.path, s.playhead.tMs) as number);
  const { set, handlers } = useFieldChange(def.path);
  return (
    <StepSlider
      field={def.path}
      label={def.label}
      hint={def.hint}
      values={def.steps(scenario)}
      value={value}
      format={(v) => formatFieldValue(def.display, v, scenario)}
      onChange={(v) => set([{ path: def.path, value: v } as FieldChange])}
      gestureHandlers={handlers}
    />
  );
}

function FieldToggle({ def }: { def: ToggleField }) {
  const scenario = useWorkspace((s) => s.scenario);
  const { set } = useFieldChange(def.path);
  const checked = def.read ? def.read(scenario) : (getPath(scenario, def.path) as boolean);
  return (
    <Toggle
      field={def.path}
      label={def.label}
      hint={def.hint}
      checked={checked}
      onChange={(on) => set(def.write ? def.write(on, scenario) : [{ path: def.path, value: on } as FieldChange])}
    />
  );
}

function FieldChoice({ def }: { def: ChoiceField }) {
  const scenario = useWorkspace((s) => s.scenario);
  const value = getPath(scenario, def.path) as string;
  const { set } = useFieldChange(def.path);
  const write = def.write;
  return (
    <Choice
      field={def.path}
      label={def.label}
      hint={def.hint}
      value={value}
      options={def.options as readonly { value: string; label: string }[]}
      onChange={(v) => set(write ? write(v, scenario) : [{ path: def.path, value: v } as FieldChange])}
    />
  );
}

/** The control a registry entry asks for (sliders, switches and menus; lists and numbers have their own). */
export function FieldControl({ def }: { def: FieldDef }) {
  switch (def.control) {
    case 'slider':
      return <FieldSlider def={def} />;
    case 'toggle':
      return <FieldToggle def={def} />;
    case 'choice':
      return <FieldChoice def={def} />;
    default:
      throw new Error(`${def.path}: a ${def.control} field has its own editor`);
  }
}

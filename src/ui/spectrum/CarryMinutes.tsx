import { useId, useState } from 'react';
import { fieldDef, fieldRange, type NumberField } from '../../state/fields';
import { useWorkspace } from '../../state/WorkspaceContext';

const FIELD = fieldDef('host.carryMinutes') as NumberField<'host.carryMinutes'>;
const RANGE = fieldRange(FIELD.path)!;

/** How long it takes to carry the saved VM to the other place, in minutes. */
export function CarryMinutes() {
  const id = useId();
  const carryMinutes = useWorkspace((s) => s.scenario.host.carryMinutes);
  const change = useWorkspace((s) => s.changeField);

  // What is typed, kept while it is not a valid number; follows the scenario when it changes elsewhere.
  const [typed, setTyped] = useState({ text: String(carryMinutes), for: carryMinutes });
  const text = typed.for === carryMinutes ? typed.text : String(carryMinutes);
  const onType = (value: string) => {
    const minutes = Number(value);
    const valid = value.trim() !== '' && Number.isFinite(minutes) && minutes >= RANGE.min && minutes <= RANGE.max;
    setTyped({ text: value, for: valid ? minutes : carryMinutes });
    if (valid && minutes !== carryMinutes) change(FIELD.path, minutes);
  };
  const invalid = Number(text) !== carryMinutes || text.trim() === '';

  return (
    <div className="spectrum-carry" data-field={FIELD.path} title={FIELD.hint}>
      <label htmlFor={`${id}-carry`}>{FIELD.label}</label>
      <input
        id={`${id}-carry`}
        type="number"
        inputMode="numeric"
        min={RANGE.min}
        max={RANGE.max}
        step={FIELD.step}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${id}-carry-unit`}
        onChange={(e) => onType(e.currentTarget.value)}
        onBlur={() => setTyped({ text: String(carryMinutes), for: carryMinutes })}
      />
      <span id={`${id}-carry-unit`}>{FIELD.unitLabel}</span>
    </div>
  );
}

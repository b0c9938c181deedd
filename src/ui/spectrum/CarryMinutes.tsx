import { useId, useState } from 'react';
import { useLab } from '../../state/LabContext';

const MAX_CARRY_MINUTES = 100_000;

/** How long it takes to carry the saved VM to the other place, in minutes. */
export function CarryMinutes() {
  const id = useId();
  const carryMinutes = useLab((s) => s.scenario.host.carryMinutes);
  const change = useLab((s) => s.changeField);

  // What is typed, kept while it is not a valid number; follows the scenario when it changes elsewhere.
  const [typed, setTyped] = useState({ text: String(carryMinutes), for: carryMinutes });
  const text = typed.for === carryMinutes ? typed.text : String(carryMinutes);
  const onType = (value: string) => {
    const minutes = Number(value);
    const valid = value.trim() !== '' && Number.isFinite(minutes) && minutes >= 0 && minutes <= MAX_CARRY_MINUTES;
    setTyped({ text: value, for: valid ? minutes : carryMinutes });
    if (valid && minutes !== carryMinutes) change('host.carryMinutes', minutes);
  };
  const invalid = Number(text) !== carryMinutes || text.trim() === '';

  return (
    <div className="spectrum-carry">
      <label htmlFor={`${id}-carry`}>Time to carry the disk</label>
      <input
        id={`${id}-carry`}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_CARRY_MINUTES}
        step={5}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${id}-carry-unit`}
        onChange={(e) => onType(e.currentTarget.value)}
        onBlur={() => setTyped({ text: String(carryMinutes), for: carryMinutes })}
      />
      <span id={`${id}-carry-unit`}>minutes</span>
    </div>
  );
}

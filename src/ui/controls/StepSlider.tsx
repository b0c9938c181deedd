import { useId, type HTMLAttributes } from 'react';
import { FieldHelp } from '../glossary/GlossaryLink';
import { Hint } from './Hint';

export interface StepSliderProps {
  label: string;
  hint: string;
  /** The values the slider steps through, in order. */
  values: readonly number[];
  value: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
  /** The scenario field it sets (for tests and lessons that point at a control). */
  field?: string;
  /** Where a gesture begins and ends (pointer down..up, a burst of keys). */
  gestureHandlers?: Pick<HTMLAttributes<HTMLInputElement>, 'onPointerDown' | 'onKeyDown' | 'onKeyUp' | 'onBlur'>;
}

/** Index of the listed value closest to `value` (a hand-edited link may hold a value between steps). */
export function nearestIndex(values: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i] - value) < Math.abs(values[best] - value)) best = i;
  return best;
}

/** A labelled range input over a list of sensible values, showing the value with its unit. */
export function StepSlider({ label, hint, values, value, format, onChange, field, gestureHandlers }: StepSliderProps) {
  const id = useId();
  const text = format(value);
  return (
    <div className="control control--slider" data-field={field}>
      <div className="control__head">
        <label htmlFor={id}>{label}</label>
        <FieldHelp field={field} />
        <output htmlFor={id} className="control__value">
          {text}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={values.length - 1}
        step={1}
        value={nearestIndex(values, value)}
        aria-valuetext={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(values[Number(e.currentTarget.value)])}
        {...gestureHandlers}
      />
      <Hint id={`${id}-hint`} text={hint} />
    </div>
  );
}

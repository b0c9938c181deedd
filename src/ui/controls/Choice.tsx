import { useId } from 'react';
import { FieldHelp } from '../glossary/GlossaryLink';
import { Hint } from './Hint';

/** A labelled select over a few named options. */
export function Choice<T extends string>(props: {
  label: string;
  hint: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  field?: string;
}) {
  const id = useId();
  return (
    <div className="control control--choice" data-field={props.field}>
      <label htmlFor={id}>{props.label}</label>
      <FieldHelp field={props.field} />
      <select
        id={id}
        value={props.value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={`${id}-hint`} text={props.hint} />
    </div>
  );
}

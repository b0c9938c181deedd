import { useId } from 'react';
import { FieldHelp } from '../glossary/GlossaryLink';
import { Hint } from './Hint';

export function Toggle(props: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  field?: string;
}) {
  const id = useId();
  return (
    <div className="control control--toggle" data-field={props.field}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <FieldHelp field={props.field} />
      <Hint id={`${id}-hint`} text={props.hint} />
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { fieldRange, fieldUnit } from '../../state/fields';
import {
  cancelSweep,
  checkSpec,
  defaultSpec,
  isLogRange,
  MAX_SWEEP_POINTS,
  requestSweep,
  SWEEP_FIELDS,
  sweepField,
  sweepProgress,
  type SweepSpec,
} from '../../state/sweep';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';

/** The sweep's settings: the field, its range and number of points, one series or one per strategy. */
export function SweepForm() {
  const { store } = useWorkspaceContext();
  const current = useWorkspace((s) => s.sweep.spec);
  const status = useWorkspace((s) => s.sweep.status);
  const settled = useWorkspace((s) => sweepProgress(s.sweep).settled);
  const total = useWorkspace((s) => s.sweep.points.length);
  const [spec, setSpec] = useState<SweepSpec>(current);
  const [problems, setProblems] = useState<string[]>([]);
  const running = status === 'running';
  const range = fieldRange(spec.field);
  const unit = fieldUnit(spec.field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wrong = checkSpec(spec);
    setProblems(wrong);
    if (wrong.length === 0) store.getState().apply(requestSweep(spec, store.getState().scenario));
  };
  const number = (key: 'from' | 'to' | 'points', label: string, extra: Record<string, number | string>) => (
    <label className="sweep-form__field">
      {label}
      <input
        type="number"
        value={Number.isFinite(spec[key]) ? spec[key] : ''}
        onChange={(e) => setSpec({ ...spec, [key]: e.currentTarget.valueAsNumber })}
        {...extra}
      />
    </label>
  );
  return (
    <form className="sweep-form" onSubmit={submit} aria-label="Sweep settings">
      <label className="sweep-form__field">
        Field
        <select
          value={spec.field}
          onChange={(e) => {
            const def = sweepField(e.currentTarget.value);
            if (def) setSpec(defaultSpec(def.path, store.getState().scenario, spec.eachStrategy));
          }}
        >
          {SWEEP_FIELDS.map((f) => (
            <option key={f.path} value={f.path}>
              {f.label} ({fieldUnit(f.path)})
            </option>
          ))}
        </select>
      </label>
      {number('from', `From (${unit})`, { min: range?.min ?? 0, max: range?.max ?? 1e9, step: 'any' })}
      {number('to', `To (${unit})`, { min: range?.min ?? 0, max: range?.max ?? 1e9, step: 'any' })}
      {number('points', 'Points', { min: 2, max: MAX_SWEEP_POINTS, step: 1 })}
      <label className="sweep-form__check">
        <input
          type="checkbox"
          checked={spec.eachStrategy}
          onChange={(e) => setSpec({ ...spec, eachStrategy: e.currentTarget.checked })}
        />
        One series per strategy
      </label>
      <span className="sweep-form__note">
        {isLogRange(spec.from, spec.to) ? 'log spacing (the range spans decades)' : 'even spacing'}
        {spec.eachStrategy && Number.isFinite(spec.points) ? ` · ${spec.points * 4} runs` : ''}
      </span>
      <button type="submit" className="sweep-form__go" disabled={running}>
        Run sweep
      </button>
      {running && (
        <>
          <progress max={total} value={settled} aria-label="Sweep progress" />
          <span role="status">
            {settled} of {total} points
          </span>
          <button type="button" onClick={() => store.getState().apply(cancelSweep)}>
            Cancel sweep
          </button>
        </>
      )}
      {problems.length > 0 && (
        <ul className="sweep-form__problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

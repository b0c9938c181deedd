import { useId, useState } from 'react';
import { FAULT_KINDS, FAULT_MOMENTS, type Fault, type FaultKind } from '../../engine';
import { fieldDef } from '../../state/fields';
import { useWorkspace } from '../../state/WorkspaceContext';
import { formatMs } from '../format';

const KIND_LABELS: Record<FaultKind, string> = {
  'network-drop': 'Network drop',
  'destination-crash': 'Destination crash',
  'source-crash': 'Source crash',
  'link-degradation': 'Link degradation',
};
const MOMENT_LABELS: Record<(typeof FAULT_MOMENTS)[number], string> = {
  'at-time': 'at a time',
  brownout: 'into the brownout',
  blackout: 'into the blackout',
  'after-commit': 'after the commit',
};

export function describeFault(f: Fault): string {
  const when = f.when === 'at-time' ? `at ${formatMs(f.atMs)}` : `${formatMs(f.atMs)} ${MOMENT_LABELS[f.when]}`;
  const extra =
    f.kind === 'network-drop'
      ? ` for ${formatMs(f.durationMs)}`
      : f.kind === 'link-degradation'
        ? ` to ${f.factorPct} %`
        : '';
  return `${KIND_LABELS[f.kind]}${extra}, ${when}`;
}

/** Inject faults: what fails, when (a time or a step), and for how long; each listed with a remove button. */
export function FaultEditor() {
  const faults = useWorkspace((s) => s.scenario.faults);
  const change = useWorkspace((s) => s.changeField);
  const id = useId();
  const [draft, setDraft] = useState<Fault>({
    kind: 'network-drop',
    when: 'brownout',
    atMs: 2000,
    durationMs: 2000,
    factorPct: 10,
  });
  const set = (patch: Partial<Fault>) => setDraft({ ...draft, ...patch });
  return (
    <fieldset className="fault-editor" data-field="faults">
      <legend>{fieldDef('faults')!.label}</legend>
      {faults.length > 0 && (
        <ul className="fault-list">
          {faults.map((f, i) => (
            <li key={i}>
              {describeFault(f)}{' '}
              <button
                type="button"
                aria-label={`Remove fault: ${describeFault(f)}`}
                onClick={() =>
                  change(
                    'faults',
                    faults.filter((_, j) => j !== i),
                  )
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="fault-form">
        <label htmlFor={`${id}-kind`}>What fails</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(e) => set({ kind: e.currentTarget.value as FaultKind })}
        >
          {FAULT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-when`}>When</label>
        <select
          id={`${id}-when`}
          value={draft.when}
          onChange={(e) => set({ when: e.currentTarget.value as Fault['when'] })}
        >
          {FAULT_MOMENTS.map((m) => (
            <option key={m} value={m}>
              {MOMENT_LABELS[m]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-at`}>{draft.when === 'at-time' ? 'At (ms)' : 'Delay (ms)'}</label>
        <input
          id={`${id}-at`}
          type="number"
          min={0}
          step={100}
          value={draft.atMs}
          onChange={(e) => set({ atMs: Math.max(0, Number(e.currentTarget.value) || 0) })}
        />
        {draft.kind === 'network-drop' && (
          <>
            <label htmlFor={`${id}-duration`}>Lasts (ms)</label>
            <input
              id={`${id}-duration`}
              type="number"
              min={0}
              step={500}
              value={draft.durationMs}
              onChange={(e) => set({ durationMs: Math.max(0, Number(e.currentTarget.value) || 0) })}
            />
          </>
        )}
        {draft.kind === 'link-degradation' && (
          <>
            <label htmlFor={`${id}-factor`}>Speed left (%)</label>
            <input
              id={`${id}-factor`}
              type="number"
              min={1}
              max={100}
              value={draft.factorPct}
              onChange={(e) => set({ factorPct: Math.min(100, Math.max(1, Number(e.currentTarget.value) || 1)) })}
            />
          </>
        )}
      </div>
      <button type="button" disabled={faults.length >= 8} onClick={() => change('faults', [...faults, draft])}>
        Inject fault
      </button>
    </fieldset>
  );
}

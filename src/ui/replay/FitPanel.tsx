import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import {
  WRITE_PATTERNS,
  withinTolerance,
  type FitFigures,
  type FitOverrides,
  type FitResult,
  type Scenario,
} from '../../engine';
import { openFileStoreOf, startFit } from '../../state/openFileStore';
import * as t from '../../state/transitions';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { ExportMenu } from '../export/ExportMenu';
import { fileStem, fitTable } from '../export/exportData';
import { formatBytes, formatMs } from '../format';

const FIGURES: { key: keyof FitFigures; label: string; format: (v: number) => string }[] = [
  { key: 'downtimeMs', label: 'Downtime', format: formatMs },
  { key: 'totalTimeMs', label: 'Total time', format: formatMs },
  { key: 'bytesTransferred', label: 'Bytes transferred', format: formatBytes },
  { key: 'iterations', label: 'Rounds', format: String },
  { key: 'postcopyBytes', label: 'Post-copy bytes', format: formatBytes },
  { key: 'postcopyRequests', label: 'Post-copy requests', format: String },
  { key: 'converged', label: 'Converged', format: String },
  { key: 'outcome', label: 'Outcome', format: String },
];

const PATTERN_LABELS: Record<(typeof WRITE_PATTERNS)[number], string> = {
  uniform: 'uniform over the working set',
  hotcold: 'hot and cold pages',
  sequential: 'sequential sweep',
  zipf: 'Zipf (a few pages very hot)',
};

const show = (v: number | boolean | string | undefined, format: (v: number) => string) =>
  v === undefined ? '–' : typeof v === 'number' ? format(v) : String(v);

function errorText(error: number | null | undefined, measured: unknown): string {
  if (error === undefined) return '–';
  if (typeof measured !== 'number') return error === 0 ? 'agrees' : 'differs';
  if (error === null) return 'n/a (measured 0)';
  const pct = error * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)} %`;
}

/** Measured against predicted, figure by figure, with the relative error and whether it is within tolerance. */
function FitTable({ fit }: { fit: FitResult }) {
  return (
    <table className="fit-table">
      <caption>Predicted against measured</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Measured</th>
          <th scope="col">Predicted</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {FIGURES.filter((f) => fit.measured[f.key] !== undefined).map((f) => {
          const m = fit.measured[f.key]!;
          const p = fit.predicted[f.key];
          const ok = p !== undefined && withinTolerance(f.key, m, p);
          return (
            <tr key={f.key} data-figure={f.key}>
              <th scope="row">{f.label}</th>
              <td className="is-number">{show(m, f.format)}</td>
              <td className="is-number">{show(p, f.format)}</td>
              <td
                className={`is-number ${ok ? 'is-within' : 'is-outside'}`}
                title={ok ? 'within the tolerance for real runs' : 'outside the tolerance for real runs'}
              >
                {errorText(fit.errors[f.key], m)} {ok ? '✓' : '✗'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The user's answers to what a record cannot tell, as fit overrides (blank fields are left to the estimate). */
function overridesOf(pattern: string, wssMiB: string, rateMiBps: string): FitOverrides {
  const o: FitOverrides = {};
  if (pattern) o['workload.pattern'] = pattern;
  if (wssMiB.trim()) o['workload.wssMiB'] = wssMiB.trim();
  if (rateMiBps.trim()) o['workload.writeRateMiBps'] = rateMiBps.trim();
  return o;
}

const estimateText = (n: number) => `estimated ${Number(n.toFixed(n < 10 ? 1 : 0))}`;

/**
 * "Fit": the simulator's parameters derived from the record, run on the engine pool and compared with it.
 * The user can tell it the write pattern, working set and write rate, and fit again.
 */
export function FitPanel({ estimated, tag }: { estimated: Scenario; tag: string }) {
  const { store, pool } = useWorkspaceContext();
  const files = openFileStoreOf(store);
  const fit = useStore(files, (s) => s.fit);
  const id = useId();
  const [pattern, setPattern] = useState('');
  const [wss, setWss] = useState('');
  const [rate, setRate] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    startFit(store, pool, overridesOf(pattern, wss, rate));
  };
  const result = fit.status === 'done' ? fit.result : null;
  const openInLab = (scenario: Scenario) => {
    store.getState().loadScenario(scenario);
    store.getState().apply(t.openView('lab'));
  };
  return (
    <section className="region fit-panel" aria-label="Fit">
      <div className="metrics__head">
        <h2>Fit the simulator to this record</h2>
        <ExportMenu
          stem={fileStem('fit', tag)}
          title="Fit of the simulator to a QEMU record"
          image={(menu) => menu.closest('.fit-panel')}
          csv={{ table: () => (result ? fitTable(result) : null) }}
          json={() =>
            result && {
              format: 'brownout-fit',
              formatVersion: 1,
              scenario: result.scenario,
              measured: result.measured,
              predicted: result.predicted,
              errors: result.errors,
              notes: result.notes,
            }
          }
        />
      </div>
      <p className="fit-panel__intro">
        Memory, used memory (from the zero pages), bandwidth cap, downtime limit and capabilities come from the record;
        the guest&apos;s writing is estimated from its syncs. Tell the fit what the record cannot:
      </p>
      <form className="fit-panel__form" onSubmit={submit}>
        <label htmlFor={`${id}-pattern`}>Write pattern</label>
        <select id={`${id}-pattern`} value={pattern} onChange={(e) => setPattern(e.currentTarget.value)}>
          <option value="">as estimated ({estimated.workload.pattern})</option>
          {WRITE_PATTERNS.map((p) => (
            <option key={p} value={p}>
              {PATTERN_LABELS[p]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-wss`}>Writable working set (MiB)</label>
        <input
          id={`${id}-wss`}
          type="number"
          min={1}
          max={estimated.vm.memoryMiB}
          step="any"
          inputMode="decimal"
          placeholder={estimateText(estimated.workload.wssMiB)}
          value={wss}
          onChange={(e) => setWss(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-rate`}>Write rate (MiB/s)</label>
        <input
          id={`${id}-rate`}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          placeholder={estimateText(estimated.workload.writeRateMiBps)}
          value={rate}
          onChange={(e) => setRate(e.currentTarget.value)}
        />
        <button type="submit" className="fit-panel__run" disabled={fit.status === 'fitting'}>
          {fit.status === 'idle' ? 'Fit' : 'Fit again'}
        </button>
      </form>
      {fit.status === 'fitting' && (
        <p role="status" className="fit-panel__status">
          Fitting: simulating the derived scenario… {Math.round(fit.fraction * 100)} %
        </p>
      )}
      {fit.status === 'failed' && (
        <p role="alert" className="fit-panel__error">
          The fit could not be made: {fit.message}
        </p>
      )}
      {result && (
        <>
          <FitTable fit={result} />
          <ul className="fit-panel__notes" aria-label="What the fit assumed">
            {result.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
          <button type="button" onClick={() => openInLab(result.scenario)}>
            Open the fitted scenario in the lab
          </button>
        </>
      )}
    </section>
  );
}

import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { encodeScenarioPairs } from '../../state/scenarioPairs';
import { pointScenario, requestSweep, sweepField, sweepStrategies, type SweepState } from '../../state/sweep';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { ChartTable } from '../a11y/ChartTable';
import { formatFieldValue } from '../controls/fieldFormat';
import { markPath, SweepChart, type Selection } from './SweepChart';
import { layoutSweepChart } from './sweepChart';
import { bandwidthLine, MARK_TEXT, markText, strategyName, SWEEP_METRICS, type PointMark } from './sweepMetrics';
import { SweepForm } from './SweepForm';
import { sweepTableData } from './sweepTable';
import './sweep.css';

function Legend({ strategies }: { strategies: readonly string[] }) {
  return (
    <ul className="sweep-legend" aria-label="Legend">
      {strategies.map((s, i) => (
        <li key={s}>
          <svg viewBox="-8 -8 16 16" aria-hidden="true">
            <path className={`sweep-mark series-${i} sweep-mark--ok`} d={markPath(i, 'ok')} />
          </svg>
          {strategyName(s as never)}
        </li>
      ))}
      {(['not-converged', 'not-completed'] as PointMark[]).map((m) => (
        <li key={m}>
          <svg viewBox="-8 -8 16 16" aria-hidden="true">
            <path className={`sweep-mark series-0 sweep-mark--${m}`} d={markPath(0, m)} />
          </svg>
          {MARK_TEXT[m]}
        </li>
      ))}
    </ul>
  );
}

/** The figures of the point selected, for every series at that value. */
function Readout({ sweep, selected }: { sweep: SweepState; selected: Selection | null }) {
  const def = sweepField(sweep.spec.field)!;
  const base = sweep.base!;
  const perSeries = sweep.points.length / sweepStrategies(sweep.spec, base).length;
  if (!selected)
    return (
      <p className="sweep-readout" aria-live="polite">
        Hover over a point (or focus the charts and use the arrow keys) to read its figures; click it (or press Enter)
        to open that run in the lab.
      </p>
    );
  const point = sweep.points[selected.series * perSeries + selected.valueIndex];
  const s = point.summary;
  const value = formatFieldValue(def.control === 'slider' ? def.display : { as: 'ms' }, point.value, base);
  return (
    <p className="sweep-readout" aria-live="polite">
      <strong>
        {def.label} {def.control === 'slider' ? value : point.value}, {strategyName(point.strategy)}:
      </strong>{' '}
      {s
        ? `${SWEEP_METRICS.map((m) => `${m.label.toLowerCase()} ${m.format(m.value(s))}`).join(', ')}; ${markText(s)}. Click or press Enter to open it in the lab.`
        : point.status === 'failed'
          ? `failed: ${point.error}`
          : point.status}
    </p>
  );
}

function Results({ sweep }: { sweep: SweepState }) {
  const { store } = useWorkspaceContext();
  const [selected, setSelected] = useState<Selection | null>(null);
  const base = sweep.base!;
  const def = sweepField(sweep.spec.field)!;
  const strategies = sweepStrategies(sweep.spec, base);
  const perSeries = sweep.points.length / strategies.length;
  const values = useMemo(() => sweep.points.slice(0, perSeries).map((p) => p.value), [sweep.points, perSeries]);
  const formatX = (v: number) => (def.control === 'slider' ? formatFieldValue(def.display, v, base) : String(v));
  const bandwidth = bandwidthLine(sweep.spec.field, base);
  const open = (sel: Selection) => {
    const point = sweep.points[sel.series * perSeries + sel.valueIndex];
    if (point.status !== 'done') return;
    const s = store.getState();
    s.loadScenario(pointScenario(base, sweep.spec.field, point.value, point.strategy));
    store.setState({ view: 'lab' });
  };
  const onKey = (e: KeyboardEvent) => {
    const cur = selected ?? { valueIndex: 0, series: 0 };
    const moves: Record<string, Selection> = {
      ArrowRight: { ...cur, valueIndex: Math.min(values.length - 1, cur.valueIndex + (selected ? 1 : 0)) },
      ArrowLeft: { ...cur, valueIndex: Math.max(0, cur.valueIndex - 1) },
      ArrowUp: { ...cur, series: Math.max(0, cur.series - 1) },
      ArrowDown: { ...cur, series: Math.min(strategies.length - 1, cur.series + 1) },
      Home: { ...cur, valueIndex: 0 },
      End: { ...cur, valueIndex: values.length - 1 },
    };
    if (e.key === 'Enter' && selected) open(selected);
    else if (moves[e.key]) setSelected(moves[e.key]);
    else return;
    e.preventDefault();
    // The lab's playback keys (arrows, Home, End) are not for this chart.
    e.stopPropagation();
  };
  const failed = sweep.points.filter((p) => p.status === 'failed');
  return (
    <>
      <Legend strategies={strategies} />
      <div
        className="sweep-charts"
        role="group"
        aria-label="Sweep charts: arrow keys move between points, Enter opens one in the lab"
        tabIndex={0}
        onKeyDown={onKey}
        onPointerLeave={() => setSelected(null)}
      >
        {SWEEP_METRICS.map((m) => (
          <SweepChart
            key={m.key}
            metric={m}
            layout={layoutSweepChart(sweep.points, values, strategies, m, formatX)}
            values={values}
            seriesCount={strategies.length}
            fieldLabel={def.label}
            bandwidth={bandwidth}
            selected={selected}
            onSelect={setSelected}
            onOpen={open}
          />
        ))}
      </div>
      <Readout sweep={sweep} selected={selected} />
      <ChartTable data={() => sweepTableData(sweep.points, def.label, formatX)} />
      {failed.length > 0 && (
        <p className="sweep-failed" role="status">
          {failed.length} point{failed.length === 1 ? '' : 's'} failed (not drawn):{' '}
          {failed
            .slice(0, 3)
            .map((p) => `${formatX(p.value)}, ${strategyName(p.strategy)}: ${p.error}`)
            .join('; ')}
          {failed.length > 3 ? '; …' : ''}
        </p>
      )}
    </>
  );
}

/** The base of the sweep against the lab's scenario: the same, or a button to sweep the lab's instead. */
function BaseNote({ sweep }: { sweep: SweepState }) {
  const { store } = useWorkspaceContext();
  const lab = useWorkspace((s) => s.scenario);
  const same = useMemo(() => encodeScenarioPairs(sweep.base!) === encodeScenarioPairs(lab), [sweep.base, lab]);
  if (same) return <p className="sweep-base">Swept: the lab&apos;s scenario, one setting at a time.</p>;
  return (
    <p className="sweep-base sweep-base--other">
      Swept: a scenario other than the lab&apos;s (the lab has changed since).{' '}
      <button type="button" onClick={() => store.getState().apply(requestSweep(sweep.spec, lab))}>
        Sweep the lab&apos;s scenario
      </button>
    </p>
  );
}

/**
 * The Sweep view: one field stepped over a range, each point a run on the engine pool, downtime, total
 * time, bytes and rounds plotted against it. `exportMenu` is the place for an export (see sweepRows).
 */
export function SweepScreen({ exportMenu }: { exportMenu?: ReactNode }) {
  const sweep = useWorkspace((s) => s.sweep);
  const wall = sweep.status === 'done' && sweep.wallMs !== null ? ` · ${(sweep.wallMs / 1000).toFixed(1)} s` : '';
  return (
    <main className="sweep-screen">
      <section className="sweep" aria-label="Sweep">
        <div className="sweep__head">
          <h2>Sweep</h2>
          <div className="sweep__tools">{exportMenu}</div>
        </div>
        <SweepForm />
        {sweep.base ? (
          <>
            <BaseNote sweep={sweep} />
            <p className="sweep-status" data-status={sweep.status} data-wall-ms={sweep.wallMs ?? undefined}>
              {sweep.points.length} runs
              {sweep.status === 'cancelled' ? ' · cancelled' : sweep.status === 'done' ? ` · done${wall}` : ''}
            </p>
            <Results sweep={sweep} />
          </>
        ) : (
          <p className="sweep-empty">
            Pick a setting and a range, then Run sweep: every point is the lab&apos;s scenario with that setting
            changed. Try the write rate from 1 to 1000 MiB/s to see where pre-copy stops converging.
          </p>
        )}
      </section>
    </main>
  );
}

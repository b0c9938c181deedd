import { comparedRuns } from '../../state/comparison';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { comparisonRows } from '../compare/goals';
import { sweepRows } from '../sweep/sweepMetrics';
import type { CsvCell, CsvTable } from './csv';
import { ExportMenu } from './ExportMenu';
import { fileStem } from './exportData';

/** The export menus of the views of many runs: the comparison and the sweep. */

/** Rows of named values as a table: the first row's names are the columns (their units are in them). */
export function rowsTable(rows: readonly Record<string, CsvCell>[]): CsvTable | null {
  if (rows.length === 0) return null;
  const columns = Object.keys(rows[0]);
  return { columns, rows: rows.map((r) => columns.map((c) => r[c])) };
}

export function ComparisonExport() {
  const { store } = useWorkspaceContext();
  const compared = () => comparedRuns(store.getState());
  return (
    <ExportMenu
      stem={() => fileStem('comparison', `${compared().length}-runs`)}
      title="Comparison of migration runs: the four goals and the trade-off"
      image={(menu) => menu.closest('.compare')}
      csv={{ table: () => rowsTable(comparisonRows(compared())) }}
      json={() => {
        const runs = compared();
        if (runs.length === 0) return null;
        return {
          format: 'brownout-comparison',
          formatVersion: 1,
          runs: runs.map(({ label, run }) => ({ label, scenario: run.scenario, summary: run.trace?.summary ?? null })),
        };
      }}
    />
  );
}

export function SweepExport() {
  const { store } = useWorkspaceContext();
  const sweep = () => store.getState().sweep;
  return (
    <ExportMenu
      stem={() => fileStem('sweep', sweep().spec.field)}
      title="Sweep: the figures of each run against the field stepped"
      image={(menu) => menu.closest('.sweep')}
      csv={{ table: () => rowsTable(sweepRows(sweep())) }}
      json={() => {
        const s = sweep();
        if (!s.base) return null;
        return { format: 'brownout-sweep', formatVersion: 1, spec: s.spec, base: s.base, points: s.points };
      }}
    />
  );
}

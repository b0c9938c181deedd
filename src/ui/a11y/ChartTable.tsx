import { useRef, useState } from 'react';
import './chartTable.css';

/** A chart's figures as rows: the first cell of each row heads it; every cell is text as the chart labels it. */
export interface TableData {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  /** Said under the table when rows were left out (a long run's samples are thinned). */
  note?: string;
}

function Table({ table }: { table: TableData }) {
  return (
    <>
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="chart-table__note">{table.note}</p>}
    </>
  );
}

/**
 * "Show as table" under a chart: the same figures as accessible tables (one, or one per part of the
 * chart), built only when opened (a closed one costs nothing per frame). `data` reads the chart's own
 * series, so the two cannot disagree.
 */
export function ChartTable({
  data,
  label = 'Show as table',
  overlay = false,
}: {
  data: () => TableData | readonly TableData[] | null;
  label?: string;
  /** Open over the panel instead of pushing it down (panels sized to the screen, like the lab's). */
  overlay?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const shown = open ? data() : null;
  const tables = shown === null ? [] : 'caption' in shown ? [shown as TableData] : (shown as readonly TableData[]);
  const close = () => {
    if (details.current) details.current.open = false;
    setOpen(false);
    details.current?.querySelector('summary')?.focus();
  };
  return (
    <details
      ref={details}
      className={overlay ? 'chart-table chart-table--overlay' : 'chart-table'}
      data-export-skip
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        // Escape closes the table, not the whole view's overlay.
        e.stopPropagation();
        close();
      }}
    >
      <summary>{label}</summary>
      {tables.length > 0 && (
        <div className="chart-table__scroll" tabIndex={0} role="region" aria-label={tables[0].caption}>
          {overlay && (
            <button type="button" className="chart-table__close" onClick={close}>
              Hide table
            </button>
          )}
          {tables.map((t) => (
            <Table key={t.caption} table={t} />
          ))}
        </div>
      )}
    </details>
  );
}

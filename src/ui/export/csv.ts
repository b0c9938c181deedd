/** CSV for spreadsheets and scripts: a header row, one row per record, units in the column names. */

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvTable {
  /** Column names with their units: `t_ms`, `remaining_bytes`, `bandwidth_mbps`. */
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** A number as a spreadsheet reads it back exactly; NaN and infinities (figures not recorded) are empty. */
function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  // RFC 4180: quote a field holding a comma, a quote or a line break; double its quotes.
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The table as CSV text (RFC 4180, CRLF line ends); a row shorter or longer than the header is refused. */
export function toCsv(table: CsvTable): string {
  const lines = [table.columns.map(cellText).join(',')];
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length)
      throw new Error(`CSV row ${i + 1} has ${row.length} cells, the header ${table.columns.length}`);
    lines.push(row.map(cellText).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

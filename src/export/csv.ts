// Delimited text as spreadsheets, pandas, R and DuckDB read it: RFC 4180 for CSV (a field with the delimiter, a
// quote or a line break is quoted, quotes doubled; a header row; `\n` line ends, which RFC 4180's readers accept), and
// the same quoting with a tab for TSV, so that text with tabs or line breaks survives either way.
import type { Cell } from './tables.js';

export const TABLE_FORMATS = ['csv', 'tsv'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** One line of the table, newline included. */
export function formatRow(cells: readonly Cell[], format: TableFormat): string {
  const delimiter = format === 'csv' ? ',' : '\t';
  const needsQuotes = format === 'csv' ? /[",\r\n]/ : /["\t\r\n]/;
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += delimiter;
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    const text = String(cell);
    line += needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return line + '\n';
}

import { formatVietnamInstant } from './vietnam-time';

/**
 * One CSV cell, quoted when needed. Text a spreadsheet would run as a formula (starting with =, +, -, @, a
 * tab or a carriage return) gets a leading apostrophe, so `=HYPERLINK(...)` in user data stays text.
 */
export function csvCell(value: unknown): string {
  return separatedCell(value, ',');
}

function separatedCell(value: unknown, separator: CsvSeparator): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  let text = value instanceof Date ? formatVietnamInstant(value) : typeof value === 'object' ? JSON.stringify(value) : String(value).normalize('NFC');
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** `;` is what Excel with Vietnamese regional settings reads and saves (its decimal mark is the comma). */
export type CsvSeparator = ',' | ';';

/** UTF-8 BOM (Excel reads Vietnamese correctly only with it), header, rows; CRLF line ends. */
export function csvDocument(header: readonly unknown[], rows: readonly (readonly unknown[])[], separator: CsvSeparator = ','): string {
  return '\ufeff' + [header, ...rows].map((row) => row.map((cell) => separatedCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** The same neutralisation in SQL, for CSV PostgreSQL writes itself with COPY: `neutralisedSql('raw')`. */
export function neutralisedSql(column: string): string {
  return `CASE WHEN ${column} ~ '^[=+@\\t\\r-]' THEN '''' || ${column} ELSE ${column} END`;
}

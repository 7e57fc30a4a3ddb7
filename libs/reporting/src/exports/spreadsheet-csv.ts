/**
 * CSV for spreadsheets, in one of two conventions:
 * - `en`: `,` between fields, `.` in decimals (`90.3`), as most software reads CSV;
 * - `vi`: `;` between fields, `,` in decimals (`90,3`), as Excel with Vietnamese regional settings reads and
 *   saves it (its list separator is `;` because `,` is its decimal mark).
 * In both: UTF-8 with a byte order mark (Excel reads the Vietnamese right only with it), CRLF line ends, text
 * normalised to NFC, formula-looking text neutralised with a leading apostrophe. Numbers are written bare, with
 * no thousands separator and never a leading zero; codes (a province code `01`) are always quoted, so a reader
 * that takes quoted fields, or digits with a leading zero, as text keeps them whole.
 */
export const CSV_LOCALES = ['en', 'vi'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];

/** A code written as text, always quoted: `"01"` stays `01`, never the number 1. */
export class CsvCode {
  constructor(readonly text: string) {}
}

export type CsvValue = string | number | CsvCode | null | undefined;

const SEPARATOR: Readonly<Record<CsvLocale, string>> = { en: ',', vi: ';' };
const FORMULA_START = /^[=+\-@\t\r]/;

/** The document: BOM, the header and the rows, CRLF line ends. */
export function spreadsheetCsv([header, ...rows]: readonly (readonly CsvValue[])[], locale: CsvLocale): string {
  const separator = SEPARATOR[locale];
  const line = (cells: readonly CsvValue[]) => cells.map((cell) => csvField(cell, locale)).join(separator);
  return '\ufeff' + [header, ...rows].map(line).join('\r\n') + '\r\n';
}

/** One field in the locale's convention. */
export function csvField(value: CsvValue, locale: CsvLocale): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, locale) : '';
  if (value instanceof CsvCode) return quoted(value.text.normalize('NFC'));
  let text = value.normalize('NFC');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(SEPARATOR[locale]) ? quoted(text) : text;
}

function formatNumber(value: number, locale: CsvLocale): string {
  const text = String(value);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

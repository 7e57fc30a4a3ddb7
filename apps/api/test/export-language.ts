import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CAMPAIGN_STATES, MESSAGE_STATES } from '@loa/delivery';
import { AUDIT_ACTION_LABELS } from '../src/audit/audit-labels';

/**
 * The API's own codes for states and actions, from the transition tables and the audit log's actions: none
 * of them belongs in a document for officials (the JSON keeps them; documents say them in Vietnamese).
 */
export const API_CODES: readonly string[] = [
  ...new Set([...MESSAGE_STATES, ...CAMPAIGN_STATES, ...Object.keys(AUDIT_ACTION_LABELS), 'in_progress', 'in progress']),
];

/** The codes found in `text` as whole words (lower case, as the API writes them: a carrier's `stat:EXPIRED` is the carrier's own). */
export function codesIn(text: string): string[] {
  return API_CODES.filter((code) => new RegExp(`(?<![\\p{L}\\p{N}_.-])${code.replace(/[.]/g, '\\.')}(?![\\p{L}\\p{N}_-])`, 'u').test(text));
}

/** `14:05 29/01/2024`: Viet Nam's wall clock, allowed only under a heading that states the offset. */
const WALL_CLOCK = /\b\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\b/;
/** An ISO 8601 time of day: it must carry +07:00. */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/g;
export const OFFSET_NOTE = 'UTC+07:00';

/** Times in `text` that do not carry +07:00 (ISO 8601 times with another offset, or none). */
export function isoTimesWithoutOffset(text: string): string[] {
  return [...text.matchAll(ISO_TIME)].map((match) => match[0]).filter((time) => !time.endsWith('+07:00'));
}

/**
 * What a table (heading row first) says against the rule: codes in any cell but the columns `exempt` (a
 * labelled column of codes for machines), wall-clock times in a column whose heading, or a row whose label
 * (first cell), does not state the offset, and ISO times without +07:00.
 */
export function tableFaults(rows: unknown[][], exempt: string[] = []): string[] {
  const [heading, ...body] = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  const faults: string[] = [];
  const check = (cells: string[], where: string) =>
    cells.forEach((cell, column) => {
      if (exempt.includes(heading[column])) return;
      for (const code of codesIn(cell)) faults.push(`${where}, "${heading[column]}": code ${code} in "${cell}"`);
      for (const time of isoTimesWithoutOffset(cell)) faults.push(`${where}, "${heading[column]}": ${time}`);
      if (WALL_CLOCK.test(cell) && !heading[column].includes(OFFSET_NOTE) && !cells[0].includes(OFFSET_NOTE)) {
        faults.push(`${where}, "${heading[column]}": ${cell} with no offset stated`);
      }
    });
  check(heading, 'heading');
  body.forEach((cells, index) => check(cells, `line ${index + 2}`));
  return faults;
}

export function csvFaults(csv: string, options: { delimiter?: string; exempt?: string[] } = {}): string[] {
  return tableFaults(parse(csv, { delimiter: options.delimiter ?? ',', bom: true, relax_column_count: true }), options.exempt);
}

export async function xlsxFaults(xlsx: Parameters<ExcelJS.Xlsx['load']>[0]): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx);
  const faults: string[] = [];
  for (const sheet of book.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    faults.push(...tableFaults(rows).map((fault) => `${sheet.name}: ${fault}`));
  }
  return faults;
}

/** The printed text of an HTML report: no code, no ISO time without +07:00, and its offset stated where its times are. */
export function htmlTextFaults(text: string): string[] {
  return [
    ...codesIn(text).map((code) => `code ${code}`),
    ...isoTimesWithoutOffset(text),
    ...(WALL_CLOCK.test(text) && !text.includes(`giờ Việt Nam, ${OFFSET_NOTE}`) ? ['wall-clock times with no offset stated'] : []),
  ];
}

import { invalid } from '@loa/common';
import { CSV_SEPARATORS, type CsvSeparator, parseCsvLine, separatorName } from './csv-record';

export type ImportField = 'msisdn' | 'carrier' | 'province' | 'status';

/** Column positions in the file; status is optional. */
export type ImportColumns = { [field in ImportField]: number | undefined } & { count: number };

/**
 * Header names accepted (compared without diacritics, case, spaces, dashes or underscores), so a list
 * exported from a Vietnamese spreadsheet ("Số điện thoại,Nhà mạng,Tỉnh") is taken as it is.
 */
const HEADER_NAMES: Record<string, ImportField> = {
  msisdn: 'msisdn',
  phone: 'msisdn',
  phonenumber: 'msisdn',
  sodienthoai: 'msisdn',
  sdt: 'msisdn',
  sothuebao: 'msisdn',
  thuebao: 'msisdn',
  carrier: 'carrier',
  nhamang: 'carrier',
  mang: 'carrier',
  province: 'province',
  tinh: 'province',
  tinhthanh: 'province',
  tinhthanhpho: 'province',
  matinh: 'province',
  status: 'status',
  trangthai: 'status',
};

export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const EXPECTED = 'expected msisdn,carrier,province[,status] (or so_dien_thoai,nha_mang,tinh[,trang_thai])';

/** Line 1 read with the separator that makes the most of its fields known column names, and the columns it names. */
export interface ImportHeader {
  separator: CsvSeparator;
  columns: ImportColumns;
}

/**
 * Finds the separator from line 1 (comma, semicolon or tab: the one under which most fields are known
 * column names; a tie goes to the earlier of the three), then reads the header. No field known under any
 * of them is a file-level error that names the separators tried.
 */
export function detectImportHeader(line: string): ImportHeader {
  let best: { separator: CsvSeparator; fields: string[]; known: number } | undefined;
  let brokenQuoting: string | undefined;
  for (const separator of CSV_SEPARATORS) {
    const fields = parseCsvLine(line, separator);
    if (!Array.isArray(fields)) {
      brokenQuoting ??= fields.error;
      continue;
    }
    const known = fields.filter((name) => HEADER_NAMES[headerKey(name)] !== undefined).length;
    if (known > (best?.known ?? 0)) best = { separator, fields, known };
  }
  if (!best) {
    if (brokenQuoting) throw invalid(`line 1: not a CSV header (${brokenQuoting})`, { line: 1 });
    const tried = CSV_SEPARATORS.map(separatorName).join(', ');
    throw invalid(`line 1: no recognisable header with any separator tried (${tried}); ${EXPECTED}`, { line: 1, separators: [...CSV_SEPARATORS] });
  }
  return { separator: best.separator, columns: resolveImportHeader(best.fields) };
}

/** Reads the fields of line 1; anything but a recognisable header is a file-level error naming the column. */
export function resolveImportHeader(fields: string[]): ImportColumns {
  const columns: ImportColumns = { msisdn: undefined, carrier: undefined, province: undefined, status: undefined, count: fields.length };
  const known = fields.map((name) => HEADER_NAMES[headerKey(name)]);
  if (known.every((field) => field === undefined)) throw invalid(`line 1: no recognisable header; ${EXPECTED}`, { line: 1 });
  known.forEach((field, index) => {
    if (field === undefined) throw invalid(`line 1: unknown column "${fields[index]}"`, { line: 1, field: fields[index] });
    if (columns[field] !== undefined) throw invalid(`line 1: column ${field} appears twice`, { line: 1, field });
    columns[field] = index;
  });
  for (const field of ['msisdn', 'carrier', 'province'] as const) {
    if (columns[field] === undefined) throw invalid(`line 1: missing column ${field}`, { line: 1, field });
  }
  return columns;
}

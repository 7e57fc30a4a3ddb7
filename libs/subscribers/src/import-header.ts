import { invalid } from '@loa/common';

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

/** Reads line 1; anything but a recognisable header is a file-level error naming the column. */
export function resolveImportHeader(fields: string[]): ImportColumns {
  const columns: ImportColumns = { msisdn: undefined, carrier: undefined, province: undefined, status: undefined, count: fields.length };
  const known = fields.map((name) => HEADER_NAMES[headerKey(name)]);
  if (known.every((field) => field === undefined)) {
    throw invalid(`line 1: no recognisable header; expected msisdn,carrier,province[,status] (or so_dien_thoai,nha_mang,tinh[,trang_thai])`, { line: 1 });
  }
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

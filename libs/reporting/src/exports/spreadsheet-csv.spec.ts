import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { campaignCsv } from './report-csv';
import { campaignReportFixture } from './report-fixtures';
import { csvField, CsvCode } from './spreadsheet-csv';

/**
 * How a reader takes the vi-VN convention's fields: digits with a `,` decimal and no leading zero are numbers,
 * anything else (a code `01`, a name) is text. exceljs's own guess (`Number("01")`) would drop the zero.
 */
function viValue(field: string): string | number | null {
  if (field === '') return null;
  return /^-?(0|[1-9]\d*)(,\d+)?$/.test(field) ? Number(field.replace(',', '.')) : field;
}

async function readWithExceljs(csv: string): Promise<(string | number | null)[][]> {
  const book = new ExcelJS.Workbook();
  // Excel drops the byte order mark as it opens the file; fast-csv (under exceljs) keeps it, so the test drops it.
  const sheet = await book.csv.read(Readable.from([csv.replace(/^\uFEFF/, '')]), { parserOptions: { delimiter: ';' }, map: viValue });
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((line) => rows.push((line.values as (string | number | null)[]).slice(1)));
  return rows;
}

describe('CSV for Vietnamese Excel', () => {
  const report = campaignReportFixture();

  it('writes `;` between fields, `,` in decimals, codes quoted, a BOM and CRLF', () => {
    const csv = campaignCsv(report, 'vi');
    expect(csv.startsWith('\uFEFFChiến dịch;Số liệu tính đến (giờ Việt Nam, UTC+07:00);Mã tỉnh;Tỉnh, thành phố;Nhà mạng;')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('Cảnh báo lừa đảo trước Tết;10:00 10/02/2026;"01";Thành phố Hà Nội;Viettel;1000;1000;903;97;0;0;90,3;2000;0');
    expect(csvField('a;b', 'vi')).toBe('"a;b"');
    expect(csvField('a,b', 'vi')).toBe('a,b');
    expect(csvField(-2.5, 'vi')).toBe('-2,5');
    expect(csvField(new CsvCode('007'), 'en')).toBe('"007"');
    expect(csvField('=1+1', 'vi')).toBe("'=1+1");
  });

  it('is read back by csv-parse set to `;` with the codes whole and the decimals in the vi-VN convention', () => {
    const records: string[][] = parse(campaignCsv(report, 'vi'), { delimiter: ';', bom: true });
    expect(records).toHaveLength(1 + report.rows.length + 1);
    expect(records[0][2]).toBe('Mã tỉnh');
    expect(records.slice(1, 3).map((record) => record[2])).toEqual(['01', '14']);
    expect(records[1][3]).toBe('Thành phố Hà Nội');
    expect(records[1].map(viValue).slice(5, 13)).toEqual([1000, 1000, 903, 97, 0, 0, 90.3, 2000]);
    expect(records.at(-1)![3]).toBe('Tổng cộng');
  });

  it('is read back by exceljs with `;` as the separator: codes keep their zeros, rates are numbers', async () => {
    const rows = await readWithExceljs(campaignCsv(report, 'vi'));
    expect(rows[0][2]).toBe('Mã tỉnh');
    expect(rows[1][2]).toBe('01');
    expect(rows[1][3]).toBe('Thành phố Hà Nội');
    expect(rows[1][11]).toBe(90.3);
    // A code without a leading zero may come back as a number: nothing of it is lost.
    expect(String(rows[2][2])).toBe('14');
    expect(rows.at(-1)![7]).toBe(report.totals.delivered);
  });

  it('keeps `,` and `.` decimals in the en convention', () => {
    const records: string[][] = parse(campaignCsv(report, 'en'), { bom: true });
    expect(records[1][2]).toBe('01');
    expect(records[1][11]).toBe('90.3');
  });
});

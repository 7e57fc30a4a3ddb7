import { csvCell } from '@loa/common';
import { toCsv } from './report-csv';
import { reasonText } from './vietnamese-format';
import { errorSource, toTimeline } from '../report-figures';

describe('CSV cells', () => {
  it('keeps formula-looking text as text and quotes what needs quoting', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+84 912')).toBe("'+84 912");
    expect(csvCell('-SUM(A1)')).toBe("'-SUM(A1)");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=HYPERLINK("a","b, c")')).toBe('"\'=HYPERLINK(""a"",""b, c"")"');
    expect(csvCell('Tỉnh, thành phố')).toBe('"Tỉnh, thành phố"');
    expect(csvCell('hai\ndòng')).toBe('"hai\ndòng"');
    expect(csvCell('Tỉnh Sơn La')).toBe('Tỉnh Sơn La');
  });

  it('writes numbers as numbers (a negative difference is not a formula) and empty for nothing', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('normalises to NFC, starts with a BOM and ends lines with CRLF', () => {
    const nfd = 'Đắk Lắk'.normalize('NFD');
    const csv = toCsv([
      ['a', nfd],
      [1, 2],
    ]);
    expect(csv).toBe('\uFEFFa,Đắk Lắk\r\n1,2\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('report figures', () => {
  it('tells where an error reason comes from', () => {
    expect(errorSource('stat:UNDELIV err:001')).toBe('receipt');
    expect(errorSource('ESME_RINVDSTADR (0x0000000B)')).toBe('submit');
    expect(errorSource('0x00000401')).toBe('submit');
    expect(errorSource('no delivery receipt within the validity period')).toBe('loa');
  });

  it("gives Loa's own reasons in Vietnamese, the original after them, and the carriers' as they came", () => {
    expect(reasonText({ source: 'loa', reason: 'no delivery receipt within the validity period' })).toBe(
      'Nhà mạng không gửi báo nhận trong thời hạn hiệu lực (no delivery receipt within the validity period)',
    );
    expect(reasonText({ source: 'loa', reason: 'submit_sm part 1/2: no answer within 10000 ms' })).toMatch(/^Nhà mạng không trả lời lệnh gửi tin \(/);
    expect(reasonText({ source: 'receipt', reason: 'stat:UNDELIV err:001' })).toBe('stat:UNDELIV err:001');
  });

  it('bins buckets per minute up to three hours, per hour beyond', () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 1, 1, 0, 0) + minutes * 60_000);
    const short = toTimeline([
      { at: at(0), submitted: 5, delivered: 1 },
      { at: new Date(at(0).getTime() + 30_000), submitted: 5, delivered: 2 },
      { at: at(2), submitted: 1, delivered: 1 },
    ]);
    expect(short).toEqual({
      step: 'minute',
      points: [
        { at: at(0), submitted: 10, delivered: 3 },
        { at: at(2), submitted: 1, delivered: 1 },
      ],
    });
    const long = toTimeline([
      { at: at(0), submitted: 1, delivered: 1 },
      { at: at(59), submitted: 1, delivered: 0 },
      { at: at(181), submitted: 2, delivered: 2 },
    ]);
    expect(long).toEqual({
      step: 'hour',
      points: [
        { at: at(0), submitted: 2, delivered: 1 },
        { at: at(180), submitted: 2, delivered: 2 },
      ],
    });
  });
});

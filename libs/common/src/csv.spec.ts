import { csvCell, csvDocument } from './csv';

describe(csvCell.name, () => {
  it('keeps text a spreadsheet would run as a formula as text', () => {
    expect(['=HYPERLINK("http://x")', '+84', '-1+1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+84",
      "'-1+1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
  });

  it('leaves numbers, dates and plain Vietnamese text as they are, quoting only when needed', () => {
    expect([-5, new Date('2026-01-01T00:00:00Z'), 'Đắk Lắk', 'a,b', null].map(csvCell)).toEqual([
      '-5',
      '2026-01-01T07:00:00.000+07:00',
      'Đắk Lắk',
      '"a,b"',
      '',
    ]);
    expect(csvDocument(['Tỉnh'], [['Cần Thơ']])).toBe('\ufeffTỉnh\r\nCần Thơ\r\n');
  });

  it('writes `;` between fields when asked (Excel with Vietnamese settings), quoting a field that holds it', () => {
    expect(csvDocument(['Nhà mạng', 'Tham số', 'Ghi chú'], [['Viettel', '{P1}: tỉnh; {P2}: số', 'Tỉnh, thành phố']], ';')).toBe(
      '\ufeffNhà mạng;Tham số;Ghi chú\r\nViettel;"{P1}: tỉnh; {P2}: số";Tỉnh, thành phố\r\n',
    );
  });
});

import { parseVietnameseInput, vietnameseInputText } from '../src/format';

describe('dates and times typed the Vietnamese way', () => {
  it('reads dd/mm/yyyy, HH:mm (24 h) and the two together, as the values the forms keep', () => {
    expect(parseVietnameseInput('date', '31/12/2026')).toBe('2026-12-31');
    expect(parseVietnameseInput('date', ' 1/3/2027 ')).toBe('2027-03-01');
    expect(parseVietnameseInput('time', '7:05')).toBe('07:05');
    expect(parseVietnameseInput('datetime', '21:30 24/02/2027')).toBe('2027-02-24T21:30');
    expect(parseVietnameseInput('datetime', '24/02/2027 21:30')).toBe('2027-02-24T21:30');
    expect(parseVietnameseInput('datetime', '')).toBe('');
  });

  it('refuses what is no real day or time, and the US order', () => {
    for (const [kind, text] of [
      ['date', '30/02/2027'],
      ['date', '12/31/2026'],
      ['date', '2026-12-31'],
      ['time', '24:00'],
      ['time', '7:5'],
      ['time', '07:00 PM'],
      ['datetime', '31/12/2026'],
      ['datetime', '08:00 31/12/2026 x'],
    ] as const) {
      expect([kind, text, parseVietnameseInput(kind, text)]).toEqual([kind, text, null]);
    }
  });

  it('shows a kept value as the console writes it, and reads it back unchanged', () => {
    expect(vietnameseInputText('datetime', '2027-02-24T21:30')).toBe('21:30 24/02/2027');
    expect(vietnameseInputText('date', '2027-03-01')).toBe('01/03/2027');
    expect(vietnameseInputText('time', '07:00')).toBe('07:00');
    expect(vietnameseInputText('date', '')).toBe('');
    for (const [kind, value] of [
      ['datetime', '2027-02-24T21:30'],
      ['date', '2027-03-01'],
      ['time', '07:00'],
    ] as const) {
      expect(parseVietnameseInput(kind, vietnameseInputText(kind, value))).toBe(value);
    }
  });
});

import { carrierEncoding, countCarrierSegments } from './sms-carrier';

describe(countCarrierSegments.name, () => {
  const text = 'a'.repeat(153);

  it('counts each carrier with its own concatenation', () => {
    expect(countCarrierSegments(text + 'a'.repeat(153), 'gsm7', { carrier: 'viettel', concat: 'udh8', gsmCoding: 'gsm0338' }).segments).toBe(2);
    expect(countCarrierSegments(text + 'a'.repeat(153), 'gsm7', { carrier: 'vnpt', concat: 'udh16', gsmCoding: 'gsm0338' }).segments).toBe(3);
    expect(countCarrierSegments(text + 'a'.repeat(153), 'gsm7', { carrier: 'mobifone', concat: 'sar', gsmCoding: 'gsm0338' }).segments).toBe(3);
  });

  it('sends GSM text with characters outside ASCII to an IA5 carrier as UCS-2', () => {
    const french = 'Café ' + 'a'.repeat(70);
    expect(carrierEncoding(french, 'gsm7', 'ascii')).toBe('ucs2');
    expect(carrierEncoding(french, 'gsm7', 'gsm0338')).toBe('gsm7');
    expect(carrierEncoding('Cafe {x}', 'gsm7', 'ascii')).toBe('gsm7');
    expect(countCarrierSegments(french, 'gsm7', { carrier: 'others', concat: 'udh8', gsmCoding: 'ascii' })).toEqual(
      expect.objectContaining({ encoding: 'ucs2', segments: 2 }),
    );
    expect(countCarrierSegments(french, 'gsm7', { carrier: 'viettel', concat: 'udh8', gsmCoding: 'gsm0338' })).toEqual(
      expect.objectContaining({ encoding: 'gsm7', segments: 1 }),
    );
  });
});

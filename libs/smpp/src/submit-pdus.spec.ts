import { parseUdh } from '@loa/sms';
import type { ConcatMode, OutboundSms, SmppAccountConfig } from './carrier-link.types';
import { buildSubmitPdus, ConcatReferences, EncodedTexts, type SubmitPduFields } from './submit-pdus';

const CONFIG = {
  sourceAddr: 'CONGAN',
  sourceTon: 5,
  sourceNpi: 0,
  destTon: 1,
  destNpi: 1,
  concat: 'udh8',
  gsmCoding: 'gsm0338',
  validityHours: 24,
} as SmppAccountConfig;
const THREE_PARTS: OutboundSms = { destination: '1', text: 'x'.repeat(400), encoding: 'gsm7' };

/** Reference, total and sequence as the handset reads them, from the UDH or the SAR TLVs. */
function concatOf(fields: SubmitPduFields): { reference: number; total: number; sequence: number } {
  if (fields.sar_msg_ref_num !== undefined) {
    return { reference: fields.sar_msg_ref_num as number, total: fields.sar_total_segments as number, sequence: fields.sar_segment_seqnum as number };
  }
  const { reference, total, sequence } = parseUdh(fields.short_message as Buffer).concat!;
  return { reference, total, sequence };
}

/** The segment's own bytes, without the UDH. */
function bodyOf(fields: SubmitPduFields): Buffer {
  const bytes = fields.short_message as Buffer;
  return fields.esm_class === 0x40 ? bytes.subarray(parseUdh(bytes).headerLength) : bytes;
}

describe(buildSubmitPdus.name, () => {
  it('sends ASCII-charset GSM text with data_coding 1 when the carrier says so', () => {
    const {
      parts: [{ fields }],
    } = buildSubmitPdus({ destination: '84912345678', text: 'Hi', encoding: 'gsm7' }, { ...CONFIG, gsmCoding: 'ascii' }, new ConcatReferences());
    expect(fields).toMatchObject({
      data_coding: 1,
      short_message: Buffer.from('Hi'),
      registered_delivery: 1,
      source_addr_ton: 5,
      dest_addr_ton: 1,
      validity_period: '000001000000000R',
    });
  });

  it('shares one reference across the parts of a message and rolls it per message', () => {
    const references = new ConcatReferences();
    const first = buildSubmitPdus({ destination: '1', text: 'x'.repeat(200), encoding: 'gsm7' }, CONFIG, references);
    const second = buildSubmitPdus({ destination: '1', text: 'x'.repeat(200), encoding: 'gsm7' }, CONFIG, references);
    expect(first.parts.map(({ fields }) => concatOf(fields).reference)).toEqual([first.reference, first.reference]);
    expect(second.reference).not.toBe(first.reference);
  });

  it.each<ConcatMode>(['udh8', 'udh16', 'sar'])(
    'builds only onlyParts under the given reference with %s, total and sequence numbers as in the whole message',
    (concat) => {
      const plan = buildSubmitPdus({ ...THREE_PARTS, onlyParts: [3, 2], reference: 77 }, { ...CONFIG, concat }, new ConcatReferences());
      expect(plan).toMatchObject({ totalParts: 3, reference: 77 });
      expect(plan.parts.map(({ part, fields }) => [part, concatOf(fields)])).toEqual([
        [2, { reference: 77, total: 3, sequence: 2 }],
        [3, { reference: 77, total: 3, sequence: 3 }],
      ]);
      const whole = buildSubmitPdus(THREE_PARTS, { ...CONFIG, concat }, new ConcatReferences());
      expect(plan.parts.map(({ fields }) => bodyOf(fields))).toEqual(whole.parts.slice(1).map(({ fields }) => bodyOf(fields)));
    },
  );

  it('folds a reference of the caller into the reference size, the same one every time', () => {
    const at = (reference: number, concat: 'udh8' | 'udh16') =>
      buildSubmitPdus({ ...THREE_PARTS, reference }, { ...CONFIG, concat }, new ConcatReferences()).reference;
    expect([at(1, 'udh8'), at(255, 'udh8'), at(256, 'udh8'), at(1_000_000, 'udh8')]).toEqual([1, 255, 1, 1_000_000 % 255]);
    expect([at(65_535, 'udh16'), at(65_536, 'udh16')]).toEqual([65_535, 1]);
  });

  it('ignores onlyParts and reference for one PDU: a single segment, or message_payload', () => {
    const single = buildSubmitPdus({ destination: '1', text: 'ngan', encoding: 'gsm7', onlyParts: [2], reference: 9 }, CONFIG, new ConcatReferences());
    const payload = buildSubmitPdus({ ...THREE_PARTS, onlyParts: [2], reference: 9 }, { ...CONFIG, concat: 'payload' }, new ConcatReferences());
    for (const plan of [single, payload]) expect(plan).toMatchObject({ totalParts: 1, reference: null, parts: [{ part: 1 }] });
  });

  it.each([
    [{ onlyParts: [4] }, "onlyParts 4 outside the message's 3 parts"],
    [{ onlyParts: [] }, 'onlyParts names no part'],
    [{ onlyParts: [1], reference: 0 }, 'reference 0 is not a positive integer'],
  ])('refuses %j', (fields, error) => {
    expect(() => buildSubmitPdus({ ...THREE_PARTS, ...fields }, CONFIG, new ConcatReferences())).toThrow(error);
  });

  it('builds the same PDUs from texts it split and encoded before, for every subscriber of the text', () => {
    const texts = new EncodedTexts(2);
    for (const text of ['Cảnh báo lừa đảo: không cung cấp mã OTP cho bất kỳ ai. '.repeat(3), 'x'.repeat(150), 'Canh bao'.repeat(40)]) {
      const encoding = /^[\x00-\x7f]*$/.test(text) ? 'gsm7' : 'ucs2';
      for (const destination of ['84912345678', '84987654321']) {
        const sms: OutboundSms = { destination, text, encoding, reference: 5 };
        expect(buildSubmitPdus(sms, CONFIG, new ConcatReferences(), texts)).toEqual(buildSubmitPdus(sms, CONFIG, new ConcatReferences()));
      }
    }
    const first = buildSubmitPdus({ destination: '1', text: 'Hi', encoding: 'gsm7' }, CONFIG, new ConcatReferences(), texts);
    const again = buildSubmitPdus({ destination: '2', text: 'Hi', encoding: 'gsm7' }, CONFIG, new ConcatReferences(), texts);
    expect(again.parts[0].fields.short_message).toBe(first.parts[0].fields.short_message);
  });
});

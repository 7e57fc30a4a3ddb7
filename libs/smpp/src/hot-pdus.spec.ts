import { decodeHotPdu, encodeDeliverSm, encodeDeliverSmResp, encodeSubmitSm, encodeSubmitSmResp } from './hot-pdus';
import { PduReader } from './pdu-reader';
import { newPdu, type SmppPdu, smppPackage } from './smpp-package';

const PLAIN = {
  service_type: '',
  source_addr_ton: 5,
  source_addr_npi: 0,
  source_addr: 'CONGAN',
  dest_addr_ton: 1,
  dest_addr_npi: 1,
  destination_addr: '84912345678',
  esm_class: 0x40,
  registered_delivery: 1,
  validity_period: '000001000000000R',
  data_coding: 8,
  short_message: Buffer.from([0x05, 0x00, 0x03, 0x2a, 0x02, 0x01, 0x00, 0x43, 0x1e, 0xa3]),
};

describe('the hand-encoded hot PDUs', () => {
  it('encode a plain submit_sm byte for byte as the smpp package does', () => {
    const expected = newPdu('submit_sm', { ...PLAIN, sequence_number: 77 }).toBuffer();
    expect(encodeSubmitSm(77, PLAIN)).toEqual(expected);
  });

  it('decode, through the package, to the fields given', () => {
    const decoded = new smppPackage.PDU(encodeSubmitSm(0x7fffffff, PLAIN)!);
    expect(decoded).toMatchObject({ command: 'submit_sm', sequence_number: 0x7fffffff, destination_addr: '84912345678', data_coding: 8, esm_class: 0x40 });
    expect(Buffer.from(decoded.short_message as Buffer)).toEqual(PLAIN.short_message);
  });

  it('leave a submit_sm with anything more (SAR numbers, a payload) to the package', () => {
    expect(encodeSubmitSm(1, { ...PLAIN, sar_msg_ref_num: 7 })).toBeNull();
    expect(encodeSubmitSm(1, { ...PLAIN, short_message: Buffer.alloc(0), message_payload: Buffer.alloc(300) })).toBeNull();
  });

  it("encode the simulated SMSC's answers byte for byte as the package does, refusals included", () => {
    for (const status of [0, 0x58]) {
      const expected = newPdu('submit_sm', { sequence_number: 12 }).response({ command_status: status, message_id: '1A2B3C' }).toBuffer();
      expect(encodeSubmitSmResp(12, status, '1A2B3C')).toEqual(expected);
    }
  });

  it('encode a receipt, in its text, its TLVs or both, byte for byte as the package does', () => {
    const text = { ...PLAIN, esm_class: 0x04, data_coding: 0, validity_period: '', short_message: RECEIPT_TEXT };
    const forms = [
      text,
      { ...text, receipted_message_id: '7f3a91', message_state: 2 },
      { ...text, short_message: Buffer.alloc(0), message_state: 5, receipted_message_id: '9' },
    ];
    for (const fields of forms) {
      const expected = newPdu('deliver_sm', { ...fields, sequence_number: 0x7ffffffe }).toBuffer();
      expect(encodeDeliverSm(0x7ffffffe, fields)).toEqual(expected);
    }
    expect(encodeDeliverSm(1, { ...text, network_error_code: Buffer.from([3, 0, 1]) })).toBeNull();
  });

  it('encode deliver_sm_resp byte for byte as the package does, error statuses included', () => {
    for (const status of [0, 0x64]) {
      const expected = newPdu('deliver_sm', { sequence_number: 9 }).response({ command_status: status }).toBuffer();
      expect(encodeDeliverSmResp(9, status)).toEqual(expected);
    }
  });
});

/** The fields of a decoded PDU, as plain data (Buffers as Buffers, whatever view of memory they are). */
function fieldsOf(pdu: SmppPdu): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pdu)) if (typeof value !== 'function') fields[key] = Buffer.isBuffer(value) ? Buffer.from(value) : value;
  return fields;
}

const RECEIPT_TEXT = Buffer.from('id:7f3a91 sub:001 dlvrd:001 submit date:2611300700 done date:2611300701 stat:DELIVRD err:000 text:Canh bao');

describe('the hand-decoded hot PDUs', () => {
  it('decode submit_sm_resp, accepted or refused, to the fields the package gives', () => {
    const answers = [
      newPdu('submit_sm', { sequence_number: 41 }).response({ message_id: '7F3A91' }),
      newPdu('submit_sm', { sequence_number: 42 }).response({ command_status: 0x58 }),
    ];
    for (const answer of answers) {
      const wire = answer.toBuffer();
      const decoded = decodeHotPdu(wire)!;
      expect(fieldsOf(decoded)).toEqual(fieldsOf(new smppPackage.PDU(wire)));
      expect(decoded.isResponse()).toBe(true);
    }
  });

  it('decode a receipt, in its text and in its TLVs, to the fields the package gives', () => {
    const receipt = newPdu('deliver_sm', {
      sequence_number: 9,
      source_addr: '84912345678',
      destination_addr: 'CONGAN',
      esm_class: 0x04,
      short_message: RECEIPT_TEXT,
      receipted_message_id: '7f3a91',
      message_state: 2,
      network_error_code: Buffer.from([3, 0, 0]),
    });
    const wire = receipt.toBuffer();
    const decoded = decodeHotPdu(wire)!;
    expect(fieldsOf(decoded)).toEqual(fieldsOf(new smppPackage.PDU(wire)));
    expect(decoded).toMatchObject({ command: 'deliver_sm', receipted_message_id: '7f3a91', message_state: 2, source_addr: '84912345678' });
    expect(decoded.isResponse()).toBe(false);
  });

  it('decode a subscriber SMS sent as a payload to the fields the package gives', () => {
    const wire = newPdu('deliver_sm', {
      sequence_number: 10,
      source_addr: '84912345678',
      data_coding: 8,
      message_payload: Buffer.from('0043', 'hex'),
    }).toBuffer();
    expect(fieldsOf(decodeHotPdu(wire)!)).toEqual(fieldsOf(new smppPackage.PDU(wire)));
  });

  it('decode what the simulated SMSC reads, a plain submit_sm and deliver_sm_resp, to the fields the package gives', () => {
    const wires = [
      encodeSubmitSm(5, PLAIN)!,
      newPdu('submit_sm', { ...PLAIN, short_message: Buffer.alloc(0), message_payload: Buffer.alloc(300, 1), sequence_number: 6 }).toBuffer(),
      encodeDeliverSmResp(7, 0),
      encodeDeliverSmResp(8, 0x64),
    ];
    for (const wire of wires) expect(fieldsOf(decodeHotPdu(wire)!)).toEqual(fieldsOf(new smppPackage.PDU(wire)));
  });

  it('leave every other PDU, and a deliver_sm with other TLVs, to the package', () => {
    expect(
      decodeHotPdu(newPdu('submit_sm', { ...PLAIN, sequence_number: 2, sar_msg_ref_num: 7, sar_total_segments: 2, sar_segment_seqnum: 1 }).toBuffer()),
    ).toBeNull();
    expect(decodeHotPdu(newPdu('enquire_link', { sequence_number: 3 }).toBuffer())).toBeNull();
    expect(decodeHotPdu(newPdu('bind_transceiver_resp', { sequence_number: 1, system_id: 'SMSC' }).toBuffer())).toBeNull();
    expect(decodeHotPdu(newPdu('deliver_sm', { sequence_number: 4, short_message: RECEIPT_TEXT, user_message_reference: 7 }).toBuffer())).toBeNull();
  });
});

describe('PduReader', () => {
  const wires = [
    newPdu('submit_sm', { sequence_number: 1 }).response({ message_id: 'A1' }).toBuffer(),
    newPdu('deliver_sm', { sequence_number: 2, source_addr: '84912345678', esm_class: 4, short_message: RECEIPT_TEXT }).toBuffer(),
    newPdu('enquire_link', { sequence_number: 3 }).toBuffer(),
  ];
  const stream = Buffer.concat(wires);

  it('cuts a stream into its PDUs wherever the reads split it', () => {
    for (const cuts of [[stream.length], [1, 3, 17, 40, stream.length], [wires[0].length, wires[0].length + 5, stream.length - 1, stream.length]]) {
      const reader = new PduReader();
      const pdus: SmppPdu[] = [];
      let from = 0;
      for (const to of cuts) {
        pdus.push(...reader.push(stream.subarray(from, to)));
        from = to;
      }
      expect(pdus.map((pdu) => [pdu.command, pdu.sequence_number])).toEqual([
        ['submit_sm_resp', 1],
        ['deliver_sm', 2],
        ['enquire_link', 3],
      ]);
      expect(pdus[0].message_id).toBe('A1');
    }
  });

  it('refuses a length no SMPP peer sends', () => {
    expect(() => new PduReader().push(Buffer.from([0, 0, 0, 4, 0, 0, 0, 0]))).toThrow(/PDU length 4/);
    expect(() => new PduReader().push(Buffer.from([0, 1, 0, 0]))).toThrow(/PDU length 65536/);
  });
});

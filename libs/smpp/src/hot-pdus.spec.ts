import { encodeDeliverSmResp, encodeSubmitSm } from './hot-pdus';
import { newPdu, smppPackage } from './smpp-package';

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

  it('encode deliver_sm_resp byte for byte as the package does, error statuses included', () => {
    for (const status of [0, 0x64]) {
      const expected = newPdu('deliver_sm', { sequence_number: 9 }).response({ command_status: status }).toBuffer();
      expect(encodeDeliverSmResp(9, status)).toEqual(expected);
    }
  });
});

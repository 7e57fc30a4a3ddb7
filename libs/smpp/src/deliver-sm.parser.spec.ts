import { parseDeliverSm, parseSmscDate } from './deliver-sm.parser';
import { newPdu, smppPackage } from './smpp-package';

const OPTIONS = { carrier: 'viettel' as const, dlrIdFormat: 'hex-to-dec' as const, utcOffsetMinutes: 420 };

function deliver(fields: Record<string, unknown>) {
  // Through the wire format, as the link receives it.
  return new smppPackage.PDU(newPdu('deliver_sm', fields).toBuffer());
}

describe(parseDeliverSm.name, () => {
  it('prefers receipted_message_id and message_state TLVs', () => {
    const pdu = deliver({ esm_class: 0x04, receipted_message_id: '161', message_state: 2, short_message: Buffer.from('id:999 stat:UNDELIV') });
    expect(parseDeliverSm(pdu, OPTIONS)).toMatchObject({ kind: 'receipt', receipt: { smscMessageId: '161', state: 'DELIVRD' } });
  });

  it('reads the text form in any case and order, with missing fields and extra text', () => {
    const text = 'Stat:undeliv ERR:001 random words ID:000161 done date:2601311530 dlvrd:000 Text:xin chao id:42';
    expect(parseDeliverSm(deliver({ esm_class: 0x04, source_addr: '+84 912 345 678', short_message: Buffer.from(text) }), OPTIONS)).toEqual({
      kind: 'receipt',
      receipt: {
        carrier: 'viettel',
        smscMessageId: '161',
        subscriber: '84912345678',
        state: 'UNDELIV',
        errorCode: '001',
        doneAt: new Date('2026-01-31T08:30:00Z'),
        raw: text,
      },
    });
  });

  it('keeps an unparseable receipt raw with a null id', () => {
    expect(parseDeliverSm(deliver({ esm_class: 0x04, short_message: Buffer.from('garbled ###') }), OPTIONS)).toMatchObject({
      kind: 'receipt',
      receipt: { smscMessageId: null, subscriber: null, state: null, raw: 'garbled ###' },
    });
  });

  it('turns other deliver_sm into inbound messages, decoded by data_coding', () => {
    const pdu = deliver({
      esm_class: 0,
      source_addr: '84912345678',
      destination_addr: '1234',
      data_coding: 8,
      short_message: Buffer.from('Chào', 'utf16le').swap16(),
    });
    expect(parseDeliverSm(pdu, OPTIONS)).toEqual({
      kind: 'inbound',
      message: { carrier: 'viettel', sourceAddr: '84912345678', destAddr: '1234', text: 'Chào', dataCoding: 8 },
    });
  });
});

describe(parseSmscDate.name, () => {
  it('reads YYMMDDhhmm and YYMMDDhhmmss in the SMSC wall clock, and nothing else', () => {
    expect(parseSmscDate('2601311530', 420)).toEqual(new Date('2026-01-31T08:30:00Z'));
    expect(parseSmscDate('261130235959', 420)).toEqual(new Date('2026-11-30T16:59:59Z'));
    expect(parseSmscDate('26113023595', 0)).toEqual(new Date('2026-11-30T23:59:00Z'));
    expect([parseSmscDate('2613011530', 420), parseSmscDate('26x1311530', 420), parseSmscDate('', 420), parseSmscDate(undefined, 420)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

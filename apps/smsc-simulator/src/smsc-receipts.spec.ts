import { type PendingReceipt, receiptPdu } from './smsc-receipts';

const SUBMITTED_UTC = Date.parse('2026-12-07T18:30:00.000Z'); // 01:30 on the 8th in Viet Nam
const DONE_UTC = Date.parse('2026-12-31T23:59:00.000Z'); // 06:59 on 1 January 2027 in Viet Nam

describe('receiptPdu', () => {
  it("stamps the text receipt's dates as Viet Nam's wall clock, YYMMDDhhmm, across a day and a year", () => {
    const receipt: PendingReceipt = {
      systemId: 'loa_viettel',
      idNumber: 7,
      submitMessageId: '7',
      source: 'CONGAN',
      destination: '84960000001',
      submittedAt: SUBMITTED_UTC,
      state: 'DELIVRD',
      snippet: 'Canh bao',
    };
    const sut = receiptPdu(receipt, '7', 'text', DONE_UTC, 1).toString('latin1');
    expect(sut).toContain('submit date:2612080130 done date:2701010659 stat:DELIVRD');
  });
});

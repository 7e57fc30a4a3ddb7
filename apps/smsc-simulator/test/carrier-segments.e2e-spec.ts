import { countCarrierSegments, type CarrierTextProfile, type SmsEncoding } from '@loa/sms';
import { type ConcatMode, type SmppAccountConfig } from '@loa/smpp';
import { type ReceivedSubmit } from '@loa/smsc-simulator';
import { destinations, type Harness, startHarness, submitAll } from './link-harness';

// Texts at each boundary: one message (160 / 70), the udh8 part (153 / 67), the udh16 and SAR part (152 / 66),
// and two of each part, in septets (gsm7) or UTF-16 units (ucs2).
const GSM_LENGTHS = [152, 153, 154, 160, 161, 304, 305, 306, 307];
const UCS2_LENGTHS = [66, 67, 68, 70, 71, 132, 133, 134, 135];
const TEXTS: { text: string; encoding: SmsEncoding }[] = [
  ...GSM_LENGTHS.map((length) => ({ text: 'a'.repeat(length), encoding: 'gsm7' as const })),
  ...UCS2_LENGTHS.map((length) => ({ text: 'ă'.repeat(length), encoding: 'ucs2' as const })),
  // GSM but not ASCII: UCS-2 on an IA5 carrier (71 units: two parts there, one on the others).
  { text: 'é' + 'a'.repeat(70), encoding: 'gsm7' },
  // An extension character across the udh8 part edge: it moves whole to the next part.
  { text: 'a'.repeat(152) + '€' + 'a'.repeat(10), encoding: 'gsm7' },
];

const CARRIERS: { name: string; account: Partial<SmppAccountConfig> }[] = [
  { name: 'udh8', account: { concat: 'udh8' } },
  { name: 'udh16', account: { concat: 'udh16' } },
  { name: 'sar', account: { concat: 'sar' } },
  { name: 'payload (SMSC splits at 153 / 67)', account: { concat: 'payload' } },
  { name: 'payload (SMSC splits at 150 / 65)', account: { concat: 'payload', payloadSegment: { gsm7: 150, ucs2: 65 } } },
  { name: 'udh8, GSM as IA5', account: { concat: 'udh8', gsmCoding: 'ascii' } },
  { name: 'udh16, GSM as IA5', account: { concat: 'udh16', gsmCoding: 'ascii' } },
  { name: 'sar, GSM as IA5', account: { concat: 'sar', gsmCoding: 'ascii' } },
];

const UCS2_CODING = 8;
/** Septets of GSM text on the air: one a byte as the simulator receives it (unpacked, or IA5), two for an IA5 extension character. */
const septets = (bytes: Buffer, dataCoding: number) =>
  bytes.length + (dataCoding === 1 ? [...bytes].filter((b) => '^{}\\[~]|'.includes(String.fromCharCode(b))).length : 0);
/** What one PDU's user data takes on the air, in octets out of 140: a UDH as octets, GSM text at 7 bits a septet. */
function airOctets(udhOctets: number, body: Buffer, dataCoding: number): number {
  return dataCoding === UCS2_CODING ? udhOctets + body.length : Math.ceil((udhOctets * 8 + septets(body, dataCoding) * 7) / 8);
}

/** The parts the SMSC sends to the handset for what it received for one destination, counted from the PDUs alone. */
function smppParts(received: ReceivedSubmit[], concat: ConcatMode, payloadSegment = { gsm7: 153, ucs2: 67 }): number {
  const [first] = received;
  if (first.messagePayload) {
    const ucs2 = first.dataCoding === UCS2_CODING;
    const units = ucs2 ? first.messagePayload.length / 2 : septets(first.messagePayload, first.dataCoding);
    if (units <= (ucs2 ? 70 : 160)) return 1;
    return Math.ceil(units / (ucs2 ? payloadSegment.ucs2 : payloadSegment.gsm7));
  }
  for (const pdu of received) {
    const udh = pdu.esmClass & 0x40 ? pdu.shortMessage[0] + 1 : 0;
    // A SAR part leaves the SMSC room for the 7-octet header a 16-bit sar_msg_ref_num needs on the air.
    const headerOnAir = concat === 'sar' && received.length > 1 ? 7 : udh;
    expect(airOctets(headerOnAir, pdu.shortMessage.subarray(udh), pdu.dataCoding)).toBeLessThanOrEqual(140);
  }
  return received.length;
}

describe('segments per carrier agree with the parts the SMSC receives', () => {
  let sut: Harness;

  afterEach(async () => {
    await sut?.stop();
  });

  it.each(CARRIERS)('$name', async ({ account }) => {
    sut = await startHarness({}, { binds: 1, ...account });
    const to = destinations(TEXTS.length);
    await submitAll(
      sut.link,
      TEXTS.map((text, index) => ({ destination: to[index], ...text })),
    );
    const profile: CarrierTextProfile = { carrier: 'test', concat: 'udh8', gsmCoding: 'gsm0338', ...account } as CarrierTextProfile;
    const counted = TEXTS.map(({ text, encoding }) => countCarrierSegments(text, encoding, profile).segments);
    const received = to.map((destination) =>
      smppParts(
        sut.simulator.received.filter((pdu) => pdu.destination === destination),
        profile.concat,
        profile.payloadSegment,
      ),
    );
    expect(received).toEqual(counted);
    // Every text arrives whole, in the coding the count assumed.
    const messages = sut.simulator.messages();
    expect(to.map((destination) => messages.find((message) => message.destination === destination)?.text)).toEqual(TEXTS.map(({ text }) => text));
    const ucs2 = TEXTS.map(({ text, encoding }) => countCarrierSegments(text, encoding, profile).encoding === 'ucs2');
    expect(to.map((destination) => messages.find((message) => message.destination === destination)?.dataCoding === UCS2_CODING)).toEqual(ucs2);
  });

  it('counts differ where the carriers do, at the boundaries (the figures the preview shows per carrier)', () => {
    const count = (text: string, encoding: SmsEncoding, concat: ConcatMode, gsmCoding: 'gsm0338' | 'ascii' = 'gsm0338') =>
      countCarrierSegments(text, encoding, { carrier: 'test', concat, gsmCoding }).segments;
    expect(['udh8', 'udh16', 'sar', 'payload'].map((concat) => count('a'.repeat(306), 'gsm7', concat as ConcatMode))).toEqual([2, 3, 3, 2]);
    expect(['udh8', 'udh16', 'sar', 'payload'].map((concat) => count('ă'.repeat(134), 'ucs2', concat as ConcatMode))).toEqual([2, 3, 3, 2]);
    expect([count('é' + 'a'.repeat(70), 'gsm7', 'udh8'), count('é' + 'a'.repeat(70), 'gsm7', 'udh8', 'ascii')]).toEqual([1, 2]);
  });
});

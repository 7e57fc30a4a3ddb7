import type { SmppAccountConfig } from './carrier-link.types';
import { buildSubmitPdus, ConcatReferences } from './submit-pdus';

const CONFIG = { sourceAddr: 'CONGAN', sourceTon: 5, sourceNpi: 0, destTon: 1, destNpi: 1, concat: 'udh8', gsmCoding: 'gsm0338', validityHours: 24 } as SmppAccountConfig;

describe(buildSubmitPdus.name, () => {
  it('sends ASCII-charset GSM text with data_coding 1 when the carrier says so', () => {
    const [pdu] = buildSubmitPdus({ destination: '84912345678', text: 'Hi', encoding: 'gsm7' }, { ...CONFIG, gsmCoding: 'ascii' }, new ConcatReferences());
    expect(pdu).toMatchObject({ data_coding: 1, short_message: Buffer.from('Hi'), registered_delivery: 1, source_addr_ton: 5, dest_addr_ton: 1, validity_period: '000001000000000R' });
  });

  it('shares one reference across the parts of a message and rolls it per message', () => {
    const references = new ConcatReferences();
    const first = buildSubmitPdus({ destination: '1', text: 'x'.repeat(200), encoding: 'gsm7' }, CONFIG, references);
    const second = buildSubmitPdus({ destination: '1', text: 'x'.repeat(200), encoding: 'gsm7' }, CONFIG, references);
    const reference = (pdu: Record<string, unknown>) => (pdu.short_message as Buffer)[3];
    expect(first.map(reference)).toEqual([reference(first[0]), reference(first[0])]);
    expect(reference(second[0])).not.toBe(reference(first[0]));
  });
});

import { countSegments } from '@loa/sms';
import { type ConcatMode } from '@loa/smpp';
import { SmscSimulator, startSimulators } from '@loa/smsc-simulator';
import { type Harness, startHarness, submitAll, waitFor } from './link-harness';

const VIETNAMESE = 'Công an tỉnh Sơn La cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Đường dây nóng 0212.3852.xxx';
const LONG_UCS2 = `${VIETNAMESE} ${VIETNAMESE} ${VIETNAMESE}`;
const LONG_GSM = 'Canh bao: {lua dao} qua mang @ _ ~ [giả] '.replace('giả', 'gia').repeat(9);

describe(SmscSimulator.name, () => {
  let sut: Harness;

  afterEach(async () => {
    await sut?.stop();
  });

  it('receives Vietnamese with diacritics byte-exact as UCS-2 with data_coding 8', async () => {
    sut = await startHarness({});
    const [[outcome]] = await submitAll(sut.link, [{ destination: '84912345678', text: VIETNAMESE.slice(0, 70), encoding: 'ucs2' }]);
    expect(outcome.kind).toBe('accepted');
    const [submit] = sut.simulator.received;
    expect(submit.dataCoding).toBe(8);
    expect(submit.shortMessage.equals(Buffer.from(VIETNAMESE.slice(0, 70), 'utf16le').swap16())).toBe(true);
    expect(submit).toMatchObject({
      text: VIETNAMESE.slice(0, 70),
      source: 'CONGAN',
      sourceTon: 5,
      sourceNpi: 0,
      destTon: 1,
      destNpi: 1,
      registeredDelivery: 1,
      esmClass: 0,
      validityPeriod: '000001000000000R',
    });
  });

  it("receives GSM '@' and '_' correctly with data_coding 0", async () => {
    sut = await startHarness({});
    await submitAll(sut.link, [{ destination: '84912345678', text: 'a@b_c {x} €' }]);
    const [submit] = sut.simulator.received;
    expect(submit.dataCoding).toBe(0);
    expect(submit.shortMessage.subarray(0, 5).equals(Buffer.from([0x61, 0x00, 0x62, 0x11, 0x63]))).toBe(true);
    expect(submit.text).toBe('a@b_c {x} €');
  });

  it.each<ConcatMode>(['udh8', 'udh16', 'sar', 'payload'])('reassembles long messages sent with %s to the original text', async (concat) => {
    sut = await startHarness({}, { concat });
    const outcomes = await submitAll(sut.link, [
      { destination: '84911111111', text: LONG_UCS2, encoding: 'ucs2' },
      { destination: '84922222222', text: LONG_GSM, encoding: 'gsm7' },
    ]);
    expect(outcomes.map(([outcome]) => outcome.kind)).toEqual(['accepted', 'accepted']);
    const messages = sut.simulator.messages();
    expect(messages.map((message) => [message.destination, message.text, message.complete])).toEqual([
      ['84911111111', LONG_UCS2, true],
      ['84922222222', LONG_GSM, true],
    ]);
    const parts = concat === 'payload' ? 1 : countSegments(LONG_UCS2, 'ucs2', concat).segments;
    expect(countSegments(LONG_UCS2, 'ucs2', concat).segments).toBeGreaterThan(1);
    expect(messages[0]).toMatchObject({ concat, parts, dataCoding: 8 });
    if (concat === 'udh8' || concat === 'udh16') expect(sut.simulator.received.every((submit) => (submit.esmClass & 0x40) !== 0)).toBe(true);
    if (concat === 'payload') expect(sut.simulator.received[0].shortMessage).toHaveLength(0);
    await waitFor('a receipt per part', () => sut.receipts.length === sut.simulator.counts.accepted);
  });

  it('starts named profiles with a JSON status endpoint', async () => {
    const running = await startSimulators(
      [
        { profile: 'viettel', port: 0, accounts: [{ systemId: 'loa_vt', password: 'pw' }] },
        { profile: 'vnpt', port: 0, accounts: [] },
      ],
      { statusPort: 0 },
    );
    try {
      expect(running.simulators.map((simulator) => simulator.profile.messageIdFormat)).toEqual(['hex', 'decimal']);
      const response = await fetch(`http://127.0.0.1:${running.statusPort}/status`);
      const body = (await response.json()) as { simulators: { profile: string; counts: { submits: number } }[] };
      expect(body.simulators.map((simulator) => [simulator.profile, simulator.counts.submits])).toEqual([
        ['viettel', 0],
        ['vnpt', 0],
      ]);
    } finally {
      await running.stop();
    }
  });
});

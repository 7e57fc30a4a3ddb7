import { type TextPattern } from '@loa/sms';
import { type ConcatMode } from '@loa/smpp';
import { DEFAULT_TEMPLATE_REFUSED_STATUS } from '@loa/smsc-simulator';
import { type Harness, startHarness } from './link-harness';

const WARNING = 'Công an tỉnh Sơn La cảnh báo: không cung cấp mã OTP cho bất kỳ ai.';
const PATTERN: TextPattern = { parts: [{ fixed: 'Công an ' }, { slot: 'P1', maxLength: 21 }, { fixed: ' cảnh báo: không cung cấp mã OTP cho bất kỳ ai.' }] };
// Three UCS-2 parts: the SMSC judges the message by its first.
const LONG_FIXED = ' Không bấm vào đường dẫn lạ, không chuyển tiền cho người tự xưng là công an, viện kiểm sát, tòa án. Gọi ngay';
const LONG_PATTERN: TextPattern = { parts: [{ fixed: 'Công an ' }, { slot: 'P1', maxLength: 21 }, { fixed: `${LONG_FIXED} ` }, { slot: 'P2', maxLength: 14 }] };
const LONG = `Công an tỉnh Sơn La${LONG_FIXED} 0212.3852.xxx`;

describe('a simulated carrier that takes only registered templates', () => {
  let sut: Harness;
  afterEach(async () => sut?.stop());

  it('takes a text matching a registered pattern and refuses any other with its status, which the link fails at once', async () => {
    sut = await startHarness({ templateRegistration: { patterns: [PATTERN] } });
    const registered = await sut.link.submit({ destination: '84912345678', text: WARNING, encoding: 'ucs2' });
    const other = await sut.link.submit({ destination: '84912345679', text: 'Công an tỉnh Sơn La khuyến cáo: cẩn thận.', encoding: 'ucs2' });
    expect(registered.kind).toBe('accepted');
    expect(other).toMatchObject({ kind: 'permanent', status: DEFAULT_TEMPLATE_REFUSED_STATUS });
    expect(sut.simulator.received.map((submit) => submit.status)).toEqual([0, DEFAULT_TEMPLATE_REFUSED_STATUS]);
  });

  it.each<ConcatMode>(['udh8', 'sar', 'payload'])(
    'judges a long message sent with %s by its start: all parts of a registered one go, none after a refused first',
    async (concat) => {
      sut = await startHarness({ templateRegistration: { patterns: [LONG_PATTERN] } }, { concat });
      expect((await sut.link.submit({ destination: '84912345678', text: LONG, encoding: 'ucs2' })).kind).toBe('accepted');
      const refused = await sut.link.submit({ destination: '84912345679', text: LONG.replace('Gọi ngay', 'Gọi'), encoding: 'ucs2' });
      expect(refused.kind).toBe(concat === 'payload' ? 'permanent' : 'accepted');
      const unregistered = await sut.link.submit({ destination: '84912345670', text: `Xin chào.${LONG_FIXED}`, encoding: 'ucs2' });
      expect(unregistered).toMatchObject({ kind: 'permanent', accepted: [] });
      expect(sut.simulator.messages().filter((message) => message.complete)[0]).toMatchObject({ destination: '84912345678', text: LONG });
      expect(sut.simulator.received.filter((submit) => submit.destination === '84912345670')).toHaveLength(1);
    },
  );

  it('fails for good a status the SMPP table would retry, when the account names it its carrier\'s "template not registered"', async () => {
    const profile = { templateRegistration: { status: 0x45, patterns: [PATTERN] } };
    sut = await startHarness(profile, { templateRefusedStatus: 0x45 });
    const outcome = await sut.link.submit({ destination: '84912345678', text: 'Tin khac', encoding: 'gsm7' });
    expect(outcome).toMatchObject({ kind: 'permanent', status: 0x45 });
    expect(outcome.kind === 'permanent' && outcome.error).toContain('template not registered');
    await sut.stop();

    sut = await startHarness(profile);
    expect((await sut.link.submit({ destination: '84912345678', text: 'Tin khac', encoding: 'gsm7' })).kind).toBe('refused');
  });
});

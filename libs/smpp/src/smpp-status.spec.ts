import { classifySmppStatus, smppStatusName } from './smpp-status';

describe(classifySmppStatus.name, () => {
  it.each([
    [0x58, 'pause-link'],
    [0x14, 'pause-link'],
    [0x08, 'retry'],
    [0x64, 'retry'],
    [0x0b, 'permanent'],
    [0x0a, 'permanent'],
    [0x401, 'permanent'],
  ])('classifies 0x%s as %s', (status, action) => {
    expect(classifySmppStatus(status)).toBe(action);
  });

  it('names statuses with their hex code, vendor ones by hex only', () => {
    expect(smppStatusName(0x0b)).toBe('ESME_RINVDSTADR (0x0000000B)');
    expect(smppStatusName(0x401)).toBe('0x00000401');
  });
});

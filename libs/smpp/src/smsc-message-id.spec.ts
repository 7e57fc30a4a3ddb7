import { canonicalReceiptId, canonicalSubmitId } from './smsc-message-id';

describe(canonicalSubmitId.name, () => {
  it('makes hex submit ids and decimal receipt ids equal (hex-to-dec), leading zeros and case aside', () => {
    expect(canonicalSubmitId('00A1b2', 'hex-to-dec')).toBe(canonicalReceiptId('41394', 'hex-to-dec'));
    expect(canonicalReceiptId('0041394', 'hex-to-dec')).toBe('41394');
  });

  it('makes decimal submit ids and hex receipt ids equal (dec-to-hex)', () => {
    expect(canonicalSubmitId('41394', 'dec-to-hex')).toBe(canonicalReceiptId('a1B2', 'dec-to-hex'));
  });

  it('handles ids beyond 2^53 exactly', () => {
    expect(canonicalSubmitId('FFFFFFFFFFFFFFFF', 'hex-to-dec')).toBe('18446744073709551615');
  });

  it("keeps 'same' ids and ids that are not numbers as sent, trimmed", () => {
    expect(canonicalSubmitId(' Ab-12 ', 'same')).toBe('Ab-12');
    expect(canonicalSubmitId('xyz', 'hex-to-dec')).toBe('xyz');
  });
});

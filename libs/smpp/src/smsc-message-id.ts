import { type DlrIdFormat } from './carrier-link.types';

const HEX = /^[0-9a-f]+$/i;
const DECIMAL = /^[0-9]+$/;

// With hex-to-dec / dec-to-hex both sides become decimal digits without leading zeros, so '00A1' in a
// submit_sm_resp, '161' in a receipt and 'a1' all compare equal. 'same' keeps the id as sent (trimmed):
// some carriers' ids are case-sensitive alphanumerics.
function canonicalFrom(id: string, radix: 16 | 10): string {
  const trimmed = id.trim();
  const valid = radix === 16 ? HEX.test(trimmed) : DECIMAL.test(trimmed);
  if (!valid) return trimmed;
  return BigInt(radix === 16 ? `0x${trimmed}` : trimmed).toString(10);
}

/** The id from submit_sm_resp, in the canonical form receipts are matched by. */
export function canonicalSubmitId(id: string, format: DlrIdFormat): string {
  if (format === 'same') return id.trim();
  return canonicalFrom(id, format === 'hex-to-dec' ? 16 : 10);
}

/** The id a receipt carries, in the same canonical form as canonicalSubmitId. */
export function canonicalReceiptId(id: string, format: DlrIdFormat): string {
  if (format === 'same') return id.trim();
  return canonicalFrom(id, format === 'hex-to-dec' ? 10 : 16);
}

import { isGsmText } from './gsm-alphabet';
import { foldToGsm } from './gsm-fold';
import { countSegments } from './sms-segments';
import { normalizeSmsText } from './sms-text';
import { type EncodingPolicy, type PreparedText, type SegmentInfo, type SmsConcatMode } from './sms.types';

/** The text as it will be sent under `policy` (NFC, folded if asked) and the encoding it needs. */
export function prepareText(text: string, policy: EncodingPolicy): PreparedText {
  switch (policy) {
    case 'ascii-fold':
      return { text: foldToGsm(text), encoding: 'gsm7' };
    case 'unicode':
      return { text: normalizeSmsText(text), encoding: 'ucs2' };
    case 'auto': {
      const normalized = normalizeSmsText(text);
      return { text: normalized, encoding: isGsmText(normalized) ? 'gsm7' : 'ucs2' };
    }
  }
}

/** prepareText + countSegments: what preview and the campaign renderer show and bill. */
export function describeText(text: string, policy: EncodingPolicy, concat: SmsConcatMode = 'udh8'): PreparedText & SegmentInfo {
  const prepared = prepareText(text, policy);
  return { ...prepared, ...countSegments(prepared.text, prepared.encoding, concat) };
}

import { buildConcatUdh, dataCodingFor, encodeText, splitSegments } from '@loa/sms';
import { type OutboundSms, type SmppAccountConfig } from './carrier-link.types';
import { relativeValidityPeriod } from './validity-period';

const ESM_CLASS_UDHI = 0x40;
const REGISTERED_DELIVERY_FINAL = 0x01;

/** The fields of one submit_sm, as the smpp package takes them (short_message always a Buffer). */
export type SubmitPduFields = Record<string, unknown>;

/** Hands out concatenation references per link, rolling over within the reference size. */
export class ConcatReferences {
  private last8 = Math.floor(Math.random() * 0xff);
  private last16 = Math.floor(Math.random() * 0xffff);

  next(bits: 8 | 16): number {
    if (bits === 8) return (this.last8 = (this.last8 % 0xff) + 1);
    return (this.last16 = (this.last16 % 0xffff) + 1);
  }
}

/** One submit_sm per segment (one in total for message_payload); bytes from libs/sms, never the package. */
export function buildSubmitPdus(message: OutboundSms, config: SmppAccountConfig, references: ConcatReferences): SubmitPduFields[] {
  const charset = config.gsmCoding;
  const base: SubmitPduFields = {
    service_type: '',
    source_addr_ton: config.sourceTon,
    source_addr_npi: config.sourceNpi,
    source_addr: config.sourceAddr,
    dest_addr_ton: config.destTon,
    dest_addr_npi: config.destNpi,
    destination_addr: message.destination,
    esm_class: 0,
    registered_delivery: REGISTERED_DELIVERY_FINAL,
    validity_period: relativeValidityPeriod(message.validityHours ?? config.validityHours),
    data_coding: dataCodingFor(message.encoding, charset),
  };
  const segments = splitSegments(message.text, message.encoding, config.concat);
  if (segments.length === 1) return [{ ...base, short_message: encodeText(message.text, message.encoding, charset) }];
  switch (config.concat) {
    case 'payload':
      return [{ ...base, short_message: Buffer.alloc(0), message_payload: encodeText(message.text, message.encoding, charset) }];
    case 'sar': {
      const reference = references.next(16);
      return segments.map((segment, index) => ({
        ...base,
        short_message: encodeText(segment, message.encoding, charset),
        sar_msg_ref_num: reference,
        sar_total_segments: segments.length,
        sar_segment_seqnum: index + 1,
      }));
    }
    case 'udh8':
    case 'udh16': {
      const bits = config.concat === 'udh8' ? 8 : 16;
      const reference = references.next(bits);
      return segments.map((segment, index) => ({
        ...base,
        esm_class: ESM_CLASS_UDHI,
        short_message: Buffer.concat([buildConcatUdh(reference, segments.length, index + 1, bits), encodeText(segment, message.encoding, charset)]),
      }));
    }
  }
}

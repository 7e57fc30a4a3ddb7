import { type Benchmark, measureRate } from '@loa/bench';
import { DAK_LAK } from './campaign-letters.fixture';
import { encodeText } from './sms-codec';
import { prepareText } from './sms-prepare';
import { splitSegments } from './sms-segments';

const BATCH = 1000;

export const smsBenchmarks: Benchmark[] = [
  {
    name: 'sms.encode-segment',
    description: 'prepareText (auto) + splitSegments + encodeText of a 3-segment Vietnamese warning (UCS-2)',
    async run() {
      let bytes = 0;
      const rate = measureRate(() => {
        for (let i = 0; i < BATCH; i++) {
          const prepared = prepareText(DAK_LAK, 'auto');
          for (const part of splitSegments(prepared.text, prepared.encoding, 'udh8')) bytes += encodeText(part, prepared.encoding).length;
        }
        return BATCH;
      });
      return [{ name: 'sms.encode-segment', value: Math.round(rate), unit: 'messages/s', budget: 200_000, better: 'higher', note: `${bytes} bytes encoded` }];
    },
  },
];

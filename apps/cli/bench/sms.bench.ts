import { type Benchmark, measureRate } from '@loa/bench';
import { encodeText, prepareText, splitSegments } from '@loa/sms';

// The Đắk Lắk police letter, also in libs/sms's test fixtures: 181 characters, three UCS-2 segments.
const DAK_LAK =
  'Công an tỉnh Đắk Lắk cảnh báo: Không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng là công an, viện kiểm sát, tòa án. Mọi thắc mắc liên hệ 069.4389.211 hoặc 0262.3818.568.';
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

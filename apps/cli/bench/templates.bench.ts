import { type Benchmark, measureRate } from '@loa/bench';
import { encodeText, prepareText, splitSegments } from '@loa/sms';
import { compileTemplate, renderTemplate, type TemplateContext } from '@loa/templates';

// Renders to 100-134 UTF-16 units for these provinces: two UCS-2 segments, the common case.
const BODY = 'CA {{province.name}} cảnh báo: không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng công an. Liên hệ {{province.hotline}} hoặc 113.';
const CAMPAIGN = { name: 'Tết 2026', startDate: '20/01/2026', endDate: '24/02/2026' };
const CONTEXTS: TemplateContext[] = [
  {
    province: {
      code: '66',
      name: 'Đắk Lắk',
      hotline: '069.4389.211',
      hotlines: '069.4389.211 hoặc 0262.3818.568',
      website: 'congan.daklak.gov.vn',
      zalo: null,
      fanpage: null,
      vneid: null,
    },
    campaign: CAMPAIGN,
  },
  {
    province: { code: '92', name: 'Cần Thơ', hotline: '069.367.2888', hotlines: '069.367.2888', website: null, zalo: null, fanpage: null, vneid: null },
    campaign: CAMPAIGN,
  },
  {
    province: { code: '01', name: 'Hà Nội', hotline: '0000.000.001', hotlines: '0000.000.001', website: null, zalo: null, fanpage: null, vneid: null },
    campaign: CAMPAIGN,
  },
  {
    province: { code: '14', name: 'Sơn La', hotline: '0000.000.014', hotlines: '0000.000.014', website: null, zalo: null, fanpage: null, vneid: null },
    campaign: CAMPAIGN,
  },
];
const BATCH = 1000;

export const templateBenchmarks: Benchmark[] = [
  {
    name: 'sms.render-encode-segment',
    description: 'per message: render a compiled 2-segment Vietnamese template for a province, prepareText, splitSegments, encodeText each part',
    async run() {
      const compiled = compileTemplate(BODY);
      let segments = 0;
      let messages = 0;
      const rate = measureRate(() => {
        for (let i = 0; i < BATCH; i++) {
          const prepared = prepareText(renderTemplate(compiled, CONTEXTS[i & 3]), 'auto');
          for (const part of splitSegments(prepared.text, prepared.encoding, 'udh8')) {
            if (encodeText(part, prepared.encoding).length > 0) segments++;
          }
        }
        messages += BATCH;
        return BATCH;
      });
      return [
        {
          name: 'sms.render-encode-segment',
          value: Math.round(rate),
          unit: 'messages/s',
          budget: 200_000,
          better: 'higher',
          note: `${(segments / messages).toFixed(2)} UCS-2 segments per message`,
        },
      ];
    },
  },
];

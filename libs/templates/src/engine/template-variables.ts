import { formatVietnamDate } from '@loa/common';

/** The province as templates see it; one national template yields each province its own hotline. */
export interface TemplateProvince {
  code: string;
  name: string;
  /** The name without its kind: "Sơn La", "Hà Nội" (templateContext fills it). */
  shortName?: string;
  /** Kind in lower case and short name, as Decree 30 writes it mid-sentence: "tỉnh Sơn La", "thành phố Hà Nội". */
  unit?: string;
  /** The first police hotline; null when the province has none on record (lint names it, never a default). */
  hotline: string | null;
  /** Every police hotline, joined with " hoặc "; null when none is on record. */
  hotlines: string | null;
  website: string | null;
  /** The police's Zalo Official Account, as printed (e.g. a zalo.me link). */
  zalo: string | null;
  /** The police's Facebook fanpage, as printed. */
  fanpage: string | null;
  /** Where to read VNeID's "Cảnh báo thủ đoạn tội phạm" (a vneid.gov.vn link or the words to find it in the app). */
  vneid: string | null;
}

/** The calls to action a province may have on record or not; a template printing a missing one is refused. */
export const CONTACT_VARIABLES = ['province.hotline', 'province.hotlines', 'province.website', 'province.zalo', 'province.fanpage', 'province.vneid'] as const;
export type ContactVariable = (typeof CONTACT_VARIABLES)[number];

export interface TemplateCampaign {
  name: string;
  /** dd/MM/yyyy, Asia/Ho_Chi_Minh wall clock (formatTemplateDate). */
  startDate: string;
  endDate: string | null;
}

export interface TemplateContext {
  province: TemplateProvince;
  campaign: TemplateCampaign;
}

export type TemplateVariable =
  | 'province.name'
  | 'province.code'
  | 'province.shortName'
  | 'province.unit'
  | 'province.hotline'
  | 'province.hotlines'
  | 'province.website'
  | 'province.zalo'
  | 'province.fanpage'
  | 'province.vneid'
  | 'campaign.name'
  | 'campaign.startDate'
  | 'campaign.endDate';

export interface TemplateVariableInfo {
  vi: string;
  en: string;
  example: string;
}

export const TEMPLATE_VARIABLES: Readonly<Record<TemplateVariable, TemplateVariableInfo>> = {
  'province.name': { vi: 'Tên tỉnh, thành phố', en: 'Province or city name', example: 'Đắk Lắk' },
  'province.code': { vi: 'Mã tỉnh, thành phố', en: 'Province code', example: '66' },
  'province.shortName': { vi: 'Tên tỉnh, thành phố không kèm "Tỉnh"/"Thành phố"', en: 'Province name without its kind', example: 'Đắk Lắk' },
  'province.unit': { vi: 'Tỉnh, thành phố viết thường giữa câu (Nghị định 30/2020)', en: 'Kind and name in lower case, mid-sentence', example: 'tỉnh Đắk Lắk' },
  'province.hotline': { vi: 'Số đường dây nóng đầu tiên của Công an tỉnh', en: 'First police hotline', example: '069.4389.211' },
  'province.hotlines': {
    vi: 'Tất cả số đường dây nóng, nối bằng " hoặc "',
    en: 'All police hotlines, joined with " hoặc "',
    example: '069.4389.211 hoặc 0262.3818.568',
  },
  'province.website': { vi: 'Trang thông tin điện tử của Công an tỉnh', en: 'Police website', example: 'congan.daklak.gov.vn' },
  'province.zalo': { vi: 'Zalo OA của Công an tỉnh', en: 'Police Zalo Official Account', example: 'zalo.me/congandaklak' },
  'province.fanpage': { vi: 'Trang Facebook (fanpage) của Công an tỉnh', en: 'Police Facebook fanpage', example: 'facebook.com/congandaklak' },
  'province.vneid': {
    vi: 'Mục "Cảnh báo thủ đoạn tội phạm" trên ứng dụng VNeID',
    en: 'VNeID\'s "Cảnh báo thủ đoạn tội phạm" (crime alerts) section',
    example: 'mục "Cảnh báo thủ đoạn tội phạm" trên VNeID',
  },
  'campaign.name': { vi: 'Tên chiến dịch', en: 'Campaign name', example: 'Cảnh báo lừa đảo dịp Tết' },
  'campaign.startDate': { vi: 'Ngày bắt đầu (dd/MM/yyyy)', en: 'Start date (dd/MM/yyyy)', example: '20/01/2026' },
  'campaign.endDate': { vi: 'Ngày kết thúc (dd/MM/yyyy)', en: 'End date (dd/MM/yyyy)', example: '24/02/2026' },
};

export function isTemplateVariable(path: string): path is TemplateVariable {
  return Object.hasOwn(TEMPLATE_VARIABLES, path);
}

/** dd/MM/yyyy on the Vietnamese wall clock, whatever the server's time zone. */
export function formatTemplateDate(date: Date): string {
  return formatVietnamDate(date);
}

/** Joins hotlines the way province.hotlines shows them. */
export function joinHotlines(hotlines: readonly string[]): string {
  return hotlines.join(' hoặc ');
}

/** Every variable filled with its example: compile-time validation and lint without provinces. */
export const SAMPLE_CONTEXT: TemplateContext = {
  province: {
    code: TEMPLATE_VARIABLES['province.code'].example,
    name: TEMPLATE_VARIABLES['province.name'].example,
    shortName: TEMPLATE_VARIABLES['province.shortName'].example,
    unit: TEMPLATE_VARIABLES['province.unit'].example,
    hotline: TEMPLATE_VARIABLES['province.hotline'].example,
    hotlines: TEMPLATE_VARIABLES['province.hotlines'].example,
    website: TEMPLATE_VARIABLES['province.website'].example,
    zalo: TEMPLATE_VARIABLES['province.zalo'].example,
    fanpage: TEMPLATE_VARIABLES['province.fanpage'].example,
    vneid: TEMPLATE_VARIABLES['province.vneid'].example,
  },
  campaign: {
    name: TEMPLATE_VARIABLES['campaign.name'].example,
    startDate: TEMPLATE_VARIABLES['campaign.startDate'].example,
    endDate: TEMPLATE_VARIABLES['campaign.endDate'].example,
  },
};

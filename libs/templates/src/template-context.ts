import { formatTemplateDate, joinHotlines, type TemplateContext } from './engine';

export interface ProvinceProfile {
  code: string;
  name: string;
  shortName: string;
  kind: 'city' | 'province';
  policeHotlines: string[];
  website: string | null;
  zalo: string | null;
  fanpage: string | null;
  vneid: string | null;
}

/**
 * What a template sees for one province of one campaign. A contact the province has none of on record is
 * null, never a stand-in (113 in place of the province's own hotline told people to call the wrong desk):
 * lint refuses a template that prints one (CONTACT_MISSING).
 */
export function templateContext(province: ProvinceProfile, campaign: { name: string; startDate: Date; endDate: Date | null }): TemplateContext {
  const hotlines = province.policeHotlines;
  return {
    province: {
      code: province.code,
      name: province.name,
      shortName: province.shortName,
      unit: provinceUnit(province),
      hotline: hotlines[0] ?? null,
      hotlines: hotlines.length > 0 ? joinHotlines(hotlines) : null,
      website: province.website,
      zalo: province.zalo,
      fanpage: province.fanpage,
      vneid: province.vneid,
    },
    campaign: {
      name: campaign.name,
      startDate: formatTemplateDate(campaign.startDate),
      endDate: campaign.endDate ? formatTemplateDate(campaign.endDate) : null,
    },
  };
}

/** "tỉnh Sơn La", "thành phố Hà Nội": Decree 30/2020 writes the kind of a unit in lower case mid-sentence. */
export function provinceUnit(province: Pick<ProvinceProfile, 'shortName' | 'kind'>): string {
  return `${province.kind === 'city' ? 'thành phố' : 'tỉnh'} ${province.shortName}`;
}

import { formatTemplateDate, joinHotlines, type TemplateContext } from './engine';

/** The national police emergency number: the hotline of a province whose own is not on record yet. */
export const NATIONAL_POLICE_HOTLINE = '113';

export interface ProvinceProfile {
  code: string;
  name: string;
  policeHotlines: string[];
  website: string | null;
}

/** What a template sees for one province of one campaign. */
export function templateContext(province: ProvinceProfile, campaign: { name: string; startDate: Date; endDate: Date | null }): TemplateContext {
  const hotlines = province.policeHotlines.length > 0 ? province.policeHotlines : [NATIONAL_POLICE_HOTLINE];
  return {
    province: { code: province.code, name: province.name, hotline: hotlines[0], hotlines: joinHotlines(hotlines), website: province.website },
    campaign: {
      name: campaign.name,
      startDate: formatTemplateDate(campaign.startDate),
      endDate: campaign.endDate ? formatTemplateDate(campaign.endDate) : null,
    },
  };
}

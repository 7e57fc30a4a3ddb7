import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invalid } from '@loa/common';
import { queryRows } from '@loa/database';
import { describeText } from '@loa/sms';
import { compileTemplate, renderTemplate, type Template, templateContext } from '@loa/templates';
import { type CampaignText } from './campaign';

interface ProvinceRow {
  code: string;
  name: string;
  police_hotlines: string[];
  website: string | null;
}

/** Renders a campaign's template once per targeted province (its own hotline in it). */
@Injectable()
export class CampaignTextsRenderer {
  constructor(private readonly db: DataSource) {}

  async render(
    template: Template,
    provinceCodes: string[],
    campaign: { name: string; startAt: Date; reportDeadline?: Date },
  ): Promise<Omit<CampaignText, 'id'>[]> {
    const provinces = await queryRows<ProvinceRow>(
      this.db,
      'SELECT code, name, police_hotlines, website FROM provinces WHERE code = ANY($1)',
      [provinceCodes],
    );
    const unknown = provinceCodes.filter((code) => !provinces.some((province) => province.code === code));
    if (unknown.length > 0) throw invalid(`provinces: unknown province code ${unknown.join(', ')}`, { provinces: unknown });
    const compiled = compileTemplate(template.body);
    return provinces.map((province) => {
      const context = templateContext(
        { code: province.code, name: province.name, policeHotlines: province.police_hotlines, website: province.website },
        { name: campaign.name, startDate: campaign.startAt, endDate: campaign.reportDeadline ?? null },
      );
      const described = describeText(renderTemplate(compiled, context), template.encodingPolicy);
      if (described.segments > template.maxSegments) {
        throw invalid(`template ${template.id} renders to ${described.segments} segments for ${province.name}; its limit is ${template.maxSegments}`);
      }
      return { provinceCode: province.code, body: described.text, encoding: described.encoding, segments: described.segments };
    });
  }
}

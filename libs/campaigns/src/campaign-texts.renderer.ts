import { Injectable } from '@nestjs/common';
import { invalid } from '@loa/common';
import { describeText, SmsTextError } from '@loa/sms';
import { compileTemplate, renderTemplate, type Template, templateContext, TemplateLinting } from '@loa/templates';
import { type CampaignText } from '@loa/delivery';

export interface CampaignTextRequest {
  name: string;
  startAt: Date;
  reportDeadline?: Date;
}

/** Renders a campaign's template once per targeted province (its own hotline in it), after linting it. */
@Injectable()
export class CampaignTextsRenderer {
  constructor(private readonly linting: TemplateLinting) {}

  async render(template: Template, provinceCodes: string[], campaign: CampaignTextRequest): Promise<Omit<CampaignText, 'id'>[]> {
    const context = { name: campaign.name, startDate: campaign.startAt, endDate: campaign.reportDeadline ?? null };
    const findings = await this.linting.lint({
      body: template.body,
      policy: template.encodingPolicy,
      maxSegments: template.maxSegments,
      provinces: provinceCodes,
      campaign: context,
    });
    const errors = findings.filter((finding) => finding.severity === 'error');
    if (errors.length > 0) {
      throw invalid(`template ${template.id} does not fit these provinces: ${errors.map((e) => e.message).join('; ')}`, { findings });
    }
    const compiled = compileTemplate(template.body);
    const provinces = await this.linting.targeted(provinceCodes);
    return provinces.map((province) => {
      try {
        const described = describeText(renderTemplate(compiled, templateContext(province, context)), template.encodingPolicy);
        return { provinceCode: province.code, body: described.text, encoding: described.encoding, segments: described.segments };
      } catch (error) {
        if (error instanceof SmsTextError) throw invalid(`template ${template.id} for ${province.name}: ${error.message}`);
        throw error;
      }
    });
  }
}

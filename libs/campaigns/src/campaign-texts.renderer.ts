import { Injectable } from '@nestjs/common';
import { invalid } from '@loa/common';
import { countCarrierSegments, describeText, SmsTextError } from '@loa/sms';
import { compileTemplate, renderTemplate, type Template, templateContext, TemplateLinting } from '@loa/templates';
import { type CampaignText } from '@loa/delivery';

export interface CampaignTextRequest {
  name: string;
  startAt: Date;
  reportDeadline?: Date;
}

/** A province's text, with the parts one message of it costs on each targeted carrier (its own concat and coding). */
export interface RenderedCampaignText extends Omit<CampaignText, 'id'> {
  /** Parts per message by carrier, e.g. {"viettel": 2, "vnpt": 3}; `segments` is the largest. */
  carrierSegments: Record<string, number>;
}

/** Renders a campaign's template once per targeted province (its own hotline in it), after linting it. */
@Injectable()
export class CampaignTextsRenderer {
  constructor(private readonly linting: TemplateLinting) {}

  async render(template: Template, provinceCodes: string[], carriers: readonly string[], campaign: CampaignTextRequest): Promise<RenderedCampaignText[]> {
    const context = await this.assertLintClean(template, provinceCodes, carriers, campaign);
    const profiles = this.linting.carrierProfiles(carriers);
    const compiled = compileTemplate(template.body);
    const provinces = await this.linting.targeted(provinceCodes);
    return provinces.map((province) => {
      try {
        const described = describeText(renderTemplate(compiled, templateContext(province, context)), template.encodingPolicy);
        const carrierSegments = Object.fromEntries(
          profiles.map((profile) => [profile.carrier, countCarrierSegments(described.text, described.encoding, profile).segments]),
        );
        const segments = profiles.length > 0 ? Math.max(...Object.values(carrierSegments)) : described.segments;
        return { provinceCode: province.code, body: described.text, encoding: described.encoding, segments, carrierSegments };
      } catch (error) {
        if (error instanceof SmsTextError) throw invalid(`template ${template.id} for ${province.name}: ${error.message}`);
        throw error;
      }
    });
  }

  /**
   * Lint errors against these provinces' current data and these carriers (a hotline missing, a link not
   * allowed, too many parts on one carrier) refuse the campaign, naming the provinces; at creation and again
   * at approval, since an admin may have changed a province in between.
   */
  async assertLintClean(
    template: Template,
    provinceCodes: string[],
    carriers: readonly string[],
    campaign: CampaignTextRequest,
  ): Promise<{ name: string; startDate: Date; endDate: Date | null }> {
    const context = { name: campaign.name, startDate: campaign.startAt, endDate: campaign.reportDeadline ?? null };
    const findings = await this.linting.lint({
      body: template.body,
      policy: template.encodingPolicy,
      maxSegments: template.maxSegments,
      provinces: provinceCodes,
      carriers,
      campaign: context,
    });
    const errors = findings.filter((finding) => finding.severity === 'error');
    if (errors.length > 0) {
      throw invalid(`template ${template.id} does not fit these provinces: ${errors.map((e) => e.message).join('; ')}`, { findings });
    }
    return context;
  }
}

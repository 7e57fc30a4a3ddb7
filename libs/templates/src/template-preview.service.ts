import { Injectable } from '@nestjs/common';
import { type AuthUser, scopedProvinces } from '@loa/auth';
import { type StoredProvince } from '@loa/provinces';
import { type CarrierTextProfile, countCarrierSegments, describeText, type EncodingPolicy, SmsTextError } from '@loa/sms';
import { AudienceRepository, type AudienceCount } from '@loa/subscribers';
import { compileTemplate, type CompiledTemplate, renderTemplate } from './engine';
import { templateContext } from './template-context';
import { TemplateLinting } from './template-linting';
import { type CarrierSegments, type PolicyPreview, type PreviewRequest, type ProvincePreview, type TemplatePreview } from './template-preview';
import { assertCompiles } from './templates.service';

const POLICIES: EncodingPolicy[] = ['auto', 'unicode', 'ascii-fold'];

/** What each province's subscribers would receive, what it costs, and what lint says, per policy. */
@Injectable()
export class TemplatePreviewService {
  constructor(
    private readonly linting: TemplateLinting,
    private readonly audiences: AudienceRepository,
  ) {}

  async preview(request: PreviewRequest, user: AuthUser): Promise<TemplatePreview> {
    assertCompiles(request.body);
    const codes = scopedProvinces(user, request.provinces) ?? [];
    const provinces = await this.linting.targeted(codes);
    const audience = await this.audiences.count({ provinces: provinces.map((p) => p.code), carriers: request.carriers });
    const compiled = compileTemplate(request.body);
    const policies = request.policy ? [request.policy] : POLICIES;
    const previews = await Promise.all(policies.map((policy) => this.previewPolicy(compiled, policy, provinces, audience, request)));
    return { audience: audience.total, policies: previews };
  }

  private async previewPolicy(
    compiled: CompiledTemplate,
    policy: EncodingPolicy,
    provinces: StoredProvince[],
    audience: AudienceCount,
    request: PreviewRequest,
  ): Promise<PolicyPreview> {
    const profiles = this.linting.carrierProfiles(request.carriers);
    const rows = provinces.map((province) => previewProvince(compiled, policy, province, audience, profiles));
    const findings = await this.linting.lint({
      body: request.body,
      policy,
      maxSegments: request.maxSegments,
      provinces: provinces.map((p) => p.code),
      carriers: request.carriers,
    });
    return { policy, provinces: rows, audienceSegments: rows.reduce((sum, row) => sum + row.audienceSegments, 0), findings };
  }
}

function previewProvince(
  compiled: CompiledTemplate,
  policy: EncodingPolicy,
  province: StoredProvince,
  audience: AudienceCount,
  profiles: readonly CarrierTextProfile[],
): ProvincePreview {
  const counts = audience.provinces.find((row) => row.code === province.code);
  const subscribers = counts?.total ?? 0;
  const base = { code: province.code, name: province.name, audience: subscribers };
  const rendered = renderTemplate(compiled, templateContext(province, { name: 'Chiến dịch', startDate: new Date(), endDate: null }));
  try {
    const text = describeText(rendered, policy);
    const carriers: CarrierSegments[] = profiles.map((profile) => ({
      carrier: profile.carrier,
      ...pick(countCarrierSegments(text.text, text.encoding, profile)),
      audience: (counts?.carriers as Record<string, number> | undefined)?.[profile.carrier] ?? 0,
    }));
    const segments = carriers.length > 0 ? Math.max(...carriers.map((carrier) => carrier.segments)) : text.segments;
    return {
      ...base,
      text: text.text,
      encoding: text.encoding,
      segments,
      carriers,
      segmentsDiffer: new Set(carriers.map((carrier) => carrier.segments)).size > 1,
      units: text.units,
      unitsLeftInLastSegment: text.unitsLeftInLastSegment,
      // Without a carrier account to count with (none targeted has one), the udh8 count of the whole audience.
      audienceSegments: carriers.length > 0 ? carriers.reduce((sum, carrier) => sum + carrier.audience * carrier.segments, 0) : subscribers * segments,
    };
  } catch (error) {
    if (!(error instanceof SmsTextError)) throw error;
    return {
      ...base,
      text: null,
      encoding: null,
      segments: 0,
      carriers: [],
      segmentsDiffer: false,
      units: 0,
      unitsLeftInLastSegment: 0,
      audienceSegments: 0,
      error: error.message,
    };
  }
}

function pick(counted: { encoding: CarrierSegments['encoding']; segments: number }): Pick<CarrierSegments, 'encoding' | 'segments'> {
  return { encoding: counted.encoding, segments: counted.segments };
}

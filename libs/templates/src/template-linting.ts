import { isIP } from 'node:net';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { invalid } from '@loa/common';
import { loadDefaults } from '@loa/config';
import { ProvincesRepository, type StoredProvince } from '@loa/provinces';
import { type CarrierTextProfile, type EncodingPolicy } from '@loa/sms';
import { CARRIER_TEXT_PROFILES, defaultCarrierTextProfiles, profilesFor } from './carrier-texts.module';
import { lintTemplate, type LintFinding } from './engine';
import { templateContext } from './template-context';

export interface LintRequest {
  body: string;
  policy: EncodingPolicy;
  maxSegments: number;
  /** Province codes; all provinces when empty. */
  provinces: string[];
  campaign?: { name: string; startDate: Date; endDate: Date | null };
  /** The carriers the text goes to, each counted its own way; every carrier with an account when absent. */
  carriers?: readonly string[];
  /** A printed contact the province has none of: an error (default: preview, campaigns) or a warning (a template not yet tied to provinces). */
  missingContacts?: LintFinding['severity'];
}

/** Lints a template against the real provinces: their hotlines, their websites, their names' lengths. */
@Injectable()
export class TemplateLinting {
  constructor(
    private readonly provinces: ProvincesRepository,
    @Optional() @Inject(CARRIER_TEXT_PROFILES) private readonly profiles?: readonly CarrierTextProfile[],
  ) {}

  /** How each of these carriers (every carrier with an account when none is named) takes a text; read lazily, a dispatcher may never ask. */
  carrierProfiles(carriers?: readonly string[]): CarrierTextProfile[] {
    return profilesFor(this.profiles ?? defaultCarrierTextProfiles(), carriers);
  }

  async lint(request: LintRequest): Promise<LintFinding[]> {
    const provinces = await this.targeted(request.provinces);
    const campaign = request.campaign ?? { name: 'Chiến dịch', startDate: new Date(), endDate: null };
    return lintTemplate(request.body, {
      policy: request.policy,
      maxSegments: request.maxSegments,
      allowedLinkDomains: [...loadDefaults().allowedLinkDomains, ...websiteDomains(provinces)],
      provinces: provinces.map((province) => templateContext(province, campaign).province),
      campaign: templateContext(provinces[0], campaign).campaign,
      carriers: this.carrierProfiles(request.carriers),
      missingContacts: request.missingContacts,
    });
  }

  /** The provinces named by code (all of them when none is named); an unknown code is an `invalid()` naming it. */
  async targeted(codes: string[]): Promise<StoredProvince[]> {
    const all = await this.provinces.list();
    if (codes.length === 0) return all;
    const unknown = codes.filter((code) => !all.some((province) => province.code === code));
    if (unknown.length > 0) throw invalid(`provinces: unknown province code ${unknown.join(', ')}`, { provinces: unknown });
    return all.filter((province) => codes.includes(province.code));
  }
}

/** The provinces' own website domains join the allow-list; a numeric address never does, whoever typed it in. */
function websiteDomains(provinces: StoredProvince[]): string[] {
  return provinces.flatMap((province) => {
    if (!province.website) return [];
    try {
      const host = new URL(province.website.includes('://') ? province.website : `https://${province.website}`).hostname;
      return isIP(host.replace(/^\[|\]$/g, '')) === 0 ? [host] : [];
    } catch {
      return [];
    }
  });
}

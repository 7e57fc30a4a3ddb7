import { type EncodingPolicy, type SmsEncoding } from '@loa/sms';
import { type LintFinding } from './engine';

export interface PreviewRequest {
  body: string;
  /** One policy, or every policy when absent. */
  policy?: EncodingPolicy;
  maxSegments: number;
  provinces: string[];
  carriers: string[];
}

/** What one message of a province's text costs on one carrier, counted with its concatenation and coding. */
export interface CarrierSegments {
  carrier: string;
  encoding: SmsEncoding;
  segments: number;
  /** Active subscribers of the province on this carrier. */
  audience: number;
}

export interface ProvincePreview {
  code: string;
  name: string;
  text: string | null;
  encoding: SmsEncoding | null;
  /** The most parts any targeted carrier takes for one message (what the template's limit is checked against). */
  segments: number;
  /** Per carrier with an account: its own count; they differ where concatenation (udh16, sar) or coding (ascii) do. */
  carriers: CarrierSegments[];
  /** Whether the carriers count this text differently. */
  segmentsDiffer: boolean;
  units: number;
  unitsLeftInLastSegment: number;
  /** Active, not excluded subscribers of this province on the chosen carriers. */
  audience: number;
  /** What the carriers will bill for this province: each carrier's audience × its own segments. */
  audienceSegments: number;
  /** Why the text cannot be sent under this policy (e.g. a character ascii-fold cannot map). */
  error?: string;
}

export interface PolicyPreview {
  policy: EncodingPolicy;
  provinces: ProvincePreview[];
  audienceSegments: number;
  findings: LintFinding[];
}

export interface TemplatePreview {
  audience: number;
  policies: PolicyPreview[];
  /** A saved version (templateId): the carriers demanding registration where it is not registered. */
  unregisteredCarriers?: string[];
}

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

export interface ProvincePreview {
  code: string;
  name: string;
  text: string | null;
  encoding: SmsEncoding | null;
  segments: number;
  units: number;
  unitsLeftInLastSegment: number;
  /** Active, not excluded subscribers of this province on the chosen carriers. */
  audience: number;
  /** What the carriers will bill for this province: audience × segments. */
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
}

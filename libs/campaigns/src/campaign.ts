import { type SmsEncoding } from '@loa/sms';

export const CARRIERS = ['viettel', 'vnpt', 'mobifone'] as const;
export type Carrier = (typeof CARRIERS)[number];

/**
 * A submit whose answer never came (timeout, or the link dropped): `resend` sends it again after a pause
 * (a duplicate is possible); `await-receipt` sends nothing more and waits for the carrier's receipt,
 * matched by the subscriber's number and the time, ending as unknown when none comes within the validity.
 */
export const AMBIGUOUS_POLICIES = ['resend', 'await-receipt'] as const;
export type AmbiguousPolicy = (typeof AMBIGUOUS_POLICIES)[number];

export type CampaignState = 'draft' | 'pending_approval' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';

export interface Campaign {
  id: number;
  name: string;
  templateId: number;
  provinces: string[];
  carriers: Carrier[];
  state: CampaignState;
  startAt: Date;
  validityHours: number;
  onAmbiguous: AmbiguousPolicy;
  reportDeadline: Date | null;
  priority: number;
  createdBy: number;
  approvedBy: number | null;
  createdAt: Date;
  materialisedAt: Date | null;
  completedAt: Date | null;
}

export interface NewCampaign {
  name: string;
  templateId: number;
  provinces: string[];
  carriers?: Carrier[];
  startAt: Date;
  validityHours?: number;
  onAmbiguous?: AmbiguousPolicy;
  reportDeadline?: Date;
  priority?: number;
}

/** The text one province's subscribers receive, rendered once per campaign. */
export interface CampaignText {
  id: number;
  provinceCode: string;
  body: string;
  encoding: SmsEncoding;
  segments: number;
}

import { type SmsEncoding } from '@loa/sms';

export const CARRIERS = ['viettel', 'vnpt', 'mobifone'] as const;
export type Carrier = (typeof CARRIERS)[number];

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

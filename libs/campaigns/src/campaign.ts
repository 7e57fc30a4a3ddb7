import { type Carrier } from '@loa/common';
import { type AmbiguousPolicy, type CampaignState } from '@loa/delivery';
import { type SendLimitsRequest } from './send-limit-overrides';
import { type SendWindow } from './send-window';

/** The campaign states and their moves are defined once, in @loa/delivery's campaign-states. */
export type { CampaignState };

export interface Campaign {
  id: number;
  name: string;
  templateId: number;
  provinces: string[];
  carriers: Carrier[];
  state: CampaignState;
  startAt: Date;
  validityHours: number;
  /** When it may send, wall clock Asia/Ho_Chi_Minh (default from config; lifted only with an audited reason). */
  sendWindow: SendWindow;
  /** Sends whatever other warnings its subscribers had that day (an audited override). */
  dailyCapLifted: boolean;
  onAmbiguous: AmbiguousPolicy;
  reportDeadline: Date | null;
  /** The programme (plan of several sends) it belongs to, if any. */
  programmeId: number | null;
  priority: number;
  createdBy: number;
  approvedBy: number | null;
  createdAt: Date;
  materialisedAt: Date | null;
  completedAt: Date | null;
}

export interface NewCampaign extends SendLimitsRequest {
  name: string;
  templateId: number;
  provinces: string[];
  carriers?: Carrier[];
  startAt: Date;
  validityHours?: number;
  onAmbiguous?: AmbiguousPolicy;
  reportDeadline?: Date;
  programmeId?: number;
  priority?: number;
}

// The API's answers as the console reads them (times arrive as ISO strings with +07:00). The OpenAPI
// document types the requests; these follow the libraries' own types (libs/campaigns, libs/reporting,
// libs/templates) until the controllers document their answers too.
import { type components } from './schema';

export type Role = components['schemas']['CurrentUserDto']['role'];
export type CurrentUser = components['schemas']['CurrentUserDto'];
export type Carrier = 'viettel' | 'vnpt' | 'mobifone' | 'others';
export type CampaignState = 'draft' | 'pending_approval' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';
export type TemplateStatus = 'draft' | 'pending' | 'approved' | 'rejected';
export type EncodingPolicy = 'auto' | 'unicode' | 'ascii-fold';
export type NewCampaign = components['schemas']['CreateCampaignDto'];

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/** When a campaign may send, Viet Nam's wall clock: a daily window, or lifted (day and night, an audited override). */
export type SendWindow = { kind: 'daily'; start: string; end: string } | { kind: 'lifted' };

export interface Campaign {
  id: number;
  name: string;
  templateId: number;
  provinces: string[];
  carriers: Carrier[];
  state: CampaignState;
  startAt: string;
  validityHours: number;
  sendWindow: SendWindow | null;
  dailyCapLifted: boolean;
  reportDeadline: string | null;
  programmeId: number | null;
  priority: number;
  createdBy: number;
  approvedBy: number | null;
  createdAt: string;
  completedAt: string | null;
}

export interface FinishEstimate {
  estimatedFinishAt: string | null;
  meetsDeadline: boolean | null;
  unsentAtDeadline: number;
}

/** GET /campaigns/:id's estimate. Paused: no finish (nulls), only `ifResumedNow`, the finish were it resumed now. */
export interface CampaignEstimate extends FinishEstimate {
  plannedAt: string;
  messagesLeft: number;
  paused: boolean;
  ifResumedNow: FinishEstimate | null;
}

export interface TestSend {
  id: number;
  msisdn: string;
  carrier: Carrier;
  provinceCode: string;
  state: 'queued' | 'sending' | 'accepted' | 'refused' | 'failed';
  error: string | null;
  receipt: string | null;
  delivered: boolean;
  requestedAt: string;
  sentAt: string | null;
}

export interface CampaignDetail extends Campaign {
  estimate: CampaignEstimate | null;
  testSends: TestSend[];
  /** Why a draft came back from approval (the latest rejection), null otherwise. */
  rejection: { reason: string; by: string | null; at: string } | null;
}

export interface CarrierPlan {
  carrier: Carrier;
  tps: number;
  rateSource: 'contract' | 'measured';
  messages: number;
  parts: number;
  campaignsAhead: { id: number; name: string; priority: number; state: string; parts: number; finishesAt: string | null }[];
  otherCampaignsAhead: { count: number; parts: number };
  tpsShare: number;
  startsAt: string | null;
  finishesAt: string | null;
  unsentAtDeadline: number;
}

export interface DeadlinePlan {
  campaignId: number | null;
  plannedAt: string;
  startAt: string;
  reportDeadline: string | null;
  messages: number;
  parts: number;
  provinces: { code: string; messages: number; parts: number }[];
  carriers: CarrierPlan[];
  sendWindows: { start: string; end: string }[];
  estimatedFinishAt: string | null;
  meetsDeadline: boolean | null;
  unsentAtDeadline: number;
}

export interface ReportCounts {
  targeted: number;
  submitted: number;
  delivered: number;
  failed: number;
  pending: number;
  partsBilled: number;
  deliveryRate: number | null;
}

export interface ReportRow extends ReportCounts {
  provinceCode: string;
  provinceName: string;
  carrier: string;
}

export interface CampaignReport {
  campaignId: number;
  campaignName: string;
  state: CampaignState;
  startAt: string;
  reportDeadline: string | null;
  generatedAt: string;
  totals: ReportCounts;
  rows: ReportRow[];
  times: { firstSentAt: string | null; lastSentAt: string | null; firstReceiptAt: string | null; lastReceiptAt: string | null };
  timeline: { step: 'minute' | 'hour'; points: { at: string; submitted: number; delivered: number }[] };
}

export interface CarrierLink {
  carrier: string;
  status: 'up' | 'down';
  boundSessions: number;
  inFlight: number;
  queued: number;
  tps: number;
  window: number;
  pdusSent: number;
  throttlePauses: number;
  answers: Record<string, number>;
  lastError: { message: string; at: string } | null;
}

/** A line of GET /reports/deadlines. Paused: `finishesInTime` null, and `ifResumedNow` the finish were it resumed now. */
export type DeadlineEntry = components['schemas']['DeadlineEntryDto'];

export interface Province {
  code: string;
  name: string;
  region?: string;
}

export interface ProvinceMatch {
  province: Province & { policeHotlines?: string[] };
}

export interface Template {
  id: number;
  familyId: number;
  version: number;
  name: string;
  body: string;
  encodingPolicy: EncodingPolicy;
  maxSegments: number;
  status: TemplateStatus;
  authorId: number;
  provinces: string[] | null;
  rejectionReason: string | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

export interface LintFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  province?: string;
  provinces?: string[];
  line?: number;
  column?: number;
  index?: number;
}

export interface ProvincePreview {
  code: string;
  name: string;
  text: string | null;
  encoding: 'gsm7' | 'ucs2' | null;
  segments: number;
  carriers: { carrier: string; encoding: 'gsm7' | 'ucs2'; segments: number; audience: number }[];
  segmentsDiffer: boolean;
  audience: number;
  audienceSegments: number;
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

export interface AudienceCount {
  total: number;
  provinces: { code: string; total: number; carriers: Record<string, number> }[];
}

export type CampaignText = components['schemas']['CampaignTextDto'];
export type NumberLookup = components['schemas']['SubscriberMessagesDto'];
export type SentMessage = components['schemas']['SubscriberMessageDto'];

/** A carrier account's brandname and the certificate it goes out under (GET /carriers/certificates). */
export type CarrierCertificate = components['schemas']['CarrierCertificateDto'];
export type CertificateState = CarrierCertificate['state'];

/** A carrier whose brandname certificate does not cover the campaign's sending (the plan's `certificateProblems`). */
export interface CertificateProblem {
  code: 'CERTIFICATE_LAPSED' | 'CERTIFICATE_NOT_YET_VALID';
  carrier: string;
  brandname: string;
  number: string;
  validFrom: string;
  validTo: string;
  sendingEndsAt: string;
}

/** A text a carrier demanding registration would refuse (the plan's `registrationProblems`). */
export type RegistrationProblem =
  | { code: 'TEMPLATE_NOT_REGISTERED'; carrier: string; state: RegistrationState | null }
  | { code: 'SLOT_OVERFLOW'; carrier: string; province: string; slot: string; variable: string; length: number; maxLength: number }
  | { code: 'TEXT_NOT_MATCHING'; carrier: string; province: string };

/** The deadline plan with what carriers would refuse: a lapsed brandname certificate, a text not registered. */
export interface CampaignPlan extends DeadlinePlan {
  certificateProblems?: CertificateProblem[];
  unregisteredCarriers?: string[];
  registrationProblems?: RegistrationProblem[];
}

export type RegistrationState = 'submitted' | 'registered' | 'refused';
export type RegistrationAnswer = components['schemas']['RecordRegistrationDto'];

/** A template version as sent to one carrier: its pattern and the carrier's answer. */
export interface CarrierRegistration {
  templateId: number;
  carrier: string;
  state: RegistrationState;
  stateLabel: string;
  reference: string | null;
  reason: string | null;
  pattern: { text: string; slots: { name: string; variable: string; maxLength: number }[] };
  submittedAt: string;
  answeredAt: string | null;
}

export interface TemplateRegistrations {
  templateId: number;
  version: number;
  /** Carriers whose account demands a registered text. */
  required: string[];
  registrations: CarrierRegistration[];
}

// The answers the admin and official screens read (times arrive as ISO strings with +07:00). The requests are
// typed by the OpenAPI document (./schema); these follow libs/auth, libs/subscribers, libs/campaigns and
// libs/reporting until the controllers document their answers too.
import { type CampaignReport, type Carrier, type ReportCounts, type ReportRow, type Role } from './models';
import { type components } from './schema';

export type ProvinceContacts = components['schemas']['ProvinceDto'];
export type ProvinceContactsChange = components['schemas']['UpdateProvinceDto'];
export type NewUser = components['schemas']['CreateUserDto'];
export type UserChange = components['schemas']['UpdateUserDto'];
export type NewProgramme = components['schemas']['CreateProgrammeDto'];
export type NewCarrierReport = components['schemas']['CarrierReportDto'];

export interface UserView {
  id: number;
  username: string;
  role: Role;
  provinceScope: string[] | null;
  disabled: boolean;
  createdAt: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  objectType: string;
  objectId: string;
  provinces: string[] | null;
  details: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  clientRequestId: string | null;
  remoteAddr: string | null;
}

export interface TestNumber {
  msisdn: string;
  userId: number;
  username?: string;
  carrier: Carrier;
  createdAt: string;
}

export interface ImportJob {
  id: number;
  state: 'running' | 'completed';
  source: string;
  createdBy: number | null;
  provinces: string[] | null;
  createdAt: string;
  finishedAt: string | null;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  mapped: number;
}

export interface Exclusion {
  msisdn: string;
  reason: string | null;
  provinceCode: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface ExclusionPage {
  total: number;
  items: Exclusion[];
}

export interface Programme {
  id: number;
  name: string;
  /** The plan's number and code (Kế hoạch số …); older answers call it documentNumber. */
  planReference?: string | null;
  documentNumber: string | null;
  governingBody: string | null;
  issuingUnit: string;
  legalBasis: string | null;
  contactOfficer: string | null;
  contactPhone: string | null;
  reportDeadline: string | null;
  provinces: string[];
  createdBy: number;
  createdAt: string;
}

export interface CarrierReportComparison {
  carrier: string;
  reported: { targeted: number; sent: number; delivered: number; reportedOn: string; reference: string | null; recordedAt: string };
  loa: { targeted: number; submitted: number; delivered: number };
  difference: { targeted: number; sent: number; delivered: number };
}

/** Null for a reader who sees only some of the campaign's provinces (a carrier reports the whole campaign). */
export type CarrierReports = { reported: CarrierReportComparison[]; notReported: string[] } | null;

export interface ReportError {
  source: 'receipt' | 'submit' | 'loa';
  state: string;
  reason: string;
  messages: number;
}

/** The campaign report with what the operator's view does not read. */
export interface FullCampaignReport extends CampaignReport {
  countedUntil: string;
  totals: ReportCounts & { cancelled: number };
  errors: ReportError[];
  carrierReports: CarrierReports;
  programme: { id: number; name: string } | null;
  /** Once the deadline has passed: the figures as at the deadline. */
  atDeadline: { countedUntil: string; totals: ReportCounts; rows: ReportRow[] } | null;
}

export interface ProgrammeCampaign {
  campaignId: number;
  campaignName: string;
  state: string;
  startAt: string;
  totals: ReportCounts;
  rows: ReportRow[];
  carrierReports: CarrierReports;
}

export interface ProgrammeReport {
  programme: Omit<Programme, 'createdBy' | 'createdAt'>;
  generatedAt: string;
  campaigns: ProgrammeCampaign[];
  totals: ReportCounts;
  distinctSubscribersReached: number;
  rows: ReportRow[];
}

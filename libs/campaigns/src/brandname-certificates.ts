import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Clock, parseVietnamInstant, systemClock, vietnamDay } from '@loa/common';
import { type BrandnameCertificate, configFile, loadCarriersFile } from '@loa/config';
import { PLANNER_CLOCK } from './plan/campaign-plans.service';
import { CARRIER_CERTIFICATES } from './sending-carriers.module';

/** The dashboard warns this many days before a brandname's certificate lapses. */
export const CERTIFICATE_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

/** One carrier account's brandname and its certificate (null: none in the carriers file). */
export interface CarrierCertificate {
  carrier: string;
  brandname: string;
  certificate: BrandnameCertificate | null;
}

export type CertificateState = 'valid' | 'expiring' | 'lapsed' | 'not_yet_valid' | 'unknown';

/** What GET /carriers/certificates answers for one account. */
export interface CarrierCertificateStatus extends CarrierCertificate {
  state: CertificateState;
  /** Days from today (Viet Nam) to `validTo`: 0 on its last day, negative once lapsed; null without a certificate. */
  daysLeft: number | null;
  /** The first instant it no longer covers (24:00 of validTo, Viet Nam time). */
  lapsesAt: Date | null;
}

/** Why a carrier may not carry a campaign: its brandname's certificate does not cover the campaign's sending. */
export interface CertificateProblem {
  code: 'CERTIFICATE_LAPSED' | 'CERTIFICATE_NOT_YET_VALID';
  carrier: string;
  brandname: string;
  number: string;
  validFrom: string;
  validTo: string;
  /** The last moment the campaign may send: its start (or now, if later) plus its validity. */
  sendingEndsAt: Date;
}

/** The brandname and certificate of each account of a carriers file. */
export function carrierCertificates(
  accounts: readonly { id: string; sourceAddr: string; brandname?: string; certificate?: BrandnameCertificate }[],
): CarrierCertificate[] {
  return accounts.map((account) => ({ carrier: account.id, brandname: account.brandname ?? account.sourceAddr, certificate: account.certificate ?? null }));
}

/** 00:00 of a calendar day (`yyyy-MM-dd`) in Viet Nam. */
function startOfVietnamDay(day: string): number {
  return parseVietnamInstant(`${day}T00:00`).getTime();
}

/** Today's date in Viet Nam, as midnight UTC of that date (for whole-day differences). */
function vietnamToday(now: number): number {
  return Date.parse(vietnamDay(now));
}

let defaults: CarrierCertificate[] | undefined;

/**
 * Brandname certificates: which carriers may carry a campaign (plan, approval), and how long each has
 * left (metrics, the dashboard's warning). "Today" is the planner's clock, so tests move it.
 */
@Injectable()
export class BrandnameCertificates {
  private readonly accounts: readonly CarrierCertificate[];

  constructor(
    @Optional() @Inject(CARRIER_CERTIFICATES) accounts?: readonly CarrierCertificate[],
    @Optional() @Inject(PLANNER_CLOCK) private readonly clock: Clock = systemClock,
  ) {
    // Without a carriers file (tests, a dispatcher): the default config/carriers.json's.
    this.accounts = accounts ?? (defaults ??= carrierCertificates(loadCarriersFile(configFile('carriers.json'))));
  }

  /** Every account's certificate as of now. */
  statuses(): CarrierCertificateStatus[] {
    const now = this.clock.now();
    return this.accounts.map((account) => ({ ...account, ...statusOf(account.certificate, now) }));
  }

  /**
   * The accounts of `carriers` whose certificate does not cover a campaign sending from `startAt` (or now,
   * if later) for `validityHours`: what is not sent by then ends unsent, so the brandname must hold until
   * then (the report deadline may lie weeks later, when nothing goes out under it). An account with no
   * certificate on record is not refused: the carriers file says nothing to check.
   */
  problems(carriers: readonly string[], startAt: Date, validityHours: number): CertificateProblem[] {
    const from = Math.max(startAt.getTime(), this.clock.now());
    const sendingEndsAt = new Date(from + validityHours * 3_600_000);
    return this.accounts.flatMap(({ carrier, brandname, certificate }): CertificateProblem[] => {
      if (!certificate || !carriers.includes(carrier)) return [];
      const described = { carrier, brandname, ...certificate, sendingEndsAt };
      if (startOfVietnamDay(certificate.validTo) + DAY_MS < sendingEndsAt.getTime()) return [{ code: 'CERTIFICATE_LAPSED' as const, ...described }];
      if (startOfVietnamDay(certificate.validFrom) > from) return [{ code: 'CERTIFICATE_NOT_YET_VALID' as const, ...described }];
      return [];
    });
  }
}

function statusOf(certificate: BrandnameCertificate | null, now: number): Pick<CarrierCertificateStatus, 'state' | 'daysLeft' | 'lapsesAt'> {
  if (!certificate) return { state: 'unknown', daysLeft: null, lapsesAt: null };
  const lapsesAt = new Date(startOfVietnamDay(certificate.validTo) + DAY_MS);
  const daysLeft = Math.round((Date.parse(certificate.validTo) - vietnamToday(now)) / DAY_MS);
  const state: CertificateState =
    daysLeft < 0 ? 'lapsed' : startOfVietnamDay(certificate.validFrom) > now ? 'not_yet_valid' : daysLeft <= CERTIFICATE_WARNING_DAYS ? 'expiring' : 'valid';
  return { state, daysLeft, lapsesAt };
}

/** "12/03/2026": a date as officials read it. */
export function vietnameseDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

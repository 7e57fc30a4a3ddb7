import { type DynamicModule, Module } from '@nestjs/common';
import { CARRIERS } from '@loa/common';
import type { CarrierCertificate } from './brandname-certificates';

/** The carriers with an account in the carriers file: a campaign can reach only these. */
export const SENDING_CARRIERS = Symbol('SENDING_CARRIERS');

/** Each carrier's TPS (PDUs per second, summed over its accounts), for deadline plans. */
export const CARRIER_TPS = Symbol('CARRIER_TPS');

/** Each account's brandname and certificate (CarrierCertificate[]): the plan and the approval refuse one that lapses. */
export const CARRIER_CERTIFICATES = Symbol('CARRIER_CERTIFICATES');

/** Without a carriers file (tests): the three networks of the design, not 'others', which has no default account. */
export const CONTRACTED_CARRIERS: readonly string[] = CARRIERS.filter((carrier) => carrier !== 'others');

/**
 * Tells CampaignsService which carriers have an account, so that a campaign never targets one no
 * dispatcher will ever send to (its messages would stay queued and the campaign would never end), and
 * the deadline planner their TPS. Without it (tests, the dispatcher process), CONTRACTED_CARRIERS are
 * allowed, and plans use the TPS and certificates of the default config/carriers.json.
 */
@Module({})
export class SendingCarriersModule {
  static forRoot(carriers: readonly string[], tps?: Readonly<Record<string, number>>, certificates?: readonly CarrierCertificate[]): DynamicModule {
    const fromFile = [
      ...(tps ? [{ provide: CARRIER_TPS, useValue: tps }] : []),
      ...(certificates ? [{ provide: CARRIER_CERTIFICATES, useValue: certificates }] : []),
    ];
    return {
      module: SendingCarriersModule,
      global: true,
      providers: [{ provide: SENDING_CARRIERS, useValue: [...new Set(carriers)] }, ...fromFile],
      exports: [SENDING_CARRIERS, ...fromFile.map((provider) => provider.provide)],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { CARRIERS } from '@loa/common';

/** The carriers with an account in the carriers file: a campaign can reach only these. */
export const SENDING_CARRIERS = Symbol('SENDING_CARRIERS');

/** Each carrier's TPS (PDUs per second, summed over its accounts), for deadline plans. */
export const CARRIER_TPS = Symbol('CARRIER_TPS');

/** Without a carriers file (tests): the three networks of the design, not 'others', which has no default account. */
export const CONTRACTED_CARRIERS: readonly string[] = CARRIERS.filter((carrier) => carrier !== 'others');

/**
 * Tells CampaignsService which carriers have an account, so that a campaign never targets one no
 * dispatcher will ever send to (its messages would stay queued and the campaign would never end), and
 * the deadline planner their TPS. Without it (tests, the dispatcher process), CONTRACTED_CARRIERS are
 * allowed, and plans use the TPS of the default config/carriers.json.
 */
@Module({})
export class SendingCarriersModule {
  static forRoot(carriers: readonly string[], tps?: Readonly<Record<string, number>>): DynamicModule {
    const tpsProviders = tps ? [{ provide: CARRIER_TPS, useValue: tps }] : [];
    return {
      module: SendingCarriersModule,
      global: true,
      providers: [{ provide: SENDING_CARRIERS, useValue: [...new Set(carriers)] }, ...tpsProviders],
      exports: [SENDING_CARRIERS, ...tpsProviders.map((provider) => provider.provide)],
    };
  }
}

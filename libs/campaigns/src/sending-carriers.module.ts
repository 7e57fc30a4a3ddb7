import { type DynamicModule, Module } from '@nestjs/common';
import { CARRIERS } from '@loa/common';

/** The carriers with an account in the carriers file: a campaign can reach only these. */
export const SENDING_CARRIERS = Symbol('SENDING_CARRIERS');

/** Without a carriers file (tests): the three networks of the design, not 'others', which has no default account. */
export const CONTRACTED_CARRIERS: readonly string[] = CARRIERS.filter((carrier) => carrier !== 'others');

/**
 * Tells CampaignsService which carriers have an account, so that a campaign never targets one no
 * dispatcher will ever send to (its messages would stay queued and the campaign would never end).
 * Without it (tests, the dispatcher process), CONTRACTED_CARRIERS are allowed.
 */
@Module({})
export class SendingCarriersModule {
  static forRoot(carriers: readonly string[]): DynamicModule {
    return {
      module: SendingCarriersModule,
      global: true,
      providers: [{ provide: SENDING_CARRIERS, useValue: [...new Set(carriers)] }],
      exports: [SENDING_CARRIERS],
    };
  }
}

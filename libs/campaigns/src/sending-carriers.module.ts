import { type DynamicModule, Module } from '@nestjs/common';

/** The carriers with an account in the carriers file: a campaign can reach only these. */
export const SENDING_CARRIERS = Symbol('SENDING_CARRIERS');

/**
 * Tells CampaignsService which carriers have an account, so that a campaign never targets one no
 * dispatcher will ever send to (its messages would stay queued and the campaign would never end).
 * Without it (tests, the dispatcher process), all three carriers are allowed.
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

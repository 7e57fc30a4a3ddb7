import { type DynamicModule, Module } from '@nestjs/common';

/** The carriers whose account says `templateRegistration: required`: they take only texts registered with them. */
export const REGISTRATION_REQUIRED_CARRIERS = Symbol('REGISTRATION_REQUIRED_CARRIERS');

/** The carriers of these accounts that demand registration (an account without the setting demands none). */
export function registrationRequiredCarriers(accounts: readonly { id: string; templateRegistration?: 'required' | 'none' }[]): string[] {
  return [...new Set(accounts.filter((account) => account.templateRegistration === 'required').map((account) => account.id))];
}

/**
 * Tells campaigns which carriers demand registered texts. Without it (tests about something else, a
 * dispatcher) no carrier does: unlike text profiles, there is no fallback on config/carriers.json.
 */
@Module({})
export class TemplateRegistrationModule {
  static forRoot(carriers: readonly string[]): DynamicModule {
    return {
      module: TemplateRegistrationModule,
      global: true,
      providers: [{ provide: REGISTRATION_REQUIRED_CARRIERS, useValue: [...new Set(carriers)] }],
      exports: [REGISTRATION_REQUIRED_CARRIERS],
    };
  }
}

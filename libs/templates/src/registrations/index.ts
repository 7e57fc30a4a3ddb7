export * from './carrier-registration';
export { CarrierRegistrationsService, type RegistrationProblem, type TemplateRegistrations } from './carrier-registrations.service';
export { DEFAULT_SLOT_LENGTHS, registrationPattern } from './registration-pattern';
export { registrationsCsv, registrationsXlsx } from './registration-export';
export { REGISTRATION_REQUIRED_CARRIERS, registrationRequiredCarriers, TemplateRegistrationModule } from './template-registration.module';

export { findPhoneNumbers, nationalNumber } from '@loa/sms';
export type { PhoneNumberMatch } from '@loa/sms';

/** Emergency numbers every province may print: police 113, fire 114, ambulance 115. */
export const EMERGENCY_NUMBERS = ['113', '114', '115'];

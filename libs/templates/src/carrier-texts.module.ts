import { type DynamicModule, Module } from '@nestjs/common';
import { configFile, loadCarriersFile } from '@loa/config';
import { type CarrierTextProfile, type GsmCharset, type PayloadSegment, type SmsConcatMode } from '@loa/sms';

/** How each carrier account takes a text (concat, GSM coding, SMSC part size): preview, lint and campaign texts count with it. */
export const CARRIER_TEXT_PROFILES = Symbol('CARRIER_TEXT_PROFILES');

/** The profile of each account in a carriers file (the ids a campaign can target). */
export function carrierTextProfiles(
  accounts: readonly { id: string; concat: SmsConcatMode; gsmCoding: GsmCharset; payloadSegment?: PayloadSegment }[],
): CarrierTextProfile[] {
  return accounts.map((account) => ({ carrier: account.id, concat: account.concat, gsmCoding: account.gsmCoding, payloadSegment: account.payloadSegment }));
}

let defaults: CarrierTextProfile[] | undefined;

/** Without a carriers file given (tests, a dispatcher's materialiser): the default config/carriers.json. */
export function defaultCarrierTextProfiles(): CarrierTextProfile[] {
  defaults ??= carrierTextProfiles(loadCarriersFile(configFile('carriers.json')));
  return defaults;
}

/** The profiles of these carriers (every profile when none is named). */
export function profilesFor(profiles: readonly CarrierTextProfile[], carriers: readonly string[] | undefined): CarrierTextProfile[] {
  return carriers?.length ? profiles.filter((profile) => carriers.includes(profile.carrier)) : [...profiles];
}

@Module({})
export class CarrierTextsModule {
  static forRoot(profiles: readonly CarrierTextProfile[]): DynamicModule {
    return {
      module: CarrierTextsModule,
      global: true,
      providers: [{ provide: CARRIER_TEXT_PROFILES, useValue: [...profiles] }],
      exports: [CARRIER_TEXT_PROFILES],
    };
  }
}

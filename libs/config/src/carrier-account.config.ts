import { Type } from 'class-transformer';
import { type Carrier, CARRIERS } from '@loa/common';
import { RESEND_PARTS_MODES, type ResendPartsMode } from '@loa/smpp';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Units per part when the SMSC splits a message_payload itself (concat payload): the carrier's own setting. */
export class PayloadSegmentConfig {
  @IsInt() @Min(40) @Max(153) gsm7: number;
  @IsInt() @Min(20) @Max(67) ucs2: number;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The certificate of a brandname ("tên định danh"), issued by the Ministry of Public Security since 1 March 2025
 * for a fixed term. Dates are calendar days of Asia/Ho_Chi_Minh, both included: valid from 00:00 of
 * `validFrom` to 24:00 of `validTo`, Viet Nam time.
 */
export class BrandnameCertificateConfig {
  @IsString() @Length(1, 100) number: string;
  @IsDateString({ strict: true }) @Matches(CALENDAR_DATE, { message: '$property must be a date, YYYY-MM-DD' }) validFrom: string;
  @IsDateString({ strict: true }) @Matches(CALENDAR_DATE, { message: '$property must be a date, YYYY-MM-DD' }) validTo: string;
}

/** One entry of the carriers file (JSON or YAML). Field names are the DESIGN.md contract. */
/** Whether a carrier account demands each text template registered in advance. */
export const TEMPLATE_REGISTRATION_MODES = ['required', 'none'] as const;
export type TemplateRegistrationMode = (typeof TEMPLATE_REGISTRATION_MODES)[number];

export class CarrierAccountConfig {
  @IsIn(CARRIERS) id: Carrier;
  @IsString() @Length(1, 253) host: string;
  @IsInt() @Min(1) @Max(65535) port: number;
  @IsString() @Length(1, 15) systemId: string;
  /** Either the password itself or the name of the environment variable holding it. */
  @ValidateIf((entry: CarrierAccountConfig) => entry.passwordEnv === undefined) @IsString() @Length(1, 8) password?: string;
  @IsOptional() @IsString() @Length(1, 200) passwordEnv?: string;
  @IsOptional() @IsString() @Length(0, 12) systemType: string = '';
  @IsOptional() @IsIn(['transceiver', 'transmitter+receiver']) bindMode: 'transceiver' | 'transmitter+receiver' = 'transceiver';
  @IsOptional() @IsInt() @Min(1) @Max(64) binds: number = 1;
  @IsInt() @Min(1) @Max(100_000) tps: number;
  /** This field and the four timings below default to config/defaults.json "carriers". */
  @IsInt() @Min(1) @Max(1000) window: number;
  /** The brandname messages go out under (source_addr); `brandname` and `sourceAddr` name the same thing, give either. */
  @ValidateIf((entry: CarrierAccountConfig) => entry.brandname === undefined) @IsString() @Length(1, 20) sourceAddr: string;
  @IsOptional() @IsString() @Length(1, 20) brandname?: string;
  /** The brandname's certificate; without it Loa cannot tell when the brandname lapses (GET /carriers/certificates says unknown). */
  @IsOptional() @ValidateNested() @Type(() => BrandnameCertificateConfig) certificate?: BrandnameCertificateConfig;
  @IsOptional() @IsInt() @Min(0) @Max(6) sourceTon: number = 5;
  @IsOptional() @IsInt() @Min(0) @Max(18) sourceNpi: number = 0;
  @IsOptional() @IsInt() @Min(0) @Max(6) destTon: number = 1;
  @IsOptional() @IsInt() @Min(0) @Max(18) destNpi: number = 1;
  @IsOptional() @IsIn(['udh8', 'udh16', 'sar', 'payload']) concat: 'udh8' | 'udh16' | 'sar' | 'payload' = 'udh8';
  /** concat payload only: the part size the SMSC splits at (default 153 septets / 67 UCS-2 characters, as udh8). */
  @IsOptional() @ValidateNested() @Type(() => PayloadSegmentConfig) payloadSegment?: PayloadSegmentConfig;
  /** After some parts of a long message are in: send the missing ones under the same reference, or the whole again. */
  @IsOptional() @IsIn(RESEND_PARTS_MODES) resendParts: ResendPartsMode = 'missing';
  @IsOptional() @IsIn(['gsm0338', 'ascii']) gsmCoding: 'gsm0338' | 'ascii' = 'gsm0338';
  @IsOptional() @IsIn(['same', 'hex-to-dec', 'dec-to-hex']) dlrIdFormat: 'same' | 'hex-to-dec' | 'dec-to-hex' = 'same';
  @IsInt() @Min(5) @Max(600) enquireLinkSeconds: number;
  @IsInt() @Min(1) @Max(72) validityHours: number;
  @IsInt() @Min(1) @Max(120) bindTimeoutSeconds: number;
  @IsInt() @Min(1) @Max(600) requestTimeoutSeconds: number;
  /** Run the built-in SMSC simulator for this entry in all-in-one mode. */
  @IsOptional() @IsBoolean() simulated: boolean = false;
  /** Simulator profile (config/smsc-profiles.json); defaults to the carrier id. */
  @IsOptional() @IsString() simulatorProfile?: string;
  /** `required`: the carrier takes only texts registered with it, so campaigns send it only those (default none). */
  @IsOptional() @IsIn(TEMPLATE_REGISTRATION_MODES) templateRegistration: TemplateRegistrationMode = 'none';
  /** The command_status the carrier refuses a text matching no registered pattern with: a permanent failure, never retried. */
  @IsOptional() @IsInt() @Min(1) @Max(0xffffffff) templateRefusedStatus?: number;
}

export class CarriersFile {
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => CarrierAccountConfig) carriers: CarrierAccountConfig[];
}

import { type PatternPart, type TextPattern } from '@loa/sms';
import { type TemplateVariable } from '../engine';

/** Where a template version stands with one carrier: sent for registration, registered (with its reference), or refused (with its reason). */
export const REGISTRATION_STATES = ['submitted', 'registered', 'refused'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const REGISTRATION_STATE_LABELS: Readonly<Record<RegistrationState, string>> = {
  submitted: 'Đã gửi đăng ký',
  registered: 'Đã đăng ký',
  refused: 'Bị từ chối',
};

/** One slot of a registered pattern: `P1`, the template variable that fills it, and the longest value the carrier takes. */
export interface RegisteredSlot {
  name: string;
  variable: TemplateVariable;
  maxLength: number;
}

/** A template version as a carrier registers it: fixed text (as sent, after the encoding policy) and bounded slots. */
export interface RegistrationPattern extends TextPattern {
  /** The carrier's form: fixed text with `{P1}`, `{P2}`… */
  text: string;
  slots: RegisteredSlot[];
}

export interface CarrierRegistration {
  templateId: number;
  carrier: string;
  state: RegistrationState;
  /** The carrier's reference for a registered pattern. */
  reference: string | null;
  /** Why the carrier refused it. */
  reason: string | null;
  pattern: RegistrationPattern;
  submittedBy: number;
  submittedAt: Date;
  answeredBy: number | null;
  answeredAt: Date | null;
}

/** An admin's record of what was sent to a carrier, or of its answer. */
export interface RegistrationAnswer {
  state: RegistrationState;
  reference?: string;
  reason?: string;
  /** Longest value per variable (submitting only; default: DEFAULT_SLOT_LENGTHS). */
  slots?: Partial<Record<TemplateVariable, number>>;
}

export type { PatternPart };

import { type AcceptedPart, type OutboundSms, type SubmitOutcome } from './carrier-link.types';
import { type PlannedPart, type SubmitPlan } from './submit-pdus';

/**
 * One message on the link. Its parts go one at a time, in order, each once the SMSC took the one before:
 * a part refused or lost in a dropped connection never has later parts reach the handset without it.
 */
export class MessageJob {
  private next = 0;
  private readonly accepted: AcceptedPart[] = [];

  constructor(
    /** As given to submit(). */
    readonly message: OutboundSms,
    private readonly plan: SubmitPlan,
    private readonly resolve: (outcome: SubmitOutcome) => void,
  ) {}

  /** The part to send now (or the one in flight). */
  get current(): PlannedPart {
    return this.plan.parts[this.next];
  }

  /** PDUs the whole message takes. */
  get totalParts(): number {
    return this.plan.totalParts;
  }

  /** Whether a part of this send is with the SMSC already (the handset may hold it): the rest must follow. */
  get begun(): boolean {
    return this.next > 0;
  }

  /** 'part 2/3', for messages. */
  get currentLabel(): string {
    return `part ${this.current.part}/${this.plan.totalParts}`;
  }

  /** Records the current part as taken; false when it was the last one, and the message is accepted. */
  accept(smscMessageId: string): boolean {
    this.accepted.push({ part: this.current.part, smscMessageId });
    if (++this.next < this.plan.parts.length) return true;
    this.resolve({ ...this.report(), kind: 'accepted' });
    return false;
  }

  /** The current part and those after it never left: the carrier does not have them. */
  notSent(status: number | null, error: string): void {
    this.resolve({ ...this.report(), kind: 'not-sent', status, error });
  }

  /** The current part got a retry-class status. */
  refused(status: number, error: string): void {
    this.resolve({ ...this.report(), kind: 'refused', status, error });
  }

  permanent(status: number, error: string): void {
    this.resolve({ ...this.report(), kind: 'permanent', status, error });
  }

  /** The current part was written but no answer will come. */
  ambiguous(reason: string): void {
    this.resolve({ ...this.report(), kind: 'ambiguous', part: this.current.part, error: `submit_sm ${this.currentLabel}: ${reason}` });
  }

  private report(): Pick<SubmitOutcome, 'totalParts' | 'reference' | 'accepted'> {
    return { totalParts: this.plan.totalParts, reference: this.plan.reference, accepted: this.accepted };
  }
}

import { loadDefaults } from '@loa/config';
import { CarrierLink, type CarrierLinkOptions, type DeliveryReceipt, type InboundSms, type SmppAccountConfig, type SubmitOutcome } from '@loa/smpp';
import { type SmscProfile, SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';

export const PASSWORD = 'S3cr3t-Pa55word!';

export interface Harness {
  simulator: SmscSimulator;
  link: CarrierLink;
  logs: string[];
  receipts: DeliveryReceipt[];
  inbound: InboundSms[];
  stop(): Promise<void>;
}

export function account(port: number, overrides: Partial<SmppAccountConfig> = {}): SmppAccountConfig {
  return {
    id: 'viettel',
    host: '127.0.0.1',
    port,
    systemId: 'loa_test',
    password: PASSWORD,
    systemType: '',
    bindMode: 'transceiver',
    binds: 2,
    tps: 5000,
    window: 50,
    sourceAddr: 'CONGAN',
    sourceTon: 5,
    sourceNpi: 0,
    destTon: 1,
    destNpi: 1,
    concat: 'udh8',
    resendParts: 'missing',
    gsmCoding: 'gsm0338',
    dlrIdFormat: 'same',
    enquireLinkSeconds: 30,
    validityHours: 24,
    bindTimeoutSeconds: 2,
    requestTimeoutSeconds: 2,
    ...overrides,
  };
}

/** A simulator on port 0 and a started link bound to it, logging into `logs`. */
export async function startHarness(
  profile: Partial<SmscProfile>,
  overrides: Partial<SmppAccountConfig> = {},
  options: Partial<CarrierLinkOptions> = {},
): Promise<Harness> {
  const simulator = await SmscSimulator.start({
    port: 0,
    profile: { receiptDelayMs: [1, 20], ...profile },
    accounts: [{ systemId: 'loa_test', password: PASSWORD }],
  });
  const logs: string[] = [];
  const logger = { log: (line: string) => logs.push(line), warn: (line: string) => logs.push(line), error: (line: string) => logs.push(line) };
  const link = new CarrierLink(account(simulator.port, overrides), {
    ...loadDefaults().link,
    logger,
    reconnectInitialMs: 50,
    reconnectMaxMs: 200,
    pauseInitialMs: 50,
    pauseMaxMs: 400,
    ...options,
  });
  const receipts: DeliveryReceipt[] = [];
  const inbound: InboundSms[] = [];
  link.onReceipt(async (receipt) => void receipts.push(receipt));
  link.onInbound(async (message) => void inbound.push(message));
  await link.start();
  return {
    simulator,
    link,
    logs,
    receipts,
    inbound,
    stop: async () => {
      await link.stop();
      await simulator.stop();
    },
  };
}

export function destinations(count: number, prefix = '8491'): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(7, '0')}`);
}

/** The carrier has no part of it: the dispatcher puts it back in the queue. */
export function backToQueue(outcome: SubmitOutcome): boolean {
  return (outcome.kind === 'not-sent' || outcome.kind === 'refused') && outcome.accepted.length === 0;
}

/** Submits, re-submitting the messages the carrier has no part of, as the dispatcher would; returns every outcome seen per message. */
export async function submitAll(link: CarrierLink, texts: { destination: string; text: string; encoding?: 'gsm7' | 'ucs2' }[]): Promise<SubmitOutcome[][]> {
  return Promise.all(
    texts.map(async ({ destination, text, encoding }) => {
      const seen: SubmitOutcome[] = [];
      for (;;) {
        const outcome = await link.submit({ destination, text, encoding: encoding ?? 'gsm7' });
        seen.push(outcome);
        if (!backToQueue(outcome)) return seen;
      }
    }),
  );
}

export function waitFor(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  return pollUntil(
    async () => condition(),
    (done) => done,
    { timeoutMs, intervalMs: 20, what },
  );
}

export function acceptedIds(outcomes: SubmitOutcome[]): string[] {
  return outcomes.flatMap((outcome) => (outcome.kind === 'accepted' ? outcome.accepted.map((part) => part.smscMessageId) : []));
}

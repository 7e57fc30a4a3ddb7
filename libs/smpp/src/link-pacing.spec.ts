import { ManualClock } from '@loa/common';
import { type OutboundSms, type SmppAccountConfig, type SubmitOutcome } from './carrier-link.types';
import { type LinkContext, LinkLifecycle } from './link-context';
import { LinkInbox } from './link-inbox';
import { LinkPacing, type PduSenders } from './link-pacing';
import { type ResponseCallback } from './pending-requests';
import { LinkStatusTracker } from './link-status-tracker';
import { MessageJob } from './message-job';
import { newPdu } from './smpp-package';
import { SMPP_STATUS } from './smpp-status';
import { buildSubmitPdus, ConcatReferences } from './submit-pdus';

const ACCOUNT = {
  id: 'viettel',
  binds: 1,
  sourceAddr: 'CONGAN',
  sourceTon: 5,
  sourceNpi: 0,
  destTon: 1,
  destNpi: 1,
  concat: 'udh8',
  gsmCoding: 'gsm0338',
  dlrIdFormat: 'same',
  validityHours: 24,
} as SmppAccountConfig;

/** The carrier's side of one bind: takes submits while its window has room, answers them when the test says. */
class FakeBind implements PduSenders {
  bound = 1;
  readonly sent: { destination: string; at: number }[] = [];
  private readonly waiting: ResponseCallback[] = [];

  constructor(
    private readonly window: number,
    private readonly clock: ManualClock,
  ) {}

  get inFlight(): number {
    return this.waiting.length;
  }

  sender(): this | undefined {
    return this.inFlight < this.window ? this : undefined;
  }

  submit(fields: Record<string, unknown>, done: ResponseCallback): boolean {
    this.sent.push({ destination: String(fields.destination_addr), at: this.clock.now() });
    this.waiting.push(done);
    return true;
  }

  /** Answers the oldest submit in flight. */
  answer(status: number = SMPP_STATUS.OK): void {
    this.waiting.shift()!(newPdu('submit_sm_resp', { command_status: status, message_id: `id${this.sent.length}` }), '');
  }
}

function setUp({ tps = 1000, window = 100 } = {}) {
  const clock = new ManualClock(0);
  const config = { ...ACCOUNT, tps, window };
  const lifecycle = new LinkLifecycle();
  lifecycle.run = 'running';
  const logs: string[] = [];
  const logger = { log: (line: string) => logs.push(line), warn: (line: string) => logs.push(line), error: (line: string) => logs.push(line) };
  const status = new LinkStatusTracker(config.id, clock);
  const context: LinkContext = { config, lifecycle, clock, status, logger };
  const inbox = new LinkInbox({ carrier: config.id, dlrIdFormat: 'same', utcOffsetMinutes: 420 }, status, logger, clock, 5000);
  const bind = new FakeBind(window, clock);
  const sut = new LinkPacing(context, bind, inbox, { pause: { first: 250, max: 10_000 }, drainTimeoutMs: 5000 });
  const references = new ConcatReferences();
  const outcomes = new Map<string, SubmitOutcome>();
  /** Queues a message as CarrierLink.submit does; its outcome lands in `outcomes`. */
  const enqueue = (destination: string, text = 'Canh bao lua dao') => {
    const message: OutboundSms = { destination, text, encoding: 'gsm7' };
    sut.enqueue(new MessageJob(message, buildSubmitPdus(message, config, references), (outcome) => outcomes.set(destination, outcome)));
  };
  return { sut, clock, lifecycle, bind, status, logs, outcomes, enqueue };
}

/** Lets the pump scheduled for the next turn of the event loop run. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const LONG = 'Canh bao: '.repeat(20); // two GSM parts

describe(LinkPacing.name, () => {
  it('sends no faster than the TPS on the link clock, a tenth of it per 100 ms', async () => {
    const { clock, bind, enqueue } = setUp({ tps: 10 });
    for (let index = 0; index < 12; index++) enqueue(`849000000${index}`);
    await nextTurn();
    for (let step = 0; step < 10; step++) clock.advance(100);
    expect(bind.sent.map((sent) => sent.at)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    clock.advance(30); // the one-second window's guard
    expect(bind.sent.map((sent) => sent.at).slice(10)).toEqual([1030]);
  });

  it('keeps at most a window of submits in flight; an answer frees a slot', async () => {
    const { bind, enqueue, outcomes, status } = setUp({ window: 3 });
    for (const destination of ['a', 'b', 'c', 'd', 'e']) enqueue(destination);
    await nextTurn();
    expect(bind.sent.map((sent) => sent.destination)).toEqual(['a', 'b', 'c']);
    bind.answer();
    await nextTurn();
    expect(outcomes.get('a')).toMatchObject({ kind: 'accepted', accepted: [{ part: 1, smscMessageId: 'id3' }] });
    expect(bind.sent.map((sent) => sent.destination)).toEqual(['a', 'b', 'c', 'd']);
    expect(status.pdus.sent).toBe(4);
  });

  it('a throttled answer holds every part until the pause ends on the clock; the throttled ones go again first', async () => {
    const { sut, clock, bind, enqueue, status, logs } = setUp();
    enqueue('a');
    enqueue('b');
    await nextTurn();
    clock.advance(5);
    bind.answer(SMPP_STATUS.THROTTLED);
    bind.answer(SMPP_STATUS.THROTTLED); // same burst: no second escalation
    enqueue('c');
    await nextTurn();
    expect(sut.isPaused(clock.now())).toBe(true);
    clock.advance(249);
    expect(bind.sent).toHaveLength(2);
    clock.advance(1);
    expect(bind.sent.map((sent) => `${sent.destination}@${sent.at}`)).toEqual(['a@0', 'b@0', 'a@255', 'b@255', 'c@255']);
    expect(status.pdus.pauses).toBe(1);
    expect(logs).toEqual(['viettel answered ESME_RTHROTTLED (0x00000058): pausing the link for 250 ms']);
  });

  it('withdraws only messages with no part at the carrier; a begun message keeps its turn', async () => {
    const { sut, clock, bind, enqueue, outcomes } = setUp({ tps: 1 });
    enqueue('long', LONG);
    enqueue('short');
    await nextTurn();
    bind.answer(); // part 1 of 2 taken: the rest waits for the next TPS token
    await nextTurn();
    expect(sut.withdraw(() => true, 'campaign paused')).toBe(1);
    expect(outcomes.get('short')).toMatchObject({ kind: 'not-sent', error: 'campaign paused', accepted: [] });
    clock.advance(1030);
    expect(bind.sent.map((sent) => sent.destination)).toEqual(['long', 'long']);
    bind.answer();
    expect(outcomes.get('long')).toMatchObject({ kind: 'accepted', accepted: [{ part: 1 }, { part: 2 }] });
  });

  it('drains at stop: what is not begun comes back at once, a begun message gets its last part', async () => {
    const { sut, clock, lifecycle, bind, enqueue, outcomes } = setUp({ tps: 1 });
    enqueue('long', LONG);
    enqueue('short');
    await nextTurn();
    bind.answer();
    await nextTurn();
    lifecycle.run = 'stopping';
    let drained = false;
    const draining = sut.drain('link viettel is stopping').then(() => (drained = true));
    expect(outcomes.get('short')).toMatchObject({ kind: 'not-sent', error: 'link viettel is stopping' });
    clock.advance(1030);
    expect(bind.sent.map((sent) => sent.destination)).toEqual(['long', 'long']);
    await nextTurn();
    expect(drained).toBe(false);
    bind.answer();
    await draining;
    expect(outcomes.get('long')).toMatchObject({ kind: 'accepted' });
    expect(sut.queued).toBe(0);
  });

  it('when no session can bind, every waiting message comes back not sent', async () => {
    const { sut, enqueue, outcomes } = setUp({ window: 1 });
    enqueue('a');
    enqueue('b');
    await nextTurn();
    sut.failAll('link viettel is down: connection refused');
    expect(outcomes.get('b')).toMatchObject({ kind: 'not-sent', status: null, error: 'link viettel is down: connection refused' });
    expect(outcomes.has('a')).toBe(false); // in flight: its answer decides
  });
});

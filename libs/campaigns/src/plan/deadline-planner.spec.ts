import { type WindowIntervals } from './carrier-timeline';
import { type PlannedCampaign, planCampaign, type PlanInput } from './deadline-planner';

const T0 = Date.parse('2026-12-01T01:00:00Z'); // 08:00 in Viet Nam
const HOUR = 3_600_000;
const alwaysOpen: WindowIntervals = (from, until) => [{ start: from, end: until }];
/** Open two hours, closed two hours, from T0 on. */
const twoOnTwoOff: WindowIntervals = (from, until) => {
  const ranges = [];
  for (let open = T0; open < until; open += 4 * HOUR) {
    const start = Math.max(open, from);
    const end = Math.min(open + 2 * HOUR, until);
    if (start < end) ranges.push({ start, end });
  }
  return ranges;
};

function campaign(overrides: Partial<PlannedCampaign> = {}): PlannedCampaign {
  return { id: 1, name: 'a', priority: 0, state: 'scheduled', startAt: T0, window: alwaysOpen, work: [], readable: true, ...overrides };
}

/** The campaign under plan, its whole work counted (in one province) unless `counted` says otherwise. */
function input(overrides: Partial<PlanInput['campaign']>, ahead: PlannedCampaign[] = []): PlanInput {
  const counted = (overrides.work ?? []).map((work) => ({ ...work, province: '14' }));
  return {
    now: T0,
    campaign: { ...campaign({ id: 9, name: 'sut' }), reportDeadline: null, counted, ...overrides },
    ahead,
    rates: { viettel: { tps: 100, partsPerSecond: 100, source: 'contract' }, vnpt: { tps: 50, partsPerSecond: 50, source: 'contract' } },
  };
}

describe(planCampaign.name, () => {
  it('finishes each carrier at its parts over its TPS, and the campaign with the slowest', () => {
    const sut = planCampaign(
      input({
        work: [
          { carrier: 'viettel', messages: 360_000, parts: 720_000 },
          { carrier: 'vnpt', messages: 90_000, parts: 90_000 },
        ],
      }),
    );
    expect(sut.carriers.map((c) => [c.carrier, c.finishesAt?.toISOString(), c.tpsShare])).toEqual([
      ['viettel', new Date(T0 + 2 * HOUR).toISOString(), 1],
      ['vnpt', new Date(T0 + 0.5 * HOUR).toISOString(), 1],
    ]);
    expect(sut.estimatedFinishAt).toEqual(new Date(T0 + 2 * HOUR));
    expect(sut).toMatchObject({ messages: 450_000, parts: 810_000, meetsDeadline: null, unsentAtDeadline: 0 });
  });

  it('sends only inside the window, over several openings', () => {
    const sut = planCampaign(input({ window: twoOnTwoOff, work: [{ carrier: 'viettel', messages: 1_080_000, parts: 1_080_000 }] }));
    // 3 hours of sending: 2 in the first opening, the third in the next one (4 h after T0)
    expect(sut.estimatedFinishAt).toEqual(new Date(T0 + 5 * HOUR));
    expect(sut.sendWindows.map((w) => w.start.getTime() - T0)).toEqual([0, 4 * HOUR]);
    expect(sut.carriers[0].tpsShare).toBe(1);
  });

  it('waits behind a higher-priority campaign and says what share of the TPS it gets', () => {
    const ahead = campaign({ id: 3, name: 'urgent', priority: 5, state: 'running', work: [{ carrier: 'viettel', messages: 360_000, parts: 360_000 }] });
    const sut = planCampaign(input({ work: [{ carrier: 'viettel', messages: 360_000, parts: 360_000 }] }, [ahead]));
    const viettel = sut.carriers[0];
    expect(viettel.startsAt).toEqual(new Date(T0 + HOUR));
    expect(viettel.finishesAt).toEqual(new Date(T0 + 2 * HOUR));
    expect(viettel.tpsShare).toBe(0.5);
    expect(viettel.campaignsAhead).toEqual([{ id: 3, name: 'urgent', priority: 5, state: 'running', parts: 360_000, finishesAt: new Date(T0 + HOUR) }]);
  });

  it('takes back the carrier while a later-starting campaign ahead of it sends', () => {
    const ahead = campaign({ id: 3, priority: 5, startAt: T0 + HOUR, work: [{ carrier: 'viettel', messages: 180_000, parts: 180_000 }] });
    const sut = planCampaign(input({ work: [{ carrier: 'viettel', messages: 360_000, parts: 360_000 }] }, [ahead]));
    // 360,000 at 100/s is done in the hour before the other starts; 540,000 gives way to it for half an hour
    expect(sut.carriers[0].startsAt).toEqual(new Date(T0));
    expect(sut.estimatedFinishAt).toEqual(new Date(T0 + HOUR));
    const later = planCampaign(input({ work: [{ carrier: 'viettel', messages: 540_000, parts: 540_000 }] }, [ahead]));
    expect(later.estimatedFinishAt).toEqual(new Date(T0 + 2 * HOUR));
  });

  it('counts the subscribers left without the warning at the report deadline', () => {
    const sut = planCampaign(
      input({
        reportDeadline: T0 + HOUR,
        work: [
          { carrier: 'viettel', messages: 400_000, parts: 800_000 },
          { carrier: 'vnpt', messages: 100_000, parts: 100_000 },
        ],
      }),
    );
    // viettel sends 360,000 parts of 800,000 by the deadline: 45 % of its messages
    expect(sut.carriers.map((c) => c.unsentAtDeadline)).toEqual([220_000, 0]);
    expect(sut).toMatchObject({ meetsDeadline: false, unsentAtDeadline: 220_000 });
    expect(planCampaign(input({ reportDeadline: T0 + 3 * HOUR, work: [{ carrier: 'vnpt', messages: 1, parts: 1 }] })).meetsDeadline).toBe(true);
  });

  it('counts nothing unsent when the finish is before the deadline, whatever the instant (no rounding to one message)', () => {
    const unsent: number[] = [];
    for (let offset = 0; offset < 3000; offset += 1) {
      const campaignStart = T0 + offset * 60_017 + (offset % 13);
      const measured = 5 + (offset % 97) * 1.37;
      const plan = planCampaign({
        ...input({
          startAt: campaignStart,
          reportDeadline: campaignStart + 10 * 24 * HOUR,
          work: [{ carrier: 'vnpt', messages: 1 + (offset % 7), parts: 1 + (offset % 11) }],
        }),
        now: campaignStart,
        rates: { viettel: { tps: 100, partsPerSecond: 100, source: 'contract' }, vnpt: { tps: 30, partsPerSecond: measured, source: 'measured' } },
      });
      if (plan.meetsDeadline !== true || plan.unsentAtDeadline !== 0) unsent.push(offset);
    }
    expect(unsent).toEqual([]);
  });

  it('plans an empty audience as nothing to send and no finish', () => {
    const sut = planCampaign(input({ reportDeadline: T0 + HOUR, work: [{ carrier: 'viettel', messages: 0, parts: 0 }] }));
    expect(sut).toMatchObject({ messages: 0, estimatedFinishAt: null, meetsDeadline: true, unsentAtDeadline: 0 });
    expect(sut.carriers[0]).toMatchObject({ finishesAt: null, tpsShare: 1 });
  });

  it('says a campaign longer than the 60-day horizon has no estimated finish', () => {
    const sut = planCampaign(input({ work: [{ carrier: 'vnpt', messages: 1e9, parts: 1e9 }] }));
    expect(sut.estimatedFinishAt).toBeNull();
    expect(sut.carriers[0].finishesAt).toBeNull();
  });

  it('names only the campaigns ahead the reader may read, and counts the others without saying which', () => {
    const mine = campaign({ id: 3, name: 'ours', priority: 5, work: [{ carrier: 'viettel', messages: 100_000, parts: 100_000 }] });
    const theirs = campaign({ id: 4, name: 'theirs', priority: 5, readable: false, work: [{ carrier: 'viettel', messages: 50_000, parts: 80_000 }] });
    const elsewhere = campaign({ id: 5, name: 'theirs too', priority: 5, readable: false, work: [{ carrier: 'viettel', messages: 10_000, parts: 10_000 }] });
    const sut = planCampaign(input({ work: [{ carrier: 'viettel', messages: 360_000, parts: 360_000 }] }, [mine, theirs, elsewhere]));
    const viettel = sut.carriers[0];
    expect(viettel.campaignsAhead.map((ahead) => ahead.id)).toEqual([3]);
    expect(viettel.otherCampaignsAhead).toEqual({ count: 2, parts: 90_000 });
    expect(JSON.stringify(viettel)).not.toMatch(/theirs/);
    // the unnamed still take the carrier's time: 190,000 parts ahead at 100 a second
    expect(viettel.startsAt).toEqual(new Date(T0 + 1_900_000));
  });

  it("counts only the reader's provinces, and times the whole campaign", () => {
    const work = [
      { carrier: 'viettel' as const, messages: 389, parts: 778 },
      { carrier: 'vnpt' as const, messages: 100, parts: 100 },
    ];
    const counted = [{ province: '14', carrier: 'viettel' as const, messages: 197, parts: 394 }];
    const whole = planCampaign(input({ work, reportDeadline: T0 + 5_000 }));
    const sut = planCampaign(input({ work, counted, reportDeadline: T0 + 5_000 }));
    expect(sut).toMatchObject({ messages: 197, parts: 394, provinces: [{ code: '14', messages: 197, parts: 394 }] });
    expect(sut.carriers.map((c) => [c.carrier, c.messages, c.parts])).toEqual([
      ['viettel', 197, 394],
      ['vnpt', 0, 0],
    ]);
    expect(sut.estimatedFinishAt).toEqual(whole.estimatedFinishAt);
    expect(sut.carriers.map((c) => c.finishesAt)).toEqual(whole.carriers.map((c) => c.finishesAt));
    // 778 parts at 100 a second miss a 5 s deadline (5 of 7.78 s sent): viettel leaves its share of 197, vnpt is done by then
    expect(sut.carriers.map((c) => c.unsentAtDeadline)).toEqual([Math.ceil(197 * (1 - 5 / 7.78)), 0]);
    expect(sut.meetsDeadline).toBe(false);
  });
});

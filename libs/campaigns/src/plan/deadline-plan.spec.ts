import { type DeadlinePlan, estimateOf } from './deadline-plan';

const FINISH = new Date('2026-02-20T10:49:00Z');

const plan: DeadlinePlan = {
  campaignId: 7,
  plannedAt: new Date('2026-02-20T09:00:00Z'),
  startAt: new Date('2026-02-20T08:00:00Z'),
  reportDeadline: new Date('2026-02-24T00:00:00Z'),
  messages: 14_734,
  parts: 14_734,
  provinces: [],
  carriers: [
    {
      carrier: 'viettel',
      tps: 300,
      rateSource: 'measured',
      messages: 14_734,
      parts: 14_734,
      campaignsAhead: [],
      otherCampaignsAhead: { count: 0, parts: 0 },
      tpsShare: 0.83,
      startsAt: new Date('2026-02-20T09:00:00Z'),
      finishesAt: FINISH,
      unsentAtDeadline: 0,
    },
  ],
  sendWindows: [],
  estimatedFinishAt: FINISH,
  meetsDeadline: true,
  unsentAtDeadline: 0,
};

describe(estimateOf.name, () => {
  it('gives the plan of a campaign that sends: its finish, deadline verdict and rate per carrier', () => {
    expect(estimateOf(plan)).toMatchObject({
      paused: false,
      estimatedFinishAt: FINISH,
      meetsDeadline: true,
      ifResumedNow: null,
      carriers: [{ carrier: 'viettel', partsPerSecond: 249, finishesAt: FINISH }],
    });
  });

  it('gives a paused campaign no finish, no verdict and no rate, only what a resume now would give', () => {
    const sut = estimateOf(plan, { paused: true });
    expect(sut).toMatchObject({ paused: true, messagesLeft: 14_734, estimatedFinishAt: null, meetsDeadline: null, unsentAtDeadline: 0 });
    expect(sut.ifResumedNow).toEqual({ estimatedFinishAt: FINISH, meetsDeadline: true, unsentAtDeadline: 0 });
    expect(sut.carriers).toEqual([{ carrier: 'viettel', messagesLeft: 14_734, partsPerSecond: 0, rateSource: 'measured', finishesAt: null }]);
  });
});

import { detailsForScope } from './audit-details-scope';

describe(detailsForScope.name, () => {
  const approval = { messages: 389, byProvince: { '14': { messages: 197 }, '66': { messages: 192 } }, estimatedFinishAt: '2026-12-01T01:10:00Z' };

  it('shows the whole to a reader who covers every province of the entry, or a national one', () => {
    expect(detailsForScope(approval, ['14', '66'], ['14', '66', '92'])).toBe(approval);
    expect(detailsForScope(approval, ['14', '66'], null)).toBe(approval);
  });

  it("counts over the reader's provinces where the entry breaks a total down by province", () => {
    const sut = detailsForScope(approval, ['14', '66'], ['14']);
    expect(sut).toEqual({ messages: 197, byProvince: { '14': { messages: 197 } }, estimatedFinishAt: '2026-12-01T01:10:00Z' });
  });

  it('leaves out whole-object counts that have no breakdown, and keeps what is not a count', () => {
    const report = { id: 3, carrier: 'viettel', targeted: 389, sent: 380, delivered: 370, reportedOn: '2026-12-02' };
    expect(detailsForScope(report, ['14', '66'], ['14'])).toEqual({ id: 3, carrier: 'viettel', reportedOn: '2026-12-02' });
    const olderApproval = { messages: 389, unsentAtDeadline: 12, reason: 'Lãnh đạo đồng ý' };
    expect(detailsForScope(olderApproval, ['14', '66'], ['66'])).toEqual({ reason: 'Lãnh đạo đồng ý' });
  });

  it('joins the lists of the reader’s provinces, and leaves out numbers and import counts with no breakdown', () => {
    const byProvince = { msisdns: ['84912000001', '84966000001'], byProvince: { '14': { msisdns: ['84912000001'] }, '66': { msisdns: ['84966000001'] } } };
    expect(detailsForScope(byProvince, ['14', '66'], ['14'])).toEqual({ msisdns: ['84912000001'], byProvince: { '14': { msisdns: ['84912000001'] } } });
    const exclusions = { count: 2, msisdns: ['84912000001', '84966000001'] };
    expect(detailsForScope(exclusions, ['14', '66'], ['14'])).toEqual({});
    const imported = { read: 10, inserted: 4, updated: 3, unchanged: 1, rejected: 2, mapped: 0, source: 'thuê bao.csv' };
    expect(detailsForScope(imported, ['14', '66'], ['66'])).toEqual({ source: 'thuê bao.csv' });
  });
});

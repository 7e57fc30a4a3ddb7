import { bucketSecondsFor } from './delivery-timeline';

describe(bucketSecondsFor.name, () => {
  it('picks the narrowest bucket that keeps the chart at 120 buckets or fewer', () => {
    expect(bucketSecondsFor(0)).toBe(1);
    expect(bucketSecondsFor(120)).toBe(1);
    expect(bucketSecondsFor(121)).toBe(5);
    expect(bucketSecondsFor(2 * 3600)).toBe(60);
    expect(bucketSecondsFor(3 * 86_400)).toBe(3600);
    expect(bucketSecondsFor(400 * 86_400)).toBe(86_400);
  });
});

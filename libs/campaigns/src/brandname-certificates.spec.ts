import { ManualClock } from '@loa/common';
import { BrandnameCertificates, type CarrierCertificate } from './brandname-certificates';

const ACCOUNTS: CarrierCertificate[] = [
  { carrier: 'viettel', brandname: 'CONGAN', certificate: { number: '1', validFrom: '2027-03-05', validTo: '2027-03-10' } },
  { carrier: 'vnpt', brandname: 'CONGAN', certificate: null },
];
const HOUR = 3_600_000;
const vn = (wallClock: string) => Date.parse(`${wallClock}+07:00`);

describe(BrandnameCertificates.name, () => {
  const clock = new ManualClock(vn('2027-03-06T09:00:00'));
  const sut = new BrandnameCertificates(ACCOUNTS, clock);
  const setClock = (time: number) => clock.advance(time - clock.now());

  it('covers a campaign whose sending ends at 24:00 of validTo, Viet Nam time, and not one that ends a minute later', () => {
    expect(sut.problems(['viettel'], new Date(vn('2027-03-10T00:00:00')), 24)).toEqual([]);
    expect(sut.problems(['viettel'], new Date(vn('2027-03-10T00:01:00')), 24)).toEqual([
      expect.objectContaining({ code: 'CERTIFICATE_LAPSED', carrier: 'viettel', validTo: '2027-03-10', sendingEndsAt: new Date(vn('2027-03-11T00:01:00')) }),
    ]);
  });

  it('counts the validity from now when the start has passed, refuses a start before validFrom, and never checks an account with no certificate', () => {
    setClock(vn('2027-03-10T12:00:00'));
    expect(sut.problems(['viettel'], new Date(vn('2027-03-06T08:00:00')), 12)).toEqual([]);
    expect(sut.problems(['viettel'], new Date(vn('2027-03-06T08:00:00')), 13)).toEqual([expect.objectContaining({ code: 'CERTIFICATE_LAPSED' })]);
    setClock(vn('2027-03-01T09:00:00'));
    expect(sut.problems(['viettel', 'vnpt'], new Date(vn('2027-03-04T23:00:00')), 1)).toEqual([
      expect.objectContaining({ code: 'CERTIFICATE_NOT_YET_VALID', carrier: 'viettel', validFrom: '2027-03-05' }),
    ]);
    expect(sut.problems(['vnpt'], new Date(vn('2030-01-01T08:00:00')), 72)).toEqual([]);
  });

  it('says the days left by the Viet Nam calendar: 0 until 24:00 of validTo, then lapsed', () => {
    setClock(vn('2027-03-10T23:59:00'));
    expect(sut.statuses()[0]).toMatchObject({ state: 'expiring', daysLeft: 0, lapsesAt: new Date(vn('2027-03-11T00:00:00')) });
    clock.advance(HOUR / 60);
    expect(sut.statuses()[0]).toMatchObject({ state: 'lapsed', daysLeft: -1 });
    setClock(vn('2027-02-01T00:00:00'));
    expect(sut.statuses()).toEqual([
      expect.objectContaining({ carrier: 'viettel', state: 'not_yet_valid', daysLeft: 37 }),
      { carrier: 'vnpt', brandname: 'CONGAN', certificate: null, state: 'unknown', daysLeft: null, lapsesAt: null },
    ]);
  });
});

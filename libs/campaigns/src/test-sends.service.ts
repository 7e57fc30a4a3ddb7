import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertActsOn, AuditLogRepository, type AuthUser, coversAll } from '@loa/auth';
import { type Carrier, type Clock, conflict, forbidden, invalid, systemClock, tooMany } from '@loa/common';
import { carrierForMsisdn, InvalidMsisdn, normalizeMsisdn } from '@loa/subscribers';
import { type Campaign } from './campaign';
import { CampaignsService } from './campaigns.service';
import { countingSince, defaultTestSendLimits, type TestSendLimits, type TestSendRefusal, testSendRefusal } from './test-send-limits';
import { type TestNumber, type TestSend, TestSendsRepository } from './test-sends.repository';

/** At most this many numbers per campaign get test sends: a test, not a campaign. */
export const MAX_TEST_NUMBERS_PER_CAMPAIGN = 10;

/** Where the test-send limits read the time: the system clock, or a test's ManualClock provided under this token. */
export const TEST_SENDS_CLOCK = Symbol('TEST_SENDS_CLOCK');
/** The limits (default: config/defaults.json `testSends`); a test may provide its own under this token. */
export const TEST_SEND_LIMITS = Symbol('TEST_SEND_LIMITS');

/**
 * Test sends: the rendered text of chosen provinces to numbers an admin wrote down as test numbers of users,
 * before approval, through the dispatchers like any message. Kept out of messages, so never in the figures,
 * the audience counts or the daily cap. A test number belongs to its user's scope: an admin registers numbers
 * only for users wholly inside their own scope, and a caller sees and sends to only such numbers.
 */
@Injectable()
export class TestSendsService {
  private readonly limits: TestSendLimits;

  constructor(
    private readonly db: DataSource,
    private readonly testSends: TestSendsRepository,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditLogRepository,
    @Optional() @Inject(TEST_SENDS_CLOCK) private readonly clock: Clock = systemClock,
    @Optional() @Inject(TEST_SEND_LIMITS) limits?: TestSendLimits,
  ) {
    this.limits = limits ?? defaultTestSendLimits();
  }

  async registerNumber(input: { msisdn: string; userId: number; carrier?: Carrier }, admin: AuthUser): Promise<TestNumber> {
    const msisdn = normalizeMsisdn(input.msisdn);
    if (msisdn instanceof InvalidMsisdn) throw invalid(`msisdn: ${msisdn.reason}`);
    const carrier = input.carrier ?? carrierForMsisdn(msisdn);
    if (!carrier) throw invalid(`carrier: no carrier is known for the prefix of ${msisdn}; give it`);
    const scope = await this.testSends.userScope(input.userId);
    // A user outside the admin's scope answers as one that does not exist.
    if (scope === undefined || !coversAll(admin, scope)) throw invalid(`userId: no user ${input.userId} in your provinces`);
    return this.db.transaction(async (manager) => {
      const number = await this.testSends.insertNumber(msisdn, input.userId, carrier, admin.id, manager);
      // A phone is one user's test number; the answer does not say whose.
      if (!number) throw conflict(`msisdn: ${msisdn} is already a test number`);
      await this.audit.append(
        admin,
        {
          action: 'test-number.register',
          objectType: 'test_number',
          objectId: String(msisdn),
          provinces: scope,
          after: { userId: input.userId, carrier },
        },
        manager,
      );
      return number;
    });
  }

  listNumbers(user: AuthUser): Promise<TestNumber[]> {
    return this.testSends.listNumbers(user.provinceScope);
  }

  /**
   * Queues the text of each of `provinces` to each of `msisdns`; before approval only, within the limits
   * (a request past one answers 429 with when to come back, and is audited). Returns the campaign's test sends.
   */
  async request(campaignId: number, input: { msisdns: string[]; provinces?: string[] }, user: AuthUser): Promise<TestSend[]> {
    const campaign = await this.campaigns.get(campaignId, user);
    assertActsOn(user, campaign.provinces, `campaign ${campaignId}`);
    if (campaign.createdBy !== user.id && user.role !== 'admin') throw forbidden('only the creator test-sends a campaign');
    if (!['draft', 'pending_approval'].includes(campaign.state)) throw conflict(`campaign ${campaignId} is ${campaign.state}; test sends go before approval`);
    const provinces = input.provinces?.length ? [...new Set(input.provinces)] : campaign.provinces;
    const outside = provinces.filter((code) => !campaign.provinces.includes(code));
    if (outside.length) throw invalid(`provinces: ${outside.join(', ')} not in the campaign (${campaign.provinces.join(', ')})`);
    const msisdns = this.numbers(input.msisdns);
    this.assertCanEverFit(msisdns.length, provinces.length);
    const registered = await this.testSends.registeredAmong(msisdns, user.provinceScope);
    const unknown = msisdns.filter((msisdn) => !registered.has(String(msisdn)));
    if (unknown.length) {
      throw invalid(`msisdns: ${unknown.join(', ')} not written down as test numbers of users in your provinces (an admin adds them with POST /test-numbers)`);
    }
    const refusal = await this.db.transaction((manager) => this.queueWithinLimits(campaign, msisdns, provinces, user, manager));
    if (refusal) throw tooMany(refusal.message, refusal.retryAfterSeconds, { limit: refusal.limit });
    return this.testSends.ofCampaign(campaignId, user.provinceScope);
  }

  async ofCampaign(campaignId: number, user: AuthUser): Promise<TestSend[]> {
    await this.campaigns.get(campaignId, user);
    return this.testSends.ofCampaign(campaignId, user.provinceScope);
  }

  /** Queues and audits the test sends, or, past a limit, audits the refusal alone (it commits) and returns it. */
  private async queueWithinLimits(
    campaign: Campaign,
    msisdns: bigint[],
    provinces: string[],
    user: AuthUser,
    manager: EntityManager,
  ): Promise<TestSendRefusal | null> {
    await this.testSends.lockForRequest(campaign.id, user.id, manager);
    const tested = await this.testSends.numbersTested(campaign.id, manager);
    const all = new Set([...tested, ...msisdns.map(String)]);
    if (all.size > MAX_TEST_NUMBERS_PER_CAMPAIGN) {
      throw invalid(`msisdns: a campaign is test-sent to at most ${MAX_TEST_NUMBERS_PER_CAMPAIGN} numbers (${tested.size} already, ${all.size} asked)`);
    }
    const now = this.clock.now();
    const since = countingSince(now);
    const refusal = testSendRefusal(
      {
        now,
        perNumber: provinces.length,
        numbers: msisdns.map(String),
        recentByNumber: await this.testSends.recentSendsTo(campaign.id, msisdns, since.hour, manager),
        userToday: await this.testSends.sendsOfUserSince(user.id, since.day, manager),
      },
      this.limits,
    );
    const entry = { objectType: 'campaign', objectId: campaign.id, provinces: campaign.provinces };
    if (refusal) {
      const details = { msisdns: msisdns.map(String), provinces, limit: refusal.limit, retryAfterSeconds: refusal.retryAfterSeconds };
      await this.audit.append(user, { ...entry, action: 'campaign.test-send-refused', details }, manager);
      return refusal;
    }
    const queued = await this.testSends.queue(campaign.id, msisdns, provinces, user.id, new Date(now), manager);
    await this.audit.append(user, { ...entry, action: 'campaign.test-send', details: { msisdns: msisdns.map(String), provinces, queued } }, manager);
    return null;
  }

  /** A request larger than a limit by itself would be refused at any time: a 400, not a 429. */
  private assertCanEverFit(numbers: number, provinces: number): void {
    const { perNumberPerCampaignPerHour, perUserPerDay } = this.limits;
    if (provinces > perNumberPerCampaignPerHour) {
      throw invalid(`provinces: at most ${perNumberPerCampaignPerHour} test sends per number per campaign per hour; ask for fewer provinces`);
    }
    if (numbers * provinces > perUserPerDay) throw invalid(`msisdns: at most ${perUserPerDay} test sends per user per day; ask for fewer numbers or provinces`);
  }

  private numbers(inputs: string[]): bigint[] {
    const numbers = inputs.map((input) => ({ input, msisdn: normalizeMsisdn(input) }));
    const bad = numbers.filter((number) => number.msisdn instanceof InvalidMsisdn);
    if (bad.length) throw invalid(`msisdns: ${bad.map((number) => `"${number.input}"`).join(', ')} not a Vietnamese mobile number`);
    return [...new Set(numbers.map((number) => number.msisdn as bigint))];
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertActsOn, AuditLogRepository, type AuthUser } from '@loa/auth';
import { type Carrier, conflict, forbidden, invalid } from '@loa/common';
import { carrierForMsisdn, InvalidMsisdn, normalizeMsisdn } from '@loa/subscribers';
import { CampaignsService } from './campaigns.service';
import { type TestNumber, type TestSend, TestSendsRepository } from './test-sends.repository';

/** At most this many numbers per campaign get test sends: a test, not a campaign. */
export const MAX_TEST_NUMBERS_PER_CAMPAIGN = 10;

/**
 * Test sends: the rendered text of chosen provinces to numbers an admin wrote down as test numbers of users,
 * before approval, through the dispatchers like any message. Kept out of messages, so never in the figures,
 * the audience counts or the daily cap.
 */
@Injectable()
export class TestSendsService {
  constructor(
    private readonly db: DataSource,
    private readonly testSends: TestSendsRepository,
    private readonly campaigns: CampaignsService,
    private readonly audit: AuditLogRepository,
  ) {}

  async registerNumber(input: { msisdn: string; userId: number; carrier?: Carrier }, admin: AuthUser): Promise<TestNumber> {
    const msisdn = normalizeMsisdn(input.msisdn);
    if (msisdn instanceof InvalidMsisdn) throw invalid(`msisdn: ${msisdn.reason}`);
    const carrier = input.carrier ?? carrierForMsisdn(msisdn);
    if (!carrier) throw invalid(`carrier: no carrier is known for the prefix of ${msisdn}; give it`);
    if (!(await this.testSends.userExists(input.userId))) throw invalid(`userId: user ${input.userId} does not exist`);
    return this.db.transaction(async (manager) => {
      const number = await this.testSends.insertNumber(msisdn, input.userId, carrier, admin.id, manager);
      if (!number) throw conflict(`msisdn: ${msisdn} is already a test number`);
      await this.audit.append(
        admin,
        { action: 'test-number.register', objectType: 'test_number', objectId: String(msisdn), details: { userId: input.userId, carrier } },
        manager,
      );
      return number;
    });
  }

  listNumbers(): Promise<TestNumber[]> {
    return this.testSends.listNumbers();
  }

  /** Queues the text of each of `provinces` to each of `msisdns`; before approval only. Returns the campaign's test sends. */
  async request(campaignId: number, input: { msisdns: string[]; provinces?: string[] }, user: AuthUser): Promise<TestSend[]> {
    const campaign = await this.campaigns.get(campaignId, user);
    assertActsOn(user, campaign.provinces, `campaign ${campaignId}`);
    if (campaign.createdBy !== user.id && user.role !== 'admin') throw forbidden('only the creator test-sends a campaign');
    if (!['draft', 'pending_approval'].includes(campaign.state)) throw conflict(`campaign ${campaignId} is ${campaign.state}; test sends go before approval`);
    const provinces = input.provinces?.length ? [...new Set(input.provinces)] : campaign.provinces;
    const outside = provinces.filter((code) => !campaign.provinces.includes(code));
    if (outside.length) throw invalid(`provinces: ${outside.join(', ')} not in the campaign (${campaign.provinces.join(', ')})`);
    const msisdns = this.numbers(input.msisdns);
    const registered = await this.testSends.registeredAmong(msisdns);
    const unknown = msisdns.filter((msisdn) => !registered.has(String(msisdn)));
    if (unknown.length) throw invalid(`msisdns: ${unknown.join(', ')} not written down as test numbers (an admin adds them with POST /test-numbers)`);
    await this.db.transaction(async (manager) => {
      const tested = await this.testSends.numbersTested(campaignId, manager);
      const all = new Set([...tested, ...msisdns.map(String)]);
      if (all.size > MAX_TEST_NUMBERS_PER_CAMPAIGN) {
        throw invalid(`msisdns: a campaign is test-sent to at most ${MAX_TEST_NUMBERS_PER_CAMPAIGN} numbers (${tested.size} already, ${all.size} asked)`);
      }
      const queued = await this.testSends.queue(campaignId, msisdns, provinces, user.id, manager);
      await this.audit.append(
        user,
        { action: 'campaign.test-send', objectType: 'campaign', objectId: campaignId, details: { msisdns: msisdns.map(String), provinces, queued } },
        manager,
      );
    });
    return this.testSends.ofCampaign(campaignId);
  }

  async ofCampaign(campaignId: number, user: AuthUser): Promise<TestSend[]> {
    await this.campaigns.get(campaignId, user);
    return this.testSends.ofCampaign(campaignId);
  }

  private numbers(inputs: string[]): bigint[] {
    const numbers = inputs.map((input) => ({ input, msisdn: normalizeMsisdn(input) }));
    const bad = numbers.filter((number) => number.msisdn instanceof InvalidMsisdn);
    if (bad.length) throw invalid(`msisdns: ${bad.map((number) => `"${number.input}"`).join(', ')} not a Vietnamese mobile number`);
    return [...new Set(numbers.map((number) => number.msisdn as bigint))];
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Carrier } from '@loa/common';
import { prepared, queryPrepared, queryRows } from '@loa/database';
import {
  CLAIM_TEST_SENDS,
  END_EXPIRED_TEST_SEND_LEASES,
  INSERT_TEST_NUMBER,
  LIST_TEST_NUMBERS,
  LOCK_CAMPAIGN_FOR_TEST_SENDS,
  LOCK_USER_FOR_TEST_SENDS,
  NUMBERS_TESTED,
  QUEUE_TEST_SENDS,
  RECENT_SENDS_TO_NUMBERS,
  RECORD_TEST_SEND,
  SENDS_OF_USER_SINCE,
  TEST_NUMBERS_AMONG,
  TEST_SENDS_OF_CAMPAIGN,
  USER_SCOPE,
} from './test-sends.sql';

/** Run before every claim of campaign messages, by every dispatcher: prepared once per connection. */
const CLAIM_TEST_SENDS_PREPARED = prepared('loa_claim_test_sends', CLAIM_TEST_SENDS);

export interface TestNumber {
  msisdn: string;
  userId: number;
  username?: string;
  carrier: Carrier;
  createdAt: Date;
}

/** A test send as shown on its campaign: what the carrier answered, and its receipt when one came. */
export interface TestSend {
  id: number;
  msisdn: string;
  carrier: Carrier;
  provinceCode: string;
  /** queued, sending, accepted (the carrier took it), refused, or failed (its dispatcher was lost, `error` says so). */
  state: 'queued' | 'sending' | 'accepted' | 'refused' | 'failed';
  error: string | null;
  /** The carrier's receipt (DELIVRD, UNDELIV, EXPIRED…), null until one comes. */
  receipt: string | null;
  delivered: boolean;
  requestedAt: Date;
  sentAt: Date | null;
}

/** A test send a dispatcher took, with its text. */
export interface ClaimedTestSend {
  id: number;
  msisdn: string;
  body: string;
  encoding: 'gsm7' | 'ucs2';
}

/** Test numbers and test sends; kept apart from messages, so they never count in figures, audiences or the cap. */
@Injectable()
export class TestSendsRepository {
  constructor(private readonly db: DataSource) {}

  /** null when the number is already written down. */
  async insertNumber(msisdn: bigint, userId: number, carrier: Carrier, createdBy: number, manager: EntityManager): Promise<TestNumber | null> {
    const rows = await queryRows<TestNumberRow>(manager, INSERT_TEST_NUMBER, [String(msisdn), userId, carrier, createdBy]);
    return rows.length ? toTestNumber(rows[0]) : null;
  }

  /** The user's province scope (null: national); undefined: no such user. */
  async userScope(userId: number): Promise<string[] | null | undefined> {
    const rows = await queryRows<{ provinceScope: string[] | null }>(this.db, USER_SCOPE, [userId]);
    return rows.length ? rows[0].provinceScope : undefined;
  }

  /** The numbers of users within `scope` (null: every number). */
  async listNumbers(scope: readonly string[] | null): Promise<TestNumber[]> {
    return (await queryRows<TestNumberRow>(this.db, LIST_TEST_NUMBERS, [scope])).map(toTestNumber);
  }

  /** Of `msisdns`, those registered for a user within `scope`. */
  async registeredAmong(msisdns: bigint[], scope: readonly string[] | null): Promise<Set<string>> {
    const rows = await queryRows<{ msisdn: string }>(this.db, TEST_NUMBERS_AMONG, [msisdns.map(String), scope]);
    return new Set(rows.map((row) => row.msisdn));
  }

  /** Serialises test-send requests of the campaign, then of the user, until the transaction ends (always in that order). */
  async lockForRequest(campaignId: number, userId: number, manager: EntityManager): Promise<void> {
    await manager.query(LOCK_CAMPAIGN_FOR_TEST_SENDS, [campaignId]);
    await manager.query(LOCK_USER_FOR_TEST_SENDS, [userId]);
  }

  /** When each test send of the campaign to one of `msisdns` since `since` was requested, per number, oldest first. */
  async recentSendsTo(campaignId: number, msisdns: bigint[], since: Date, manager: EntityManager): Promise<Map<string, Date[]>> {
    const rows = await queryRows<{ msisdn: string; requestedAt: Date }>(manager, RECENT_SENDS_TO_NUMBERS, [campaignId, msisdns.map(String), since]);
    const byNumber = new Map<string, Date[]>();
    for (const row of rows) byNumber.set(row.msisdn, [...(byNumber.get(row.msisdn) ?? []), row.requestedAt]);
    return byNumber;
  }

  async sendsOfUserSince(userId: number, since: Date, manager: EntityManager): Promise<number> {
    return (await queryRows<{ sends: number }>(manager, SENDS_OF_USER_SINCE, [userId, since]))[0].sends;
  }

  async numbersTested(campaignId: number, manager: EntityManager): Promise<Set<string>> {
    return new Set((await queryRows<{ msisdn: string }>(manager, NUMBERS_TESTED, [campaignId])).map((row) => row.msisdn));
  }

  async queue(campaignId: number, msisdns: bigint[], provinces: string[], requestedBy: number, requestedAt: Date, manager: EntityManager): Promise<number> {
    return (await queryRows(manager, QUEUE_TEST_SENDS, [campaignId, msisdns.map(String), provinces, requestedBy, requestedAt])).length;
  }

  /** Takes up to `limit` queued test sends of `carrier`, leased to the caller until `leaseUntil`. */
  async claim(carrier: string, limit: number, leaseUntil: Date): Promise<ClaimedTestSend[]> {
    const rows = await queryPrepared<{ id: string; msisdn: string; body: string; encoding: ClaimedTestSend['encoding'] }>(this.db, CLAIM_TEST_SENDS_PREPARED, [
      carrier,
      limit,
      leaseUntil,
    ]);
    return rows.map((row) => ({ id: Number(row.id), msisdn: row.msisdn, body: row.body, encoding: row.encoding }));
  }

  async record(id: number, outcome: { accepted: boolean; smscMessageId: string | null; error: string | null }): Promise<void> {
    await this.db.query(RECORD_TEST_SEND, [id, outcome.accepted ? 'accepted' : 'refused', outcome.smscMessageId, outcome.error]);
  }

  /**
   * Test sends whose lease ended before `now` (their dispatcher was lost before recording the answer): sent
   * again if taken fewer than `maxAttempts` times, failed otherwise. Returns how many of each.
   */
  async endExpiredLeases(now: Date, maxAttempts: number): Promise<{ requeued: number; failed: number }> {
    const rows = await queryRows<{ state: string }>(this.db, END_EXPIRED_TEST_SEND_LEASES, [now, maxAttempts]);
    const failed = rows.filter((row) => row.state === 'failed').length;
    return { requeued: rows.length - failed, failed };
  }

  /** The campaign's test sends a caller with `scope` may read: texts of their provinces, to numbers of users within it. */
  async ofCampaign(campaignId: number, scope: readonly string[] | null): Promise<TestSend[]> {
    const rows = await queryRows<TestSendRow>(this.db, TEST_SENDS_OF_CAMPAIGN, [campaignId, scope]);
    return rows.map((row) => ({
      id: Number(row.id),
      msisdn: row.msisdn,
      carrier: row.carrier,
      provinceCode: row.province_code,
      state: row.state,
      error: row.error,
      receipt: row.receipt_state,
      delivered: row.receipt_state === 'DELIVRD',
      requestedAt: row.requested_at,
      sentAt: row.sent_at,
    }));
  }
}

interface TestNumberRow {
  msisdn: string;
  user_id: string;
  username?: string;
  carrier: Carrier;
  created_at: Date;
}

interface TestSendRow {
  id: string;
  msisdn: string;
  carrier: Carrier;
  province_code: string;
  state: TestSend['state'];
  error: string | null;
  receipt_state: string | null;
  requested_at: Date;
  sent_at: Date | null;
}

function toTestNumber(row: TestNumberRow): TestNumber {
  return { msisdn: row.msisdn, userId: Number(row.user_id), username: row.username, carrier: row.carrier, createdAt: row.created_at };
}

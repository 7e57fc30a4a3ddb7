import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Carrier } from '@loa/common';
import { prepared, queryPrepared, queryRows } from '@loa/database';
import {
  CLAIM_TEST_SENDS,
  END_EXPIRED_TEST_SEND_LEASES,
  INSERT_TEST_NUMBER,
  LIST_TEST_NUMBERS,
  NUMBERS_TESTED,
  QUEUE_TEST_SENDS,
  RECORD_TEST_SEND,
  TEST_NUMBERS_AMONG,
  TEST_SENDS_OF_CAMPAIGN,
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

  async userExists(userId: number): Promise<boolean> {
    return (await queryRows(this.db, 'SELECT 1 FROM users WHERE id = $1', [userId])).length > 0;
  }

  async listNumbers(): Promise<TestNumber[]> {
    return (await queryRows<TestNumberRow>(this.db, LIST_TEST_NUMBERS)).map(toTestNumber);
  }

  async registeredAmong(msisdns: bigint[]): Promise<Set<string>> {
    const rows = await queryRows<{ msisdn: string }>(this.db, TEST_NUMBERS_AMONG, [msisdns.map(String)]);
    return new Set(rows.map((row) => row.msisdn));
  }

  async numbersTested(campaignId: number, manager: EntityManager): Promise<Set<string>> {
    return new Set((await queryRows<{ msisdn: string }>(manager, NUMBERS_TESTED, [campaignId])).map((row) => row.msisdn));
  }

  async queue(campaignId: number, msisdns: bigint[], provinces: string[], requestedBy: number, manager: EntityManager): Promise<number> {
    return (await queryRows(manager, QUEUE_TEST_SENDS, [campaignId, msisdns.map(String), provinces, requestedBy])).length;
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

  async ofCampaign(campaignId: number): Promise<TestSend[]> {
    const rows = await queryRows<TestSendRow>(this.db, TEST_SENDS_OF_CAMPAIGN, [campaignId]);
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

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { SUBSCRIBER_MESSAGES } from './subscriber-messages.sql';

/** One message Loa sent (or was to send) a number: which campaign, which text, its state and its receipt. */
export interface SubscriberMessage {
  campaignId: number;
  campaignName: string;
  provinceCode: string;
  carrier: string;
  state: string;
  text: string;
  sentAt: Date | null;
  finishedAt: Date | null;
  receipt: string | null;
}

@Injectable()
export class SubscriberMessagesRepository {
  constructor(private readonly db: DataSource) {}

  /** The number's messages in `provinces` (null: all), newest first. */
  async ofNumber(msisdn: bigint, provinces: readonly string[] | null, limit: number): Promise<SubscriberMessage[]> {
    const rows = await queryRows<SubscriberMessage & { campaignId: string }>(this.db, SUBSCRIBER_MESSAGES, [String(msisdn), provinces, limit]);
    return rows.map((row) => ({ ...row, campaignId: Number(row.campaignId) }));
  }
}

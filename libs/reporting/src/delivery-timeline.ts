import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuthUser } from '@loa/auth';
import { CampaignsService } from '@loa/campaigns';
import { queryRows } from '@loa/database';
import { TIMELINE_BUCKETS, TIMELINE_SPAN } from './delivery-timeline.sql';

export interface TimelineBucket {
  /** Start of the bucket. */
  at: Date;
  submitted: number;
  delivered: number;
  /** Final states other than delivered (undeliverable, expired, rejected, failed, unknown). */
  failed: number;
}

export interface DeliveryTimeline {
  campaignId: number;
  bucketSeconds: number;
  buckets: TimelineBucket[];
}

/** Bucket widths the timeline picks from: the smallest that gives at most MAX_BUCKETS buckets. */
const BUCKET_SECONDS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 86_400];
const MAX_BUCKETS = 120;

export function bucketSecondsFor(spanSeconds: number): number {
  return BUCKET_SECONDS.find((width) => spanSeconds / width <= MAX_BUCKETS) ?? BUCKET_SECONDS[BUCKET_SECONDS.length - 1];
}

/** When a campaign's messages went out and ended, in time buckets (the dashboard's delivery chart). */
@Injectable()
export class DeliveryTimelineService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly db: DataSource,
  ) {}

  /** A user with a province scope sees only their provinces' messages. */
  async timeline(campaignId: number, user: AuthUser): Promise<DeliveryTimeline> {
    await this.campaigns.get(campaignId, user);
    const provinces = user.provinceScope;
    const [span] = await queryRows<{ first: Date | null; last: Date | null }>(this.db, TIMELINE_SPAN, [campaignId, provinces]);
    if (!span.first || !span.last) return { campaignId, bucketSeconds: 1, buckets: [] };
    const bucketSeconds = bucketSecondsFor((span.last.getTime() - span.first.getTime()) / 1000);
    const start = Math.floor(span.first.getTime() / 1000 / bucketSeconds) * bucketSeconds * 1000;
    const rows = await queryRows<{ bucket: number; submitted: number; delivered: number; failed: number }>(this.db, TIMELINE_BUCKETS, [
      campaignId,
      provinces,
      bucketSeconds,
      new Date(start).toISOString(),
    ]);
    const buckets = rows.map((row) => ({
      at: new Date(start + row.bucket * bucketSeconds * 1000),
      submitted: row.submitted,
      delivered: row.delivered,
      failed: row.failed,
    }));
    return { campaignId, bucketSeconds, buckets };
  }
}

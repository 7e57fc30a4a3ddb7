import { type MigrationInterface, type QueryRunner } from 'typeorm';

const STATES_BEFORE = [
  'queued',
  'sending',
  'submitted',
  'delivered',
  'undeliverable',
  'expired',
  'rejected',
  'failed',
  'unknown',
  'held',
  'capped',
  'expired_unsent',
];

/** Messages a cancel ended before this migration: failed, never submitted, with Loa's cancel reason. */
const CANCELLED_BEFORE = `state = 'failed' AND submitted_at IS NULL AND last_error LIKE 'campaign cancelled%'`;

/**
 * `cancelled`, its own outcome: a message its campaign's cancel ended before it was sent is no failure. A state
 * of its own, a counter in campaign_stats and in the time buckets; dispatchers are told at once when a campaign
 * is paused or cancelled (they stop handing its messages to the carrier), as when it starts or resumes.
 * Messages a cancel ended `failed` before move to `cancelled`, with their counters, buckets and reasons.
 */
export class CancelledMessages1764000024000 implements MigrationInterface {
  name = 'CancelledMessages1764000024000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_state_check`);
    await db.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_state_check CHECK (state IN (${[...STATES_BEFORE, 'cancelled'].map((s) => `'${s}'`).join(', ')}))`,
    );
    await db.query(`ALTER TABLE campaign_stats ADD COLUMN cancelled integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE campaign_stats_buckets ADD COLUMN cancelled integer NOT NULL DEFAULT 0`);
    await moveCancelled(db, 'failed', 'cancelled');
    await db.query(`DROP TRIGGER campaigns_wake_dispatchers ON campaigns`);
    await db.query(`
      CREATE TRIGGER campaigns_wake_dispatchers AFTER UPDATE OF state ON campaigns
      FOR EACH ROW WHEN (NEW.state IN ('running', 'paused', 'cancelled') AND OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION wake_dispatchers()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER campaigns_wake_dispatchers ON campaigns`);
    await db.query(`
      CREATE TRIGGER campaigns_wake_dispatchers AFTER UPDATE OF state ON campaigns
      FOR EACH ROW WHEN (NEW.state = 'running' AND OLD.state <> 'running') EXECUTE FUNCTION wake_dispatchers()`);
    await moveCancelled(db, 'cancelled', 'failed');
    await db.query(`ALTER TABLE campaign_stats_buckets DROP COLUMN cancelled`);
    await db.query(`ALTER TABLE campaign_stats DROP COLUMN cancelled`);
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_state_check`);
    await db.query(`ALTER TABLE messages ADD CONSTRAINT messages_state_check CHECK (state IN (${STATES_BEFORE.map((s) => `'${s}'`).join(', ')}))`);
  }
}

/**
 * Moves the messages a cancel ended from one state to the other, with their counters, the bucket each was
 * counted in (the one its final_at falls in: both were written by the same statement) and, going to failed,
 * their reasons (back from failed, the reasons go).
 */
async function moveCancelled(db: QueryRunner, from: 'failed' | 'cancelled', to: 'failed' | 'cancelled'): Promise<void> {
  const which = from === 'failed' ? CANCELLED_BEFORE : `state = 'cancelled'`;
  await db.query(`
    WITH moved AS (
      UPDATE messages SET state = '${to}' WHERE ${which}
      RETURNING campaign_id, province_code, carrier, final_at, last_error
    ),
    width AS (SELECT make_interval(secs => COALESCE(NULLIF(current_setting('loa.stats_bucket_seconds', true), '')::int, 60)) AS width),
    buckets AS (
      UPDATE campaign_stats_buckets b SET ${from} = b.${from} - m.count, ${to} = b.${to} + m.count
      FROM (
        SELECT campaign_id, province_code, carrier, date_bin(w.width, final_at, timestamptz 'epoch') + w.width AS bucket_end, count(*)::int AS count
        FROM moved, width w GROUP BY 1, 2, 3, 4
      ) m
      WHERE b.campaign_id = m.campaign_id AND b.province_code = m.province_code AND b.carrier = m.carrier AND b.bucket_end = m.bucket_end
    ),
    reasons AS (
      ${
        from === 'failed'
          ? `DELETE FROM campaign_errors e WHERE e.state = 'failed' AND e.reason LIKE 'campaign cancelled%'`
          : `INSERT INTO campaign_errors (campaign_id, province_code, carrier, state, reason, messages)
             SELECT campaign_id, province_code, carrier, 'failed', COALESCE(last_error, ''), count(*) FROM moved GROUP BY 1, 2, 3, 5
             ON CONFLICT (campaign_id, province_code, carrier, state, reason) DO UPDATE SET messages = campaign_errors.messages + excluded.messages`
      }
    )
    UPDATE campaign_stats s SET ${from} = s.${from} - m.count, ${to} = s.${to} + m.count
    FROM (SELECT campaign_id, province_code, carrier, count(*)::int AS count FROM moved GROUP BY 1, 2, 3) m
    WHERE s.campaign_id = m.campaign_id AND s.province_code = m.province_code AND s.carrier = m.carrier`);
}

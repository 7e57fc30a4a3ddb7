import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The foundation schema: provinces, users, subscribers, templates, campaigns, messages, receipts, stats. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE provinces (
        code            text PRIMARY KEY,
        name            text NOT NULL,
        slug            text NOT NULL UNIQUE,
        kind            text NOT NULL CHECK (kind IN ('city', 'province')),
        police_hotlines text[] NOT NULL DEFAULT '{}',
        website         text,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE legacy_provinces (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        merged_into text NOT NULL REFERENCES provinces (code)
      )`);
    await db.query(`
      CREATE TABLE users (
        id             bigserial PRIMARY KEY,
        username       text NOT NULL UNIQUE,
        password_hash  text NOT NULL,
        role           text NOT NULL CHECK (role IN ('admin', 'drafter', 'approver', 'operator', 'viewer')),
        -- NULL means national scope; otherwise the province codes the user may see and target.
        province_scope text[],
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE subscribers (
        msisdn        bigint PRIMARY KEY,
        carrier       text NOT NULL CHECK (carrier IN ('viettel', 'vnpt', 'mobifone', 'others')),
        province_code text NOT NULL REFERENCES provinces (code),
        status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'opted_out')),
        import_id     bigint,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX subscribers_audience_idx ON subscribers (province_code, carrier) WHERE status = 'active'`);
    await db.query(`
      CREATE TABLE templates (
        id               bigserial PRIMARY KEY,
        family_id        bigint NOT NULL,
        version          integer NOT NULL,
        name             text NOT NULL,
        body             text NOT NULL,
        encoding_policy  text NOT NULL CHECK (encoding_policy IN ('auto', 'unicode', 'ascii-fold')),
        max_segments     integer NOT NULL CHECK (max_segments BETWEEN 1 AND 10),
        status           text NOT NULL CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
        author_id        bigint NOT NULL REFERENCES users (id),
        decided_by       bigint REFERENCES users (id),
        rejection_reason text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        submitted_at     timestamptz,
        decided_at       timestamptz,
        CONSTRAINT templates_family_version_key UNIQUE (family_id, version)
      )`);
    await db.query(`
      CREATE TABLE campaigns (
        id               bigserial PRIMARY KEY,
        name             text NOT NULL,
        template_id      bigint NOT NULL REFERENCES templates (id),
        provinces        text[] NOT NULL,
        carriers         text[] NOT NULL,
        state            text NOT NULL CHECK (state IN ('draft', 'pending_approval', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
        start_at         timestamptz NOT NULL,
        window_start     time NOT NULL DEFAULT '07:00',
        window_end       time NOT NULL DEFAULT '21:00',
        validity_hours   integer NOT NULL DEFAULT 24,
        report_deadline  timestamptz,
        priority         integer NOT NULL DEFAULT 0,
        created_by       bigint NOT NULL REFERENCES users (id),
        approved_by      bigint REFERENCES users (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        materialised_at  timestamptz,
        completed_at     timestamptz
      )`);
    await db.query(`CREATE INDEX campaigns_due_idx ON campaigns (start_at) WHERE state = 'scheduled'`);
    await db.query(`
      CREATE TABLE campaign_texts (
        id            bigserial PRIMARY KEY,
        campaign_id   bigint NOT NULL REFERENCES campaigns (id),
        province_code text NOT NULL REFERENCES provinces (code),
        body          text NOT NULL,
        encoding      text NOT NULL CHECK (encoding IN ('gsm7', 'ucs2')),
        segments      integer NOT NULL,
        CONSTRAINT campaign_texts_campaign_province_key UNIQUE (campaign_id, province_code)
      )`);
    // One partition per campaign (created at materialisation): a finished campaign is archived by
    // detaching or dropping its partition instead of deleting millions of rows.
    await db.query(`
      CREATE TABLE messages (
        id              bigint NOT NULL,
        campaign_id     bigint NOT NULL,
        msisdn          bigint NOT NULL,
        carrier         text NOT NULL,
        province_code   text NOT NULL,
        text_id         bigint NOT NULL,
        state           text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'submitted', 'delivered', 'undeliverable', 'expired', 'rejected', 'failed', 'unknown')),
        attempts        smallint NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        lease_until     timestamptz,
        submitted_at    timestamptz,
        final_at        timestamptz,
        last_error      text,
        PRIMARY KEY (campaign_id, id)
      ) PARTITION BY LIST (campaign_id)`);
    await db.query(`CREATE SEQUENCE messages_id_seq AS bigint`);
    await db.query(`CREATE INDEX messages_queued_idx ON messages (carrier, id) WHERE state = 'queued'`);
    await db.query(`CREATE INDEX messages_lease_idx ON messages (lease_until) WHERE state = 'sending'`);
    await db.query(`
      CREATE TABLE submissions (
        carrier         text NOT NULL,
        smsc_message_id text NOT NULL,
        campaign_id     bigint NOT NULL,
        message_id      bigint NOT NULL,
        part            smallint NOT NULL,
        parts           smallint NOT NULL,
        receipt_state   text,
        submitted_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (carrier, smsc_message_id)
      )`);
    await db.query(`CREATE INDEX submissions_message_idx ON submissions (campaign_id, message_id)`);
    await db.query(`
      CREATE TABLE delivery_receipts (
        id              bigserial PRIMARY KEY,
        carrier         text NOT NULL,
        smsc_message_id text,
        receipt_state   text,
        error_code      text,
        done_at         timestamptz,
        raw             text NOT NULL,
        received_at     timestamptz NOT NULL DEFAULT now(),
        applied_at      timestamptz
      )`);
    await db.query(`CREATE INDEX delivery_receipts_unapplied_idx ON delivery_receipts (id) WHERE applied_at IS NULL`);
    await db.query(`
      CREATE TABLE inbound_messages (
        id          bigserial PRIMARY KEY,
        carrier     text NOT NULL,
        source_addr text NOT NULL,
        dest_addr   text NOT NULL,
        body        text NOT NULL,
        data_coding smallint NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE campaign_stats (
        campaign_id   bigint NOT NULL REFERENCES campaigns (id),
        province_code text NOT NULL,
        carrier       text NOT NULL,
        targeted      integer NOT NULL DEFAULT 0,
        submitted     integer NOT NULL DEFAULT 0,
        delivered     integer NOT NULL DEFAULT 0,
        undeliverable integer NOT NULL DEFAULT 0,
        expired       integer NOT NULL DEFAULT 0,
        rejected      integer NOT NULL DEFAULT 0,
        failed        integer NOT NULL DEFAULT 0,
        unknown       integer NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, province_code, carrier)
      )`);
    await db.query(`
      CREATE TABLE audit_log (
        id          bigserial PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        user_id     bigint REFERENCES users (id),
        action      text NOT NULL,
        object_type text NOT NULL,
        object_id   text NOT NULL,
        details     jsonb NOT NULL DEFAULT '{}',
        remote_addr text
      )`);
    await db.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'campaign_stats',
      'inbound_messages',
      'delivery_receipts',
      'submissions',
      'messages',
      'campaign_texts',
      'campaigns',
      'templates',
      'subscribers',
      'users',
      'legacy_provinces',
      'provinces',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query('DROP SEQUENCE IF EXISTS messages_id_seq');
    await db.query('DROP FUNCTION IF EXISTS audit_log_append_only');
  }
}

import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { APPLY_MESSAGE_STATES, CLAIM_MESSAGES } from './messages.sql';
import { FINAL_STATES_OF, STORE_RECEIPTS } from './receipts.sql';

const ROWS = 50_000;
const BATCH = 500;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/**
 * The statements the dispatcher runs for every batch must cost in proportion to the batch, not to the table:
 * a campaign of 50 k messages once hashed all of them to claim 500, and every batch of receipts hashed every
 * submission ever sent. Checked on the planner's own choice, for tables large enough to tempt it.
 */
describe('batch statements read their rows by key', () => {
  let database: TestDatabase;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    // The plans are the subject here: rows without their campaign, texts or provinces will do.
    await db.query('SET session_replication_role = replica');
    await db.query('CREATE TABLE messages_c1 PARTITION OF messages FOR VALUES IN (1)');
    await db.query(
      `INSERT INTO messages (id, campaign_id, msisdn, carrier, province_code, text_id, state)
       SELECT n, 1, 84960000000 + n, 'viettel', '14', 1, CASE WHEN n <= $2 THEN 'sending' ELSE 'queued' END FROM generate_series(1, $1) n`,
      [ROWS, BATCH],
    );
    await db.query(
      `INSERT INTO submissions (carrier, smsc_message_id, campaign_id, message_id, part, parts) SELECT 'viettel', 'id' || n, 1, n, 1, 1 FROM generate_series(1, $1) n`,
      [ROWS],
    );
    await db.query('ANALYZE messages_c1');
    await db.query('ANALYZE submissions');
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  const ids = Array.from({ length: BATCH }, (_, n) => n + 1);
  const each = <T>(value: T) => ids.map(() => value);

  /**
   * The tables `sql` reads whole, planned for these parameters or generically: prepared (see prepared()), a
   * statement may keep one generic plan for every batch.
   */
  async function scannedWhole(sql: string, parameters: unknown[]): Promise<string[]> {
    const custom = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    const generic = await db.query(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${sql}`);
    return [...seqScans(custom.rows[0]['QUERY PLAN'][0].Plan), ...seqScans(generic.rows[0]['QUERY PLAN'][0].Plan)];
  }

  function seqScans(node: PlanNode): string[] {
    const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
    return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
  }

  it('claims a batch', async () => {
    expect(await scannedWhole(CLAIM_MESSAGES, [1, 'viettel', BATCH, BATCH, 60])).toEqual([]);
  });

  it('applies the outcomes of a batch', async () => {
    const outcomes = [each(1), ids, each('submitted'), each(null), each(null), each(0), each(0), 'sending', each(0)];
    const sends = [each(1), each(1), each(null), each(false), each(1), each(false), each(false)];
    expect(await scannedWhole(APPLY_MESSAGE_STATES, [...outcomes, ...sends])).not.toContain('messages_c1');
  });

  it('stores a batch of receipts, matching their submissions', async () => {
    const receipts = [each('viettel'), ids.map((n) => `id${n}`), each('DELIVRD'), each('000'), each(new Date()), each('raw'), ids.map((n) => 84960000000 + n)];
    expect(await scannedWhole(STORE_RECEIPTS, receipts)).not.toContain('submissions');
  });

  it('finds the final states of a batch of receipted messages', async () => {
    expect(await scannedWhole(FINAL_STATES_OF, [each(1), ids])).not.toContain('submissions');
  });
});

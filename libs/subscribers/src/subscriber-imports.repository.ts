import { Injectable } from '@nestjs/common';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import { notFound } from '@loa/common';
import { queryRows } from '@loa/database';
import type { ImportJob, ImportRejection } from './subscriber-import';
import {
  APPLY_STAGING,
  FINISH_IMPORT,
  FIRST_REJECTIONS,
  GET_IMPORT,
  INSERT_IMPORT,
  LOCK_SUBSCRIBERS,
  NOT_IN_SCOPE_REASON,
  REFUSE_OUT_OF_SCOPE,
  rejectionsCsvCopy,
} from './subscriber-import.sql';

export interface StagingResult {
  updated: number;
  inserted: number;
  /** Accepted rows refused because their number is not a subscriber of the importer's provinces. */
  outOfScope: number;
}

/** Import jobs and their rejections; the writes run on the importing transaction's query runner. */
@Injectable()
export class SubscriberImportsRepository {
  constructor(private readonly db: DataSource) {}

  async create(runner: QueryRunner, source: string, user: { id: number; provinceScope: string[] | null } | null): Promise<number> {
    const rows = await queryRows<{ id: string }>(runner, INSERT_IMPORT, [source, user?.id ?? null, user?.provinceScope ?? null]);
    return Number(rows[0].id);
  }

  /** `scope` null: national, every row applies; otherwise only rows for subscribers already in the scope. */
  async applyStaging(runner: QueryRunner, id: number, scope: readonly string[] | null): Promise<StagingResult> {
    await runner.query('ANALYZE subscriber_import_staging');
    await runner.query(LOCK_SUBSCRIBERS);
    // The insert sorts the accepted rows by number: in memory instead of spilling to disk (~30 MB per 1 M).
    await runner.query(`SET LOCAL work_mem = '64MB'`);
    const outOfScope = scope === null ? 0 : ((await rawClient(runner).query(REFUSE_OUT_OF_SCOPE, [scope, NOT_IN_SCOPE_REASON])).rowCount ?? 0);
    const rows = await queryRows<Omit<StagingResult, 'outOfScope'>>(runner, APPLY_STAGING, [id]);
    return { ...rows[0], outOfScope };
  }

  async finish(
    runner: QueryRunner,
    id: number,
    counts: Omit<ImportJob, 'id' | 'state' | 'source' | 'createdBy' | 'provinces' | 'createdAt' | 'finishedAt'>,
  ): Promise<ImportJob> {
    const params = [id, counts.read, counts.inserted, counts.updated, counts.unchanged, counts.rejected, counts.mapped, counts.separator];
    return (await queryRows<ImportJob>(runner, FINISH_IMPORT, params))[0];
  }

  async get(id: number): Promise<ImportJob> {
    const rows = await queryRows<ImportJob>(this.db, GET_IMPORT, [id]);
    if (rows.length === 0) throw notFound(`import ${id} not found`);
    return rows[0];
  }

  firstRejections(id: number, limit: number): Promise<ImportRejection[]> {
    return queryRows<ImportRejection>(this.db, FIRST_REJECTIONS, [id, limit]);
  }

  /** Writes `line,reason,raw` as CSV (UTF-8 with BOM, so spreadsheets show the Vietnamese right). */
  async writeRejectionsCsv(id: number, out: Writable): Promise<void> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const client = rawClient(runner);
      out.write('\ufeff');
      await pipeline(client.query(copyTo(rejectionsCsvCopy(id))), out);
    } finally {
      await runner.release();
    }
  }
}

/** The pg client under a connected TypeORM query runner (for COPY, which TypeORM does not expose). */
export function rawClient(runner: QueryRunner): PoolClient {
  return (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
}

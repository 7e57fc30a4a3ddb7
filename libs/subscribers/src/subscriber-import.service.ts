import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type QueryRunner } from 'typeorm';
import { AuditLogRepository, type AuthUser } from '@loa/auth';
import { invalid } from '@loa/common';
import { ProvinceDirectory } from '@loa/provinces';
import { CsvLineSplitter } from './csv-lines';
import { StagingEncoder } from './staging-encoder';
import type { ImportJob } from './subscriber-import';
import { COPY_STAGING, CREATE_STAGING } from './subscriber-import.sql';
import { rawClient, SubscriberImportsRepository } from './subscriber-imports.repository';

export interface ImportOptions {
  /** File name or "api upload", shown on the job. */
  source: string;
  /**
   * Who imports. A province-scoped user's rows apply only to subscribers already in their provinces (and name
   * a province in them); every other row is refused. null = system (CLI), national.
   */
  user: AuthUser | null;
  onProgress?: (progress: { rowsRead: number; rejected: number; bytesRead: number }) => void;
}

/**
 * Streams a CSV into a staging table with COPY and applies it with one statement, all in one transaction:
 * a file that is not a subscriber CSV (binary, no header, empty) or a failed upload leaves no trace, not even
 * a job row — the error answer is the record. Memory stays flat: one line batch and one COPY chunk at a time.
 */
@Injectable()
export class SubscriberImportService {
  constructor(
    private readonly db: DataSource,
    private readonly imports: SubscriberImportsRepository,
    private readonly directory: ProvinceDirectory,
    private readonly audit: AuditLogRepository,
  ) {}

  async importCsv(input: Readable, options: ImportOptions): Promise<ImportJob> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const job = await this.run(runner, input, options);
      await runner.commitTransaction();
      return job;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      input.resume(); // drain what is left of an upload so the HTTP answer can go out
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async run(runner: QueryRunner, input: Readable, options: ImportOptions): Promise<ImportJob> {
    const id = await this.imports.create(runner, options.source, options.user);
    await runner.query(CREATE_STAGING);
    const splitter = new CsvLineSplitter();
    const encoder = new StagingEncoder({
      directory: this.directory,
      scope: options.user?.provinceScope ?? null,
      onProgress: (p) => options.onProgress?.({ rowsRead: p.rowsRead, rejected: p.rejected, bytesRead: splitter.bytesRead }),
    });
    await pipeline(input, splitter, encoder, rawClient(runner).query(copyFrom(COPY_STAGING)));
    if (!encoder.sawHeader) throw invalid('the file is empty: expected a header msisdn,carrier,province[,status] and rows', { line: 1 });
    options.onProgress?.({ rowsRead: encoder.rowsRead, rejected: encoder.rejected, bytesRead: splitter.bytesRead });
    const applied = await this.imports.applyStaging(runner, id, options.user?.provinceScope ?? null);
    const counts = {
      read: encoder.rowsRead,
      inserted: applied.inserted,
      updated: applied.updated,
      unchanged: encoder.accepted - applied.outOfScope - applied.inserted - applied.updated,
      rejected: encoder.rejected + applied.outOfScope,
      mapped: encoder.mapped,
      separator: encoder.separator,
    };
    const job = await this.imports.finish(runner, id, counts);
    await this.audit.append(
      options.user,
      { action: 'subscribers.import', objectType: 'subscriber_import', objectId: id, provinces: options.user?.provinceScope ?? null, details: { ...counts } },
      runner.manager,
    );
    return job;
  }
}

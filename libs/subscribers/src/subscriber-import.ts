import type { CsvSeparator } from './csv-record';

/** An import job: one upload or one `loa import`. Only completed jobs are ever visible (see the service). */
export interface ImportJob {
  id: number;
  state: 'running' | 'completed';
  source: string;
  createdBy: number | null;
  /** The importer's province scope (rows outside it are refused); null: national. */
  provinces: string[] | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** Data lines read (header and blank lines not counted). */
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Accepted rows whose province was a legacy (pre-2025) name or code, mapped to the current unit. */
  mapped: number;
  /** The separator found on line 1 (comma, semicolon or tab); null for jobs from before it was recorded. */
  separator: CsvSeparator | null;
}

export interface ImportRejection {
  line: number;
  reason: string;
  raw: string;
}

/** What the CLI prints: the job and its first rejected lines. */
export interface ImportSummary extends ImportJob {
  firstRejections: ImportRejection[];
}

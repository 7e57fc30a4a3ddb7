import { Transform, type TransformCallback } from 'node:stream';
import { invalid } from '@loa/common';
import { ProvinceDirectory } from '@loa/provinces';
import type { LineBatch } from './csv-lines';
import { type CsvSeparator, parseCsvLine } from './csv-record';
import { DuplicateFilter } from './duplicate-filter';
import { detectImportHeader } from './import-header';
import { ImportRowChecker } from './import-row-checker';

export interface ImportProgress {
  rowsRead: number;
  rejected: number;
}

export interface StagingEncoderOptions {
  directory: ProvinceDirectory;
  scope: readonly string[] | null;
  onProgress?: (progress: ImportProgress) => void;
}

/** Rows between progress callbacks: ~20 per second at the 1 M rows / 15 s budget pace. */
const PROGRESS_EVERY = 10_000;

/**
 * Line batches in, COPY text out (one staging row per data line: accepted rows with their values, refused
 * rows with their reason; both keep the raw line, so duplicates found later in SQL can be reported as is).
 */
export class StagingEncoder extends Transform implements ImportProgress {
  rowsRead = 0;
  rejected = 0;
  accepted = 0;
  mapped = 0;
  sawHeader = false;
  /** The separator line 1 uses, found there and kept for every line after it. */
  separator: CsvSeparator = ',';
  private checker: ImportRowChecker | undefined;
  private readonly duplicates = new DuplicateFilter();

  constructor(private readonly options: StagingEncoderOptions) {
    super({ writableObjectMode: true });
  }

  override _transform(batch: LineBatch, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      let out = '';
      batch.lines.forEach((line, index) => {
        out += this.encode(line, batch.firstLine + index);
      });
      if (out) this.push(out);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private encode(line: string, lineNumber: number): string {
    if (line.trim() === '') return '';
    if (!this.checker) {
      this.startWith(line);
      return '';
    }
    this.rowsRead++;
    if (this.rowsRead % PROGRESS_EVERY === 0) this.options.onProgress?.(this);
    const broken = brokenText(line);
    if (broken) {
      this.rejected++;
      return `${lineNumber}\t\\N\t\\N\t\\N\t\\N\tf\t${broken}\t${escapeCopy(line.replace(/\u0000/g, '\ufffd'))}\n`;
    }
    const raw = escapeCopy(line);
    const record = parseCsvLine(line, this.separator);
    const row = Array.isArray(record) ? this.checker.check(record) : record.error;
    if (typeof row === 'string') {
      this.rejected++;
      return `${lineNumber}\t\\N\t\\N\t\\N\t\\N\tf\t${escapeCopy(row)}\t${raw}\n`;
    }
    if (this.duplicates.seen(row.msisdn)) {
      // Refused with its number kept and no reason yet: SQL names the line it duplicates.
      this.rejected++;
      return `${lineNumber}\t${row.msisdn}\t\\N\t\\N\t\\N\tf\t\\N\t${raw}\n`;
    }
    this.accepted++;
    if (row.mapped) this.mapped++;
    return `${lineNumber}\t${row.msisdn}\t${row.carrier}\t${row.provinceCode}\t${row.status ?? '\\N'}\tt\t\\N\t${raw}\n`;
  }

  private startWith(headerLine: string): void {
    if (headerLine.includes('\ufffd')) throw notUtf8();
    const header = detectImportHeader(headerLine);
    this.separator = header.separator;
    this.checker = new ImportRowChecker(header.columns, this.options.directory, this.options.scope);
    this.sawHeader = true;
  }
}

/**
 * Why a line is not text at all, before its fields are read. A NUL cannot reach PostgreSQL text (the whole
 * COPY would fail); U+FFFD is what bytes that are not UTF-8 decode to (a list saved as plain "CSV" by Excel).
 */
function brokenText(line: string): string | null {
  if (line.includes('\u0000')) return 'contains a NUL character (binary data, not text)';
  if (line.includes('\ufffd')) return 'not UTF-8 text (save the list as "CSV UTF-8")';
  return null;
}

function notUtf8() {
  return invalid('line 1: not UTF-8 text (save the list as "CSV UTF-8")', { line: 1 });
}

/** COPY text format: backslash, tab and CR must be escaped (LF cannot occur: we split on it). */
export function escapeCopy(text: string): string {
  return /[\\\t\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r') : text;
}

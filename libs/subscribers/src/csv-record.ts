import { parse } from 'csv-parse/sync';

export type CsvRecord = string[] | { error: string };

/**
 * One line as CSV fields. Lines without a quote (nearly all of a carrier's list) are split directly;
 * quoted lines go through csv-parse for RFC 4180 quoting, and broken quoting becomes a reason, not a throw.
 */
export function parseCsvLine(line: string): CsvRecord {
  if (!line.includes('"')) return line.split(',');
  try {
    const records = parse(line, { relax_column_count: true }) as string[][];
    return records[0] ?? [''];
  } catch (error) {
    return { error: `broken quoting: ${(error as Error).message.replace(/ at line 1.*$/, '')}` };
  }
}

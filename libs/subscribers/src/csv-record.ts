import { parse } from 'csv-parse/sync';

export type CsvRecord = string[] | { error: string };

/** The separators an import accepts: comma, semicolon (what Excel with Vietnamese regional settings saves), tab. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** How a person names a separator: "comma (,)", "semicolon (;)", "tab". */
export function separatorName(separator: CsvSeparator): string {
  return { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab' }[separator];
}

/**
 * One line as CSV fields. Lines without a quote (nearly all of a carrier's list) are split directly;
 * quoted lines go through csv-parse for RFC 4180 quoting, and broken quoting becomes a reason, not a throw.
 */
export function parseCsvLine(line: string, separator: CsvSeparator = ','): CsvRecord {
  if (!line.includes('"')) return line.split(separator);
  try {
    const records = parse(line, { relax_column_count: true, delimiter: separator }) as string[][];
    return records[0] ?? [''];
  } catch (error) {
    return { error: `broken quoting: ${(error as Error).message.replace(/ at line 1.*$/, '')}` };
  }
}

import { statSync } from 'node:fs';
import { invalid } from '@loa/common';

/** The file's size (for the progress bar); a missing or unreadable file is the user's error, said plainly. */
export function checkCsvFile(file: string): number {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  if (!stats.isFile()) throw invalid(`${file}: not a file (a CSV file is expected)`);
  return stats.size;
}

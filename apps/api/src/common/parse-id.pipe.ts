import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalid } from '@loa/common';

/** The largest id a JSON number holds exactly; ids are bigint in the database. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/**
 * A route id: a whole number from 1 to MAX_ID. ParseIntPipe let 99999999999999999999 through, and
 * PostgreSQL then failed on a bigint out of range: a 500 for what is bad input. The global validation
 * pipe may already have turned the text into a number (NaN for "abc"), so both are accepted here.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string | number, number> {
  transform(value: string | number, metadata: ArgumentMetadata): number {
    const id = typeof value === 'number' ? value : /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id) || id < 1) throw invalid(`${metadata.data ?? 'id'}: expected a whole number from 1 to ${MAX_ID}`);
    return id;
  }
}

import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { invalid } from '@loa/common';

/** The largest id a JSON number holds exactly; ids are bigint in the database. */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/**
 * A route id: decimal digits only, 1 to MAX_ID. Number() alone read "0x10" as 16 and " 1" as 1, and
 * ParseIntPipe let 99999999999999999999 through to a bigint error (a 500). The global validation pipe leaves
 * route parameters as the text they came as (see validation.pipe.ts), so the text itself is checked here.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const id = typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id)) throw invalid(`${metadata.data ?? 'id'}: expected a whole number from 1 to ${MAX_ID}, in decimal digits only`);
    return id;
  }
}

import { ProvinceDirectory } from '@loa/provinces';
import { type Carrier, parseCarrierName } from './carrier';
import type { ImportColumns } from './import-header';
import { InvalidMsisdn, normalizeMsisdnText, carrierForMsisdn } from './msisdn';

export type SubscriberStatus = 'active' | 'opted_out';

export interface AcceptedRow {
  msisdn: string;
  carrier: Carrier;
  provinceCode: string;
  /** null: the file did not say, so an existing subscriber keeps its status (an opt-out sticks). */
  status: SubscriberStatus | null;
  mapped: boolean;
}

const STATUS_NAMES: Record<string, SubscriberStatus> = {
  active: 'active',
  'hoat dong': 'active',
  'hoạt động': 'active',
  opted_out: 'opted_out',
  'opted-out': 'opted_out',
  optout: 'opted_out',
  opt_out: 'opted_out',
  'tu choi': 'opted_out',
  'từ chối': 'opted_out',
};

type Province = { code: string; mapped: boolean } | { error: string };

/** Checks one record against the columns, the prefix table, the province directory and the user's scope. */
export class ImportRowChecker {
  /** A list names a few dozen distinct provinces over millions of rows: resolve each spelling once. */
  private readonly provinces = new Map<string, Province>();

  constructor(
    private readonly columns: ImportColumns,
    private readonly directory: ProvinceDirectory,
    private readonly scope: readonly string[] | null,
  ) {}

  check(fields: string[]): AcceptedRow | string {
    if (fields.length !== this.columns.count) return `wrong column count: ${fields.length} instead of ${this.columns.count}`;
    const msisdn = normalizeMsisdnText(fields[this.columns.msisdn!]);
    if (msisdn instanceof InvalidMsisdn) return `bad number: ${msisdn.reason}`;
    const carrier = this.carrier(fields[this.columns.carrier!], msisdn);
    if (carrier === null) return `unknown carrier "${fields[this.columns.carrier!].trim()}" (viettel, vnpt/vinaphone or mobifone)`;
    const province = this.province(fields[this.columns.province!]);
    if ('error' in province) return province.error;
    const status = this.status(this.columns.status === undefined ? '' : fields[this.columns.status]);
    if (status === undefined) return `unknown status "${fields[this.columns.status!].trim()}" (active or opted_out)`;
    return { msisdn, carrier, provinceCode: province.code, status, mapped: province.mapped };
  }

  /** The list's carrier wins over the prefix (number portability); an empty cell falls back to the prefix. */
  private carrier(cell: string, msisdn: string): Carrier | null {
    if (cell.trim() === '') return carrierForMsisdn(msisdn);
    return parseCarrierName(cell);
  }

  private province(cell: string): Province {
    let found = this.provinces.get(cell);
    if (!found) {
      found = this.resolveProvince(cell);
      if (this.provinces.size < 10_000) this.provinces.set(cell, found);
    }
    return found;
  }

  private resolveProvince(cell: string): Province {
    const resolution = this.directory.tryResolve(cell);
    if (!resolution) return { error: `unknown province "${cell.trim()}"` };
    const code = resolution.province.code;
    if (this.scope && !this.scope.includes(code)) return { error: `province ${code} (${resolution.province.shortName}) is outside your scope` };
    return { code, mapped: resolution.mappedFrom !== undefined };
  }

  private status(cell: string): SubscriberStatus | null | undefined {
    const text = cell.trim().toLowerCase().normalize('NFC');
    return text === '' ? null : STATUS_NAMES[text];
  }
}

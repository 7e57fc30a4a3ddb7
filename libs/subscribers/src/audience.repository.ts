import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invalid } from '@loa/common';
import { queryRows } from '@loa/database';
import { ProvinceDirectory } from '@loa/provinces';
import type { AudienceCount, AudienceQuery, CarrierTotals } from './audience';
import { COUNT_AUDIENCE } from './audience.sql';
import { type Carrier, CARRIERS, isCarrier } from './carrier';

/** Audience sizes for previews and campaign forms; answers in milliseconds at 10 M subscribers. */
@Injectable()
export class AudienceRepository {
  constructor(
    private readonly db: DataSource,
    private readonly directory: ProvinceDirectory,
  ) {}

  async count(query: AudienceQuery): Promise<AudienceCount> {
    const carriers = query.carriers && query.carriers.length > 0 ? query.carriers : [...CARRIERS];
    const unknown = carriers.filter((carrier) => !isCarrier(carrier));
    if (unknown.length > 0) throw invalid(`unknown carriers: ${unknown.join(', ')} (viettel, vnpt, mobifone, others)`, { carriers: unknown });
    const provinces = query.provinces ?? null;
    provinces?.forEach((code) => this.directory.get(code));
    const cells = await queryRows<{ provinceCode: string; carrier: Carrier; count: number }>(this.db, COUNT_AUDIENCE, [provinces, carriers]);
    return this.shape(provinces ?? this.directory.all().map((p) => p.code), cells);
  }

  /** Every asked province appears, zeros included, so a form can show empty cells. */
  private shape(codes: string[], cells: { provinceCode: string; carrier: Carrier; count: number }[]): AudienceCount {
    const provinces = [...new Set(codes)].sort().map((code) => ({ code, name: this.directory.get(code).shortName, total: 0, carriers: zeros() }));
    const byCode = new Map(provinces.map((p) => [p.code, p]));
    const result: AudienceCount = { total: 0, carriers: zeros(), provinces };
    for (const cell of cells) {
      const province = byCode.get(cell.provinceCode);
      if (!province) continue;
      province.carriers[cell.carrier] += cell.count;
      province.total += cell.count;
      result.carriers[cell.carrier] += cell.count;
      result.total += cell.count;
    }
    return result;
  }
}

function zeros(): CarrierTotals {
  return { viettel: 0, vnpt: 0, mobifone: 0, others: 0 };
}

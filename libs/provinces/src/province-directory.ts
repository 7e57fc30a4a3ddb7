import { Injectable } from '@nestjs/common';
import { invalid } from '@loa/common';
import type { LegacyProvince, Province, ProvinceResolution } from './province';
import { parseCurrentCode, parseLegacyCode, provinceKey } from './province-key';
import { loadProvincesConfig, type ProvincesConfig } from './provinces-config';

interface KeyTarget {
  code: string;
  legacy?: LegacyProvince;
}

/**
 * The 34 current units and the 63 legacy ones, from config/provinces.json. Hotlines and websites here are
 * only the seed values: the database (ProvincesRepository) holds the ones admins edited.
 * Input accepted by `resolve`: a current code ("92", "1" = "01"), a current name, short name, alias or
 * slug, a legacy name (mapped, and said so in `mappedFrom`), or a legacy code marked "legacy:93" / "cũ:93".
 */
@Injectable()
export class ProvinceDirectory {
  private readonly byCode = new Map<string, Province>();
  private readonly legacyByCode = new Map<string, LegacyProvince>();
  private readonly byKey = new Map<string, KeyTarget>();

  constructor(config: ProvincesConfig = loadProvincesConfig()) {
    for (const entry of config.provinces) {
      const { aliases, ...rest } = entry;
      this.byCode.set(entry.code, {
        ...rest,
        website: entry.website ?? null,
        zalo: entry.zalo ?? null,
        fanpage: entry.fanpage ?? null,
        vneid: entry.vneid ?? null,
        policeHotlines: [...entry.policeHotlines],
      });
      for (const name of [entry.name, entry.shortName, entry.slug, ...aliases]) this.addKey(name, { code: entry.code });
    }
    for (const entry of config.legacyProvinces) {
      const legacy = { code: entry.code, name: entry.name, shortName: entry.shortName, mergedInto: entry.mergedInto };
      this.legacyByCode.set(entry.code, legacy);
      for (const name of [entry.name, entry.shortName, entry.slug, ...entry.aliases]) this.addKey(name, { code: entry.mergedInto, legacy });
    }
  }

  all(): Province[] {
    return [...this.byCode.values()];
  }

  legacy(): LegacyProvince[] {
    return [...this.legacyByCode.values()];
  }

  get(code: string): Province {
    const province = this.byCode.get(code);
    if (!province) throw invalid(`unknown province code "${code}"`, { province: code });
    return province;
  }

  /** Resolves what a person typed; an unknown input is an `invalid()` naming it. */
  resolve(input: string): ProvinceResolution {
    const found = this.tryResolve(input);
    if (!found) throw invalid(`unknown province "${input}" (use a current code, a name, or a legacy code as "legacy:NN")`, { province: input });
    return found;
  }

  /** Like `resolve`, but null instead of an error (the import's per-row path). */
  tryResolve(input: string): ProvinceResolution | null {
    const code = parseCurrentCode(input);
    if (code) return this.byCode.has(code) ? { province: this.byCode.get(code)! } : null;
    const legacyCode = parseLegacyCode(input);
    if (legacyCode) {
      const legacy = this.legacyByCode.get(legacyCode);
      return legacy ? this.mapped(legacy) : null;
    }
    const target = this.byKey.get(provinceKey(input));
    if (!target) return null;
    return target.legacy ? this.mapped(target.legacy) : { province: this.byCode.get(target.code)! };
  }

  private mapped(legacy: LegacyProvince): ProvinceResolution {
    return { province: this.byCode.get(legacy.mergedInto)!, mappedFrom: { code: legacy.code, name: legacy.shortName } };
  }

  /** Current names win over legacy ones; two different units on one key is a data error worth failing on. */
  private addKey(name: string, target: KeyTarget): void {
    const key = provinceKey(name);
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, target);
      return;
    }
    if (existing.code !== target.code) {
      throw new Error(`config/provinces.json: "${name}" collides with another unit (${existing.code} vs ${target.code})`);
    }
  }
}

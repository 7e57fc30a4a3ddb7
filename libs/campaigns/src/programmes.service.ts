import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertProvincesInScope, AuditLogRepository, type AuthUser, canRead } from '@loa/auth';
import { notFound } from '@loa/common';
import { ProvinceDirectory } from '@loa/provinces';
import { type NewProgramme, type Programme } from './programme';
import { ProgrammesRepository } from './programmes.repository';

/** Programmes of campaigns: visible to a user whose scope meets their provinces; created only for provinces all in scope. */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly db: DataSource,
    private readonly programmes: ProgrammesRepository,
    private readonly audit: AuditLogRepository,
    private readonly directory: ProvinceDirectory,
  ) {}

  async get(id: number, user: AuthUser): Promise<Programme> {
    const programme = await this.programmes.findById(id);
    if (!programme || !canRead(user, programme.provinces)) throw notFound(`programme ${id} does not exist`);
    return programme;
  }

  list(user: AuthUser, limit = 50, offset = 0): Promise<Programme[]> {
    return this.programmes.list(user.provinceScope, limit, offset);
  }

  async create(input: NewProgramme, user: AuthUser): Promise<Programme> {
    const provinces = [...new Set(input.provinces.map((name) => this.directory.resolve(name).province.code))];
    assertProvincesInScope(user, provinces);
    // A one-province programme's report is dated from that province unless told otherwise.
    const place = input.place ?? (provinces.length === 1 ? this.directory.get(provinces[0]).shortName : null);
    const normalised = { ...input, ...nfcFields({ ...input, place }), provinces };
    return this.db.transaction(async (manager) => {
      const programme = await this.programmes.insert(normalised, user.id, manager);
      await this.audit.append(
        user,
        { action: 'programme.create', objectType: 'programme', objectId: programme.id, provinces, details: { provinces } },
        manager,
      );
      return programme;
    });
  }
}

/** Officials' text is kept in NFC (pasted from Word it is often NFD). */
function nfcFields(input: NewProgramme): Partial<NewProgramme> {
  const nfc = (value: string | null) => (value === null ? null : value.normalize('NFC'));
  return {
    name: input.name.normalize('NFC'),
    planReference: nfc(input.planReference),
    reportNumber: nfc(input.reportNumber),
    place: nfc(input.place),
    signerName: nfc(input.signerName),
    signerTitle: nfc(input.signerTitle),
    recipients: input.recipients.map((recipient) => recipient.normalize('NFC')),
    governingBody: nfc(input.governingBody),
    issuingUnit: input.issuingUnit.normalize('NFC'),
    legalBasis: nfc(input.legalBasis),
    contactOfficer: nfc(input.contactOfficer),
    contactPhone: nfc(input.contactPhone),
  };
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { type NewProgramme, type Programme } from './programme';

const COLUMNS = `id, name, plan_reference, report_number, place, signer_name, signer_title, recipients, governing_body, issuing_unit,
  legal_basis, contact_officer, contact_phone, report_deadline, provinces, created_by, created_at`;

@Injectable()
export class ProgrammesRepository {
  constructor(private readonly db: DataSource) {}

  async findById(id: number): Promise<Programme | null> {
    const rows = await queryRows<ProgrammeRow>(this.db, `SELECT ${COLUMNS} FROM programmes WHERE id = $1`, [id]);
    return rows.length ? toProgramme(rows[0]) : null;
  }

  /** Programmes touching at least one of `provinces` (null = all), newest first. */
  async list(provinces: string[] | null, limit: number, offset: number): Promise<Programme[]> {
    const rows = await queryRows<ProgrammeRow>(
      this.db,
      `SELECT ${COLUMNS} FROM programmes WHERE $1::text[] IS NULL OR provinces && $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [provinces, limit, offset],
    );
    return rows.map(toProgramme);
  }

  async insert(programme: NewProgramme, createdBy: number, manager: EntityManager): Promise<Programme> {
    const rows = await queryRows<ProgrammeRow>(
      manager,
      `INSERT INTO programmes (name, plan_reference, report_number, place, signer_name, signer_title, recipients,
         governing_body, issuing_unit, legal_basis, contact_officer, contact_phone, report_deadline, provinces, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${COLUMNS}`,
      [
        programme.name,
        programme.planReference,
        programme.reportNumber,
        programme.place,
        programme.signerName,
        programme.signerTitle,
        programme.recipients,
        programme.governingBody,
        programme.issuingUnit,
        programme.legalBasis,
        programme.contactOfficer,
        programme.contactPhone,
        programme.reportDeadline,
        programme.provinces,
        createdBy,
      ],
    );
    return toProgramme(rows[0]);
  }
}

interface ProgrammeRow {
  id: string;
  name: string;
  plan_reference: string | null;
  report_number: string | null;
  place: string | null;
  signer_name: string | null;
  signer_title: string | null;
  recipients: string[];
  governing_body: string | null;
  issuing_unit: string;
  legal_basis: string | null;
  contact_officer: string | null;
  contact_phone: string | null;
  report_deadline: Date | null;
  provinces: string[];
  created_by: string;
  created_at: Date;
}

function toProgramme(row: ProgrammeRow): Programme {
  return {
    id: Number(row.id),
    name: row.name,
    planReference: row.plan_reference,
    reportNumber: row.report_number,
    place: row.place,
    signerName: row.signer_name,
    signerTitle: row.signer_title,
    recipients: row.recipients,
    governingBody: row.governing_body,
    issuingUnit: row.issuing_unit,
    legalBasis: row.legal_basis,
    contactOfficer: row.contact_officer,
    contactPhone: row.contact_phone,
    reportDeadline: row.report_deadline,
    provinces: row.provinces,
    createdBy: Number(row.created_by),
    createdAt: row.created_at,
  };
}

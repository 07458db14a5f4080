// Queries on `agencies`: the public agencies of a province, found by id, filters, name or bound LINE group.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso, jsonInsert } from '../json.ts';
import type { AgenciesTable, AgencyType } from '../schema.ts';

export interface Agency {
  id: string;
  provinceId: string;
  nameTh: string;
  shortName: string | null;
  type: AgencyType;
  district: string | null;
  parentId: string | null;
  /** The NACC's ITAS code, when known. */
  itasCode: string | null;
  /** The assessed unit it contributes to (a province's line office → the provincial office); null: assessed itself. */
  assessedUnitId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgencyInput {
  id: string;
  provinceId: string;
  nameTh: string;
  shortName?: string | null;
  type: AgencyType;
  district?: string | null;
  parentId?: string | null;
  itasCode?: string | null;
  assessedUnitId?: string | null;
}

export interface AgencyFilter {
  types?: readonly AgencyType[];
  districts?: readonly string[];
}

function toAgency(row: Selectable<AgenciesTable>): Agency {
  return {
    id: row.id,
    provinceId: row.province_id,
    nameTh: row.name_th,
    shortName: row.short_name,
    type: row.type,
    district: row.district,
    parentId: row.parent_id,
    itasCode: row.itas_code,
    assessedUnitId: row.assessed_unit_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// Every column but created_at follows the input on conflict.
const UPSERT = sql`ON CONFLICT (id) DO UPDATE SET province_id = excluded.province_id, name_th = excluded.name_th,
  short_name = excluded.short_name, type = excluded.type, district = excluded.district,
  parent_id = excluded.parent_id, itas_code = excluded.itas_code, assessed_unit_id = excluded.assessed_unit_id,
  updated_at = excluded.updated_at`;

/** Creates or updates many agencies in one batch; parents may come after their children in the list. */
export async function upsertAgencies(db: Db, agencies: readonly AgencyInput[], now: Date): Promise<void> {
  const rows = parentsFirst(agencies).map((a) => ({
    id: a.id,
    province_id: a.provinceId,
    name_th: a.nameTh,
    short_name: a.shortName ?? null,
    type: a.type,
    district: a.district ?? null,
    parent_id: a.parentId ?? null,
    itas_code: a.itasCode ?? null,
    assessed_unit_id: a.assessedUnitId ?? null,
    created_at: iso(now),
    updated_at: iso(now),
  }));
  await db.batch(jsonInsert(db, 'agencies', rows, { onConflict: UPSERT }));
}

// A long list is split over several statements and each statement must satisfy parent_id's foreign key.
function parentsFirst(agencies: readonly AgencyInput[]): AgencyInput[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const ordered: AgencyInput[] = [];
  const placed = new Set<string>();
  const place = (a: AgencyInput, depth: number): void => {
    if (placed.has(a.id) || depth > agencies.length) return;
    for (const ref of [a.parentId, a.assessedUnitId]) {
      const parent = ref ? byId.get(ref) : undefined;
      if (parent) place(parent, depth + 1);
    }
    placed.add(a.id);
    ordered.push(a);
  };
  for (const a of agencies) place(a, 0);
  return ordered;
}

/** Creates or updates one agency. */
export async function upsertAgency(db: Db, agency: AgencyInput, now: Date): Promise<Agency> {
  await upsertAgencies(db, [agency], now);
  const saved = await findAgencyById(db, agency.id);
  if (!saved) throw new Error(`agency ${agency.id} was not saved`);
  return saved;
}

export async function findAgencyById(db: Db, id: string): Promise<Agency | undefined> {
  const row = await db.kysely.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAgency(row);
}

/** The province's agencies, optionally only some types or districts, ordered by type then name. */
export async function listAgencies(db: Db, provinceId: string, filter: AgencyFilter = {}): Promise<Agency[]> {
  let query = db.kysely.selectFrom('agencies').selectAll().where('province_id', '=', provinceId);
  if (filter.types?.length) query = query.where('type', 'in', filter.types);
  if (filter.districts?.length) query = query.where('district', 'in', filter.districts);
  const rows = await query.orderBy('type').orderBy('name_th').execute();
  return rows.map(toAgency);
}

/** Agencies whose Thai or short name contains `text` (for a citizen picking the agency concerned). */
export async function searchAgencies(
  db: Db,
  provinceId: string,
  text: string,
  limit = 10,
): Promise<Agency[]> {
  const pattern = `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.kysely
    .selectFrom('agencies')
    .selectAll()
    .where('province_id', '=', provinceId)
    .where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('name_th')} LIKE ${pattern} ESCAPE '\\'`,
        sql<boolean>`${eb.ref('short_name')} LIKE ${pattern} ESCAPE '\\'`,
      ]),
    )
    .orderBy('name_th')
    .limit(limit)
    .execute();
  return rows.map(toAgency);
}

/** The agency a LINE group serves, while the bot is in that group. */
export async function findAgencyByGroupId(db: Db, groupId: string): Promise<Agency | undefined> {
  const row = await db.kysely
    .selectFrom('line_groups')
    .innerJoin('agencies', 'agencies.id', 'line_groups.agency_id')
    .selectAll('agencies')
    .where('line_groups.group_id', '=', groupId)
    .where('line_groups.left_at', 'is', null)
    .executeTakeFirst();
  return row && toAgency(row);
}

/** Every agency on record, of every province (a national results file is matched against them all). */
export async function listAllAgencies(db: Db): Promise<Agency[]> {
  const rows = await db.kysely
    .selectFrom('agencies')
    .selectAll()
    .orderBy('province_id')
    .orderBy('name_th')
    .execute();
  return rows.map(toAgency);
}

// Queries on `provinces`: the provinces a deployment serves.

import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { ProvincesTable } from '../schema.ts';

export interface Province {
  id: string;
  nameTh: string;
  nameEn: string | null;
  createdAt: string;
}

export interface ProvinceInput {
  id: string;
  nameTh: string;
  nameEn?: string | null;
}

function toProvince(row: Selectable<ProvincesTable>): Province {
  return { id: row.id, nameTh: row.name_th, nameEn: row.name_en, createdAt: row.created_at };
}

/** Creates the province or renames it. */
export async function upsertProvince(db: Db, province: ProvinceInput, now: Date): Promise<Province> {
  const row = await db.kysely
    .insertInto('provinces')
    .values({
      id: province.id,
      name_th: province.nameTh,
      name_en: province.nameEn ?? null,
      created_at: iso(now),
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({ name_th: eb.ref('excluded.name_th'), name_en: eb.ref('excluded.name_en') })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProvince(row);
}

export async function findProvinceById(db: Db, id: string): Promise<Province | undefined> {
  const row = await db.kysely.selectFrom('provinces').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toProvince(row);
}

/** True once any province exists: the Node entry loads the demo on a first start only. */
export async function hasAnyProvince(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('provinces').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function listProvinces(db: Db): Promise<Province[]> {
  const rows = await db.kysely.selectFrom('provinces').selectAll().orderBy('name_th').execute();
  return rows.map(toProvince);
}

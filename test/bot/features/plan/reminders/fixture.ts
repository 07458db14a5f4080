// A small province for reminder tests: an office, three agencies (one without a LINE group), a coordinator, staff,
// four activities of FY2567 and an IIT link — so every expected send can be counted by hand.

import { HOME_PROVINCE_SETTING } from '../../../../../bot/line/chat/who.ts';
import { frameworkFor } from '../../../../../core/index.ts';
import type { Db } from '../../../../../db/db.ts';
import { upsertAgencies } from '../../../../../db/queries/agencies.ts';
import { setSetting } from '../../../../../db/queries/app-settings.ts';
import { createBindCode } from '../../../../../db/queries/bind-codes.ts';
import { upsertFiscalYear } from '../../../../../db/queries/fiscal-years.ts';
import { bindGroupWithCode } from '../../../../../db/queries/line-groups.ts';
import { upsertLineUser } from '../../../../../db/queries/line-users.ts';
import { type Activity, createActivities } from '../../../../../db/queries/plan-activities.ts';
import { upsertProvince } from '../../../../../db/queries/provinces.ts';
import { upsertSurveyLink } from '../../../../../db/queries/survey-links.ts';
import { reportSurveyCount } from '../../../../../db/queries/survey-reports.ts';
import { grantRole } from '../../../../../db/queries/user-roles.ts';
import { bkk } from '../../../../core/reminders/helpers.ts';
import { type Harness, startHarness } from '../../../../support/harness.ts';

export const PROVINCE = 'test-province';
export const OFFICE = 'test-office';
export const MUNI = 'test-muni';
/** Has no LINE group: its reminders cannot be delivered. */
export const SAO = 'test-sao';
export const LINE_AGENCY = 'test-line';

const hex = (n: number, prefix: string) => `${prefix}${n.toString(16).padStart(32, 'c')}`;
export const COORDINATOR = hex(1, 'U');
export const MUNI_STAFF = hex(2, 'U');
export const G_OFFICE = hex(10, 'C');
export const G_MUNI = hex(11, 'C');
export const G_MUNI_2 = hex(12, 'C');
export const G_LINE = hex(13, 'C');

export interface Fixture {
  h: Harness;
  db: Db;
  /** IIT answers, every agency, due Monday 1 July 2024. */
  iit: Activity;
  /** The secretariat's own report, due Friday 28 June 2024. */
  secretariat: Activity;
  /** An NACC step: never reminded. */
  nacc: Activity;
  /** Named agencies only (the municipality), due Wednesday 10 July 2024. */
  picked: Activity;
}

async function bind(db: Db, groupId: string, agencyId: string, n: number, now: Date): Promise<void> {
  const code = `TEST${n}${n}`;
  await createBindCode(
    db,
    { code, provinceId: PROVINCE, agencyId, kind: 'staff', expiresAt: bkk('2030-01-01') },
    now,
  );
  await bindGroupWithCode(db, { code, groupId, userId: COORDINATOR }, now);
}

async function loadPlaces(db: Db, now: Date): Promise<void> {
  await upsertProvince(db, { id: PROVINCE, nameTh: 'ทดสอบ' }, now);
  await upsertAgencies(
    db,
    [
      { id: OFFICE, provinceId: PROVINCE, nameTh: 'สำนักงานจังหวัดทดสอบ', type: 'provincial_office' },
      {
        id: MUNI,
        provinceId: PROVINCE,
        nameTh: 'เทศบาลเมืองทดสอบ',
        shortName: 'ทม.ทดสอบ',
        type: 'municipality',
      },
      { id: SAO, provinceId: PROVINCE, nameTh: 'องค์การบริหารส่วนตำบลห่างไกล', type: 'sao' },
      { id: LINE_AGENCY, provinceId: PROVINCE, nameTh: 'สำนักงานเกษตรจังหวัดทดสอบ', type: 'line_agency' },
    ],
    now,
  );
  await upsertFiscalYear(
    db,
    { provinceId: PROVINCE, year: 2567, frameworkId: frameworkFor(2567)?.id ?? '' },
    now,
  );
  await setSetting(db, HOME_PROVINCE_SETTING, PROVINCE, 'test', now);
}

async function loadPeople(db: Db, now: Date): Promise<void> {
  await grantRole(
    db,
    { userId: COORDINATOR, role: 'coordinator', provinceId: PROVINCE, grantedBy: null },
    now,
  );
  await grantRole(
    db,
    { userId: MUNI_STAFF, role: 'staff', provinceId: PROVINCE, agencyId: MUNI, grantedBy: null },
    now,
  );
  await upsertLineUser(db, { userId: COORDINATOR, displayName: 'ผู้ประสานงาน' }, now);
  await bind(db, G_OFFICE, OFFICE, 1, now);
  await bind(db, G_MUNI, MUNI, 2, now);
  await bind(db, G_MUNI_2, MUNI, 3, now);
  await bind(db, G_LINE, LINE_AGENCY, 4, now);
}

export async function startFixture(): Promise<Fixture> {
  const now = bkk('2024-06-01 09:00');
  const h = await startHarness({ now: () => now });
  const db = h.deps.db;
  await loadPlaces(db, now);
  await loadPeople(db, now);
  const base = { provinceId: PROVINCE, year: 2567 };
  const [iit, secretariat, nacc, picked] = await createActivities(
    db,
    [
      {
        ...base,
        key: 'iit',
        seq: 1,
        titleTh: 'ตอบแบบวัด IIT',
        kind: 'survey_iit',
        startsOn: '2024-01-01',
        dueOn: '2024-07-01',
        responsible: 'all',
      },
      {
        ...base,
        key: 'sec',
        seq: 2,
        titleTh: 'สรุปผลให้จังหวัด',
        startsOn: '2024-06-01',
        dueOn: '2024-06-28',
        responsible: 'coordinator',
      },
      {
        ...base,
        key: 'nacc',
        seq: 3,
        titleTh: 'ป.ป.ช. ตรวจ OIT',
        startsOn: '2024-05-01',
        dueOn: '2024-06-30',
        responsible: 'nacc',
      },
      {
        ...base,
        key: 'pick',
        seq: 4,
        titleTh: 'ส่งหลักฐานเพิ่มเติม',
        startsOn: '2024-06-01',
        dueOn: '2024-07-10',
        responsible: 'agencies',
        agencyIds: [MUNI],
      },
    ],
    now,
  );
  if (!iit || !secretariat || !nacc || !picked) throw new Error('fixture activities were not made');
  const link = { agencyId: MUNI, year: 2567, instrument: 'IIT' as const, updatedBy: COORDINATOR };
  await upsertSurveyLink(
    db,
    {
      ...link,
      code: 'TESTIIT1',
      url: 'https://itas.nacc.go.th/go/iit/test',
      target: 120,
      targetSource: 'manual',
    },
    now,
  );
  await reportSurveyCount(
    db,
    { agencyId: MUNI, year: 2567, instrument: 'IIT', count: 45, by: MUNI_STAFF },
    now,
  );
  return { h, db, iit, secretariat, nacc, picked };
}

/** Rows of the reminder log as 'kind subject target slot', sorted. */
export async function ledger(db: Db): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('reminder_log')
    .select(['kind', 'subject_id', 'target_id', 'slot'])
    .execute();
  return rows.map((r) => `${r.kind} ${r.subject_id} ${r.target_id} ${r.slot}`).sort();
}

/** Outbox rows as 'recipient source_kind', sorted, and how many there are. */
export async function outbox(db: Db): Promise<string[]> {
  const rows = await db.kysely.selectFrom('outbox').select(['recipient', 'source_kind']).execute();
  return rows.map((r) => `${r.recipient} ${r.source_kind ?? ''}`).sort();
}

// Small factories for db tests: a province with a few agencies and an open fiscal year, fixed clock values,
// a complaint, a photo and an outbox push.

import { frameworkFor } from '../../core/index.ts';
import type { Db } from '../../db/db.ts';
import type { AgencyInput } from '../../db/queries/agencies.ts';
import { upsertAgencies } from '../../db/queries/agencies.ts';
import type { NewComplaint } from '../../db/queries/complaints.ts';
import { upsertFiscalYear } from '../../db/queries/fiscal-years.ts';
import type { OutboxMessage } from '../../db/queries/outbox.ts';
import { upsertProvince } from '../../db/queries/provinces.ts';

export const NOW = new Date('2026-11-23T09:00:00.000Z');
export const PROVINCE = 'pathum-thani';
export const YEAR = 2567;

/** `NOW` plus whole minutes. */
export function minutesLater(minutes: number, from: Date = NOW): Date {
  return new Date(from.getTime() + minutes * 60_000);
}

export const AGENCIES: AgencyInput[] = [
  { id: 'pt-office', provinceId: PROVINCE, nameTh: 'สำนักงานจังหวัดปทุมธานี', type: 'provincial_office' },
  {
    id: 'pt-pao',
    provinceId: PROVINCE,
    nameTh: 'องค์การบริหารส่วนจังหวัดปทุมธานี',
    shortName: 'อบจ.ปทุมธานี',
    type: 'pao',
  },
  {
    id: 'pt-klong-luang',
    provinceId: PROVINCE,
    nameTh: 'ที่ว่าการอำเภอคลองหลวง',
    type: 'district',
    district: 'คลองหลวง',
    parentId: 'pt-office',
  },
  {
    id: 'pt-khlong-nueng',
    provinceId: PROVINCE,
    nameTh: 'องค์การบริหารส่วนตำบลคลองหนึ่ง',
    type: 'sao',
    district: 'คลองหลวง',
  },
  {
    id: 'pt-thanyaburi',
    provinceId: PROVINCE,
    nameTh: 'เทศบาลเมืองธัญบุรี',
    type: 'municipality',
    district: 'ธัญบุรี',
  },
];

/** Pathum Thani with the agencies above and FY2567 open. */
export async function seedProvince(db: Db): Promise<void> {
  await upsertProvince(db, { id: PROVINCE, nameTh: 'ปทุมธานี', nameEn: 'Pathum Thani' }, NOW);
  await upsertAgencies(db, AGENCIES, NOW);
  await upsertFiscalYear(
    db,
    { provinceId: PROVINCE, year: YEAR, frameworkId: frameworkFor(YEAR)?.id ?? '' },
    NOW,
  );
}

/** A fresh database of the dialect with the province seeded. */
export async function seeded(open: () => Promise<Db>): Promise<Db> {
  const db = await open();
  await seedProvince(db);
  return db;
}

/** A named corruption complaint as the intake would file it (ciphers are the caller's opaque text). */
export const NAMED_COMPLAINT: NewComplaint = {
  trackingCode: 'K7QM-2XPA-9DRT',
  intakeKey: 'draft-1',
  provinceId: PROVINCE,
  agencyId: 'pt-pao',
  type: 'corruption',
  channel: 'chat',
  description: 'เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต',
  place: 'ศาลากลาง',
  lat: 14.02,
  lng: 100.52,
  identityMode: 'named',
  identityCipher: 'base64-iv-and-ciphertext',
  notifyCipher: 'base64-line-id-ciphertext',
  reporterHash: 'hmac-of-user',
};

/** The first bytes of a JPEG: what a photo attachment looks like to the database. */
export const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 250]);

/** How long an outbox claim holds its rows. */
export const LEASE = 30_000;
/** The messages of an outbox row: one reminder text. */
export const TEXT = [{ type: 'text', text: 'เตือน: ส่ง OIT ภายใน 31 มี.ค. 2567' }];
type PushExtra = Partial<Omit<Extract<OutboxMessage, { kind: 'push' }>, 'kind' | 'to'>>;
/** A push of TEXT to one chat. */
export const push = (to: string, extra: PushExtra = {}): OutboxMessage => ({
  kind: 'push',
  to,
  messages: TEXT,
  ...extra,
});

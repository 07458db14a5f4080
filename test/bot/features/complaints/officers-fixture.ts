// A small province for the officers' side of complaints: two agencies with officers, a province-wide officer,
// staff, a coordinator and a citizen, the two officers' groups, and complaints filed as part A files them.

import type { Deps } from '../../../../bot/deps.ts';
import { HOME_PROVINCE_SETTING } from '../../../../bot/line/chat/who.ts';
import { TRACKING_ALPHABET } from '../../../../core/complaints/tracking-code.ts';
import { upsertAgencies } from '../../../../db/queries/agencies.ts';
import { setSetting } from '../../../../db/queries/app-settings.ts';
import { createBindCode } from '../../../../db/queries/bind-codes.ts';
import { addAttachment } from '../../../../db/queries/complaint-attachments.ts';
import { type Complaint, createComplaint } from '../../../../db/queries/complaints.ts';
import { bindGroupWithCode } from '../../../../db/queries/line-groups.ts';
import { upsertLineUser } from '../../../../db/queries/line-users.ts';
import { upsertProvince } from '../../../../db/queries/provinces.ts';
import { upsertSurveyLink } from '../../../../db/queries/survey-links.ts';
import { grantRole } from '../../../../db/queries/user-roles.ts';
import type { IdentityMode, Role } from '../../../../db/schema.ts';
import { bkk } from '../../../core/reminders/helpers.ts';
import { type Harness, LOGIN_CHANNEL_ID, startHarness } from '../../../support/harness.ts';

export const PROVINCE = 'cp-province';
export const AGENCY_A = 'cp-muni';
export const AGENCY_B = 'cp-sao';

const hex = (n: number, prefix: string) => `${prefix}${n.toString(16).padStart(32, 'd')}`;
export const OFFICER_A = hex(1, 'U');
export const OFFICER_B = hex(2, 'U');
export const OFFICER_PROVINCE = hex(3, 'U');
export const STAFF_A = hex(4, 'U');
export const COORDINATOR = hex(5, 'U');
export const CITIZEN = hex(6, 'U');
export const REPORTER = hex(7, 'U');
export const G_OFFICERS_A = hex(10, 'C');
export const G_OFFICERS_PROVINCE = hex(11, 'C');

export const PEOPLE = { OFFICER_A, OFFICER_B, OFFICER_PROVINCE, STAFF_A, COORDINATOR, CITIZEN, REPORTER };
export type Person = keyof typeof PEOPLE;
export const tokenOf = (p: Person) => `tok-${p}`;

/** A valid tracking code from a number: 'AAAAA-AAAAA-AAA2B'. */
export function codeOf(n: number): string {
  let chars = '';
  let left = n;
  for (let i = 0; i < 15; i++) {
    chars = (TRACKING_ALPHABET[left % TRACKING_ALPHABET.length] ?? '2') + chars;
    left = Math.floor(left / TRACKING_ALPHABET.length);
  }
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10)}`;
}

export interface Fixture {
  h: Harness;
  clock: { now: Date };
  /** Files a complaint directly, sealing the identity as part A does. */
  file(options?: {
    mode?: IdentityMode;
    agencyId?: string | null;
    at?: Date;
    photo?: boolean;
  }): Promise<Complaint>;
}

let filed = 0;

async function seed(h: Harness, now: Date): Promise<void> {
  const { db } = h.deps;
  await upsertProvince(db, { id: PROVINCE, nameTh: 'ทดสอบเรื่อง' }, now);
  await upsertAgencies(
    db,
    [
      { id: AGENCY_A, provinceId: PROVINCE, nameTh: 'เทศบาลเมืองทดสอบ', type: 'municipality' },
      { id: AGENCY_B, provinceId: PROVINCE, nameTh: 'องค์การบริหารส่วนตำบลทดสอบ', type: 'sao' },
    ],
    now,
  );
  await setSetting(db, HOME_PROVINCE_SETTING, PROVINCE, 'test', now);
  const roles: [string, Role, string | null][] = [
    [OFFICER_A, 'officer', AGENCY_A],
    [OFFICER_B, 'officer', AGENCY_B],
    [OFFICER_PROVINCE, 'officer', null],
    [STAFF_A, 'staff', AGENCY_A],
    [COORDINATOR, 'coordinator', null],
  ];
  for (const [userId, role, agencyId] of roles)
    await grantRole(db, { userId, role, provinceId: PROVINCE, agencyId, grantedBy: null }, now);
  await upsertLineUser(db, { userId: OFFICER_A, displayName: 'สมศรี เจ้าหน้าที่' }, now);
  await upsertLineUser(db, { userId: OFFICER_PROVINCE, displayName: 'วิชัย ศูนย์ดำรงธรรม' }, now);
  const groups: [string, string | null][] = [
    [G_OFFICERS_A, AGENCY_A],
    [G_OFFICERS_PROVINCE, null],
  ];
  for (const [i, [groupId, agencyId]] of groups.entries()) {
    const code = `OFFCR${i}${i}`;
    const expiresAt = new Date(now.getTime() + 86_400_000);
    await createBindCode(db, { code, provinceId: PROVINCE, agencyId, kind: 'officers', expiresAt }, now);
    await bindGroupWithCode(db, { code, groupId, userId: COORDINATOR }, now);
  }
  const eit = { agencyId: AGENCY_A, year: 2567, instrument: 'EIT' as const, updatedBy: COORDINATOR };
  await upsertSurveyLink(db, { ...eit, code: 'EITA2567', url: 'https://itas.nacc.go.th/go/eit/a' }, now);
  for (const p of Object.keys(PEOPLE) as Person[])
    h.fake.registerIdToken(tokenOf(p), { sub: PEOPLE[p], aud: LOGIN_CHANNEL_ID });
}

async function fileWith(deps: Deps, options: Parameters<Fixture['file']>[0] = {}): Promise<Complaint> {
  const crypto = deps.complaintCrypto;
  const mode = options.mode ?? 'named';
  const linked = mode !== 'code_only';
  filed += 1;
  const intakeKey = `intake-${filed}-${Math.random()}`;
  const now = options.at ?? deps.now();
  if (options.photo)
    await addAttachment(
      deps.db,
      { intakeKey, contentType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, filed]) },
      now,
    );
  const { complaint } = await createComplaint(
    deps.db,
    {
      trackingCode: codeOf(filed * 7919),
      intakeKey,
      provinceId: PROVINCE,
      agencyId: options.agencyId === undefined ? AGENCY_A : options.agencyId,
      type: 'service',
      channel: 'chat',
      description: 'ลับ: เจ้าหน้าที่เรียกรับเงินค่าบริการเกินอัตรา',
      identityMode: mode,
      identityCipher:
        mode === 'named'
          ? await crypto.seal(JSON.stringify({ name: 'นางสาวผู้ร้อง ทดสอบ', phone: '0812345678' }))
          : null,
      notifyCipher: linked ? await crypto.seal(REPORTER) : null,
      reporterHash: linked ? await crypto.reporterHash(REPORTER) : null,
    },
    now,
  );
  return complaint;
}

/** The harness at Monday 24 June 2024 09:00 (FY2567), seeded; move `clock.now` to move time. */
export async function startOfficersFixture(): Promise<Fixture> {
  const clock = { now: bkk('2024-06-24 09:00') };
  const h = await startHarness({ now: () => clock.now });
  await seed(h, clock.now);
  return { h, clock, file: (options) => fileWith(h.deps, options) };
}

/** A request to /api as a person of the fixture (null: no token). */
export function callApi(
  h: Harness,
  person: Person | null,
  path: string,
  init?: { method?: string; body?: unknown },
): Promise<Response> {
  return h.callApi(person === null ? null : tokenOf(person), path, init);
}

// Demo LINE people and groups: fixed, valid-looking ids the simulator and the LIFF identity switcher use,
// who holds which role, and one bound group per Pathum Thani agency plus the province's officers' group.
import type { Role } from '../../../db/schema.ts';
import { DEMO_PROVINCE_ID, DEMO_STAFF_AGENCY_IDS, PATHUM_THANI_AGENCIES } from './agencies.ts';
import { hexOf } from './random.ts';

/** A LINE user id: 'U' and 32 lowercase hex digits, as LINE's webhook sends them. */
function userIdOf(key: string): string {
  return `U${hexOf(`line-user:${key}`, 32)}`;
}

/** A LINE group id: 'C' and 32 lowercase hex digits. */
function groupIdOf(key: string): string {
  return `C${hexOf(`line-group:${key}`, 32)}`;
}

/** The ITA secretariat at the provincial office: coordinator of Pathum Thani. */
export const DEMO_COORDINATOR_ID = userIdOf('coordinator');
/** An ITA focal point, staff of DEMO_STAFF_AGENCY_IDS. */
export const DEMO_STAFF_ID = userIdOf('staff');
/** A complaint officer of the province (ศูนย์ดำรงธรรมจังหวัด). */
export const DEMO_OFFICER_ID = userIdOf('officer');
/** A citizen with no role. */
export const DEMO_CITIZEN_ID = userIdOf('citizen');
/** The province's complaint officers' group. */
export const DEMO_OFFICERS_GROUP_ID = groupIdOf(`officers:${DEMO_PROVINCE_ID}`);

/** The demo staff group bound to an agency (the same id for the same agency, on every run). */
export function demoGroupIdOf(agencyId: string): string {
  return groupIdOf(`staff:${agencyId}`);
}

export interface DemoUser {
  userId: string;
  displayName: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { userId: DEMO_COORDINATOR_ID, displayName: 'สุดารัตน์ (ผู้ประสานงาน ITA จังหวัด)' },
  { userId: DEMO_STAFF_ID, displayName: 'ธนพล (ผู้รับผิดชอบ ITA หน่วยงาน)' },
  { userId: DEMO_OFFICER_ID, displayName: 'วรรณา (เจ้าหน้าที่รับเรื่องร้องเรียน)' },
  { userId: DEMO_CITIZEN_ID, displayName: 'ประชาชนทดลองใช้' },
];

export interface DemoRole {
  userId: string;
  role: Role;
  provinceId: string;
  agencyId: string | null;
}

export const DEMO_ROLES: readonly DemoRole[] = [
  { userId: DEMO_COORDINATOR_ID, role: 'coordinator', provinceId: DEMO_PROVINCE_ID, agencyId: null },
  ...DEMO_STAFF_AGENCY_IDS.map(
    (agencyId): DemoRole => ({
      userId: DEMO_STAFF_ID,
      role: 'staff',
      provinceId: DEMO_PROVINCE_ID,
      agencyId,
    }),
  ),
  { userId: DEMO_OFFICER_ID, role: 'officer', provinceId: DEMO_PROVINCE_ID, agencyId: null },
];

export interface DemoGroup {
  groupId: string;
  provinceId: string;
  /** NULL for the province's officers' group. */
  agencyId: string | null;
  kind: 'staff' | 'officers';
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  ...PATHUM_THANI_AGENCIES.map(
    (agency): DemoGroup => ({
      groupId: demoGroupIdOf(agency.id),
      provinceId: DEMO_PROVINCE_ID,
      agencyId: agency.id,
      kind: 'staff',
    }),
  ),
  { groupId: DEMO_OFFICERS_GROUP_ID, provinceId: DEMO_PROVINCE_ID, agencyId: null, kind: 'officers' },
];

/** Who marked an agency's tasks and reported its counts in the demo: the demo staff member where they work. */
export function demoActorOf(agencyId: string): string | null {
  return DEMO_STAFF_AGENCY_IDS.includes(agencyId) ? DEMO_STAFF_ID : null;
}

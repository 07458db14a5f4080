// Who the simulator's visitor can be and where they can talk: the demo people, the province's bound LINE groups,
// and one group the bot has not been bound in yet (to try a bind code).

import type { Db } from '../../../db/db.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { listBoundGroups } from '../../../db/queries/line-groups.ts';
import { homeProvinceId } from '../../line/chat/who.ts';
import { DEMO_STAFF_AGENCY_IDS } from '../../tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_OFFICERS_GROUP_ID,
  DEMO_STAFF_ID,
  DEMO_USERS,
  demoGroupIdOf,
} from '../../tools/demo/line.ts';
import { hexOf } from '../../tools/demo/random.ts';

/** A group the bot is in but not bound to an agency: where a newcomer tries "ผูกกลุ่ม <รหัส>". */
export const SIMULATOR_NEW_GROUP_ID = `C${hexOf('line-group:simulator-new', 32)}`;

export interface Person {
  userId: string;
  /** What the picker shows: the role, then the demo name. */
  role: string;
  name: string;
  /** The chat opened when the person is picked: 1:1 (their own id) or their group. */
  defaultChat: string;
}

export interface GroupChat {
  id: string;
  name: string;
  /** One of the demo staff member's own agencies' groups. */
  mine: boolean;
}

export interface Directory {
  accountName: string;
  people: Person[];
  groups: GroupChat[];
}

const ROLES: readonly { userId: string; role: string; defaultChat: string }[] = [
  { userId: DEMO_COORDINATOR_ID, role: 'ผู้ประสานงานจังหวัด', defaultChat: DEMO_COORDINATOR_ID },
  {
    userId: DEMO_STAFF_ID,
    role: 'เจ้าหน้าที่หน่วยงาน',
    defaultChat: demoGroupIdOf(DEMO_STAFF_AGENCY_IDS[0] ?? ''),
  },
  { userId: DEMO_OFFICER_ID, role: 'เจ้าหน้าที่รับเรื่องร้องเรียน', defaultChat: DEMO_OFFICERS_GROUP_ID },
  { userId: DEMO_CITIZEN_ID, role: 'ประชาชน', defaultChat: DEMO_CITIZEN_ID },
];

export const SIMULATOR_USER_IDS: readonly string[] = ROLES.map((r) => r.userId);

export async function loadDirectory(db: Db, accountName: string): Promise<Directory> {
  const people = ROLES.map((r) => ({
    ...r,
    name: DEMO_USERS.find((u) => u.userId === r.userId)?.displayName.split(' ')[0] ?? '',
  }));
  const provinceId = await homeProvinceId(db);
  const bound = provinceId === undefined ? [] : await listBoundGroups(db, provinceId);
  const agencies = new Map(
    (provinceId === undefined ? [] : await listAgencies(db, provinceId)).map((a) => [a.id, a]),
  );
  const named = bound.map((g) => {
    const agency = g.agencyId === null ? undefined : agencies.get(g.agencyId);
    const name =
      g.kind === 'officers'
        ? 'กลุ่มเจ้าหน้าที่รับเรื่องร้องเรียน'
        : `กลุ่ม ${agency?.shortName ?? agency?.nameTh ?? g.agencyId ?? 'หน่วยงาน'}`;
    const rank = g.agencyId === null ? -1 : DEMO_STAFF_AGENCY_IDS.indexOf(g.agencyId);
    return { id: g.groupId, name, mine: rank >= 0, rank: rank >= 0 ? rank : DEMO_STAFF_AGENCY_IDS.length };
  });
  // The demo staff member's own groups first, in the demo's order: where reminders and staff commands make sense.
  named.sort((a, b) => a.rank - b.rank);
  const groups = named.map(({ id, name, mine }) => ({ id, name, mine }));
  if (!groups.some((g) => g.id === SIMULATOR_NEW_GROUP_ID)) {
    groups.push({ id: SIMULATOR_NEW_GROUP_ID, name: 'กลุ่มใหม่ (ยังไม่ผูกกับหน่วยงาน)', mine: false });
  }
  return { accountName, people, groups };
}

// Who wrote: a LINE user's roles, resolved once per event from user_roles.

import type { Db } from '../../../db/db.ts';
import { getSetting } from '../../../db/queries/app-settings.ts';
import { findProvinceById, listProvinces } from '../../../db/queries/provinces.ts';
import { listRoles } from '../../../db/queries/user-roles.ts';
import type { Who } from './context.ts';

export async function resolveWho(db: Db, userId: string | undefined): Promise<Who> {
  const roles = userId === undefined ? [] : await listRoles(db, userId);
  const provinceId = roles[0]?.provinceId ?? (await homeProvinceId(db));
  return {
    userId,
    roles,
    provinceId,
    isCoordinator: roles.some((r) => r.role === 'coordinator'),
    isOfficer: roles.some((r) => r.role === 'officer'),
    staffAgencyIds: roles.flatMap((r) => (r.role === 'staff' && r.agencyId !== null ? [r.agencyId] : [])),
  };
}

/** The app setting that names the province this deployment serves (set at setup and by the demo). */
export const HOME_PROVINCE_SETTING = 'province.home';

/** The province this deployment serves: the setting, else the only (or first) province on record. */
export async function homeProvinceId(db: Db): Promise<string | undefined> {
  const setting = await getSetting(db, HOME_PROVINCE_SETTING);
  if (typeof setting === 'string') return setting;
  return (await listProvinces(db))[0]?.id;
}

/** The name users see for the account: "ITA จังหวัด<home province>" (read once at start on both runtimes). */
export async function accountNameOf(db: Db): Promise<string> {
  const provinceId = await homeProvinceId(db);
  const province = provinceId === undefined ? undefined : await findProvinceById(db, provinceId);
  return province === undefined ? 'ITA จังหวัด' : `ITA จังหวัด${province.nameTh}`;
}

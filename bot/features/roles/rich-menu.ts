// Which rich menu a person sees: one per role (citizen, agency staff, coordinator, complaint officer), linked per
// user by `ita richmenu` and switched here whenever a role is granted or revoked. The menus themselves are drawn
// and put live by bot/tools/richmenu; their ids are kept in app_settings under RICH_MENU_SETTING.
import { z } from 'zod';
import type { Db } from '../../../db/db.ts';
import { getSetting } from '../../../db/queries/app-settings.ts';
import { listRoles } from '../../../db/queries/user-roles.ts';
import type { Role } from '../../../db/schema.ts';
import type { Logger } from '../../deps.ts';
import type { LineClient } from '../../line/client.ts';

/** The four menus; 'citizen' is everyone's default (nobody is linked to it). */
export const MENU_KEYS = ['citizen', 'staff', 'coordinator', 'officer'] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

/** app_settings key holding the live menus' ids: {"citizen": "richmenu-…", "staff": "richmenu-…", …}. */
export const RICH_MENU_SETTING = 'richmenu.ids';

export const StoredMenuIds = z.object({
  citizen: z.string().optional(),
  staff: z.string().optional(),
  coordinator: z.string().optional(),
  officer: z.string().optional(),
});

/** A person with several roles gets the menu of the widest one: coordinator, then staff, then officer. */
export function menuKeyOf(roles: readonly Role[]): MenuKey {
  if (roles.includes('coordinator')) return 'coordinator';
  if (roles.includes('staff')) return 'staff';
  if (roles.includes('officer')) return 'officer';
  return 'citizen';
}

/**
 * Links the menu that fits the person's roles now (or unlinks, back to the citizens' default). False when no
 * menus are live yet (`ita richmenu` has not run) — nothing to switch.
 */
export async function syncUserMenu(db: Db, line: LineClient, userId: string): Promise<boolean> {
  const stored = StoredMenuIds.safeParse(await getSetting(db, RICH_MENU_SETTING));
  if (!stored.success || stored.data.citizen === undefined) return false;
  const key = menuKeyOf((await listRoles(db, userId)).map((r) => r.role));
  const menuId = key === 'citizen' ? undefined : stored.data[key];
  const user = encodeURIComponent(userId);
  if (menuId === undefined) await line.call('DELETE', `/v2/bot/user/${user}/richmenu`);
  else await line.call('POST', `/v2/bot/user/${user}/richmenu/${encodeURIComponent(menuId)}`);
  return true;
}

/** After a role change: the menu follows; a LINE failure is logged, never undoes the change already saved. */
export async function followRoleChange(
  deps: { db: Db; line: LineClient; log: Logger },
  userId: string,
): Promise<void> {
  try {
    await syncUserMenu(deps.db, deps.line, userId);
  } catch (error) {
    deps.log.warn('rich menu not switched after a role change', { userId, error: String(error) });
  }
}

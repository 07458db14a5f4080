// Putting the rich menus live through LINE's API: create both, upload their pictures, make the citizens' menu
// everyone's default, link the staff menu to staff and coordinators, then delete the menus they replace.
// Run again at will: each run makes fresh menus and removes the ones before (ids kept in app_settings).
import { z } from 'zod';
import type { Db } from '../../../db/db.ts';
import { getSetting, setSetting } from '../../../db/queries/app-settings.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import type { LineClient } from '../../line/client.ts';
import { LineApiError } from '../../line/errors.ts';
import { checkMenu, richMenuRequest } from './layout.ts';
import type { MenuDesign, MenuKey } from './menus.ts';
import type { RenderMenuImages } from './render.ts';
import type { UploadMenuImage } from './upload.ts';

/** app_settings key holding the live menus' ids: {"citizen": "richmenu-…", "staff": "richmenu-…"}. */
export const RICH_MENU_SETTING = 'richmenu.ids';
/** LINE links at most 500 users per bulk call (messaging-api.yml RichMenuBulkLinkRequest). */
const BULK_LINK_MAX = 500;

export interface RichMenuDeps {
  db: Db;
  line: LineClient;
  uploadImage: UploadMenuImage;
  render: RenderMenuImages;
  now: () => Date;
}

export interface ApplyReport {
  ids: Record<MenuKey, string>;
  linkedUsers: number;
  deleted: string[];
}

const StoredIds = z.object({ citizen: z.string().optional(), staff: z.string().optional() });

/** Everyone who holds a coordinator or staff role anywhere: they get the staff menu. */
async function staffUserIds(db: Db): Promise<string[]> {
  const grants = await Promise.all([
    listRoleHolders(db, { role: 'coordinator' }),
    listRoleHolders(db, { role: 'staff' }),
  ]);
  return [...new Set(grants.flat().map((g) => g.userId))].sort();
}

/** Creates one menu with its picture; a menu whose upload fails is deleted again, not left half-made. */
async function createMenu(deps: RichMenuDeps, design: MenuDesign, png: Uint8Array): Promise<string> {
  const { richMenuId } = await deps.line.call<{ richMenuId: string }>(
    'POST',
    '/v2/bot/richmenu',
    richMenuRequest(design),
  );
  try {
    await deps.uploadImage(richMenuId, png);
  } catch (error) {
    await deleteMenu(deps.line, richMenuId);
    throw error;
  }
  return richMenuId;
}

/** Deletes a menu; one already gone (404) is fine. */
async function deleteMenu(line: LineClient, richMenuId: string): Promise<boolean> {
  try {
    await line.call('DELETE', `/v2/bot/richmenu/${encodeURIComponent(richMenuId)}`);
    return true;
  } catch (error) {
    if (error instanceof LineApiError && error.status === 404) return false;
    throw error;
  }
}

/** The menus this tool made before: the recorded ids, and any left on LINE under our names by a crashed run. */
async function earlierMenus(deps: RichMenuDeps, designs: readonly MenuDesign[]): Promise<string[]> {
  const stored = StoredIds.safeParse(await getSetting(deps.db, RICH_MENU_SETTING));
  const recorded = stored.success ? [stored.data.citizen, stored.data.staff] : [];
  const list = await deps.line.call<{ richmenus?: { richMenuId: string; name?: string }[] }>(
    'GET',
    '/v2/bot/richmenu/list',
  );
  const names = new Set(designs.map((d) => d.name));
  const ours = (list.richmenus ?? [])
    .filter((m) => m.name !== undefined && names.has(m.name))
    .map((m) => m.richMenuId);
  return [...new Set([...recorded, ...ours])].filter((id): id is string => id !== undefined);
}

export async function applyRichMenus(
  deps: RichMenuDeps,
  designs: { citizen: MenuDesign; staff: MenuDesign },
): Promise<ApplyReport> {
  const all = [designs.citizen, designs.staff];
  const problems = all.flatMap(checkMenu);
  if (problems.length > 0) throw new Error(`rich menu breaks LINE's limits: ${problems.join('; ')}`);
  const earlier = await earlierMenus(deps, all);
  const [citizenPng, staffPng] = await deps.render(all);
  if (citizenPng === undefined || staffPng === undefined)
    throw new Error('the renderer gave fewer images than menus');
  const citizen = await createMenu(deps, designs.citizen, citizenPng);
  const staff = await createMenu(deps, designs.staff, staffPng);
  await deps.line.call('POST', `/v2/bot/user/all/richmenu/${encodeURIComponent(citizen)}`);
  const users = await staffUserIds(deps.db);
  for (let i = 0; i < users.length; i += BULK_LINK_MAX)
    await deps.line.call('POST', '/v2/bot/richmenu/bulk/link', {
      richMenuId: staff,
      userIds: users.slice(i, i + BULK_LINK_MAX),
    });
  await setSetting(deps.db, RICH_MENU_SETTING, { citizen, staff }, 'cli', deps.now());
  const deleted: string[] = [];
  for (const id of earlier)
    if (id !== citizen && id !== staff && (await deleteMenu(deps.line, id))) deleted.push(id);
  return { ids: { citizen, staff }, linkedUsers: users.length, deleted };
}

/**
 * Keeps one person's menu in step with their roles after `ita richmenu` has run (for role changes): staff and
 * coordinators get the staff menu, anyone else goes back to the default. False when no menus are live yet.
 */
export async function syncUserMenu(
  db: Db,
  line: LineClient,
  userId: string,
  staff: boolean,
): Promise<boolean> {
  const stored = StoredIds.safeParse(await getSetting(db, RICH_MENU_SETTING));
  const staffMenuId = stored.success ? stored.data.staff : undefined;
  if (staffMenuId === undefined) return false;
  const user = encodeURIComponent(userId);
  if (staff) await line.call('POST', `/v2/bot/user/${user}/richmenu/${encodeURIComponent(staffMenuId)}`);
  else await line.call('DELETE', `/v2/bot/user/${user}/richmenu`);
  return true;
}

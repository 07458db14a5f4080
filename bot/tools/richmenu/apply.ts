// Putting the rich menus live through LINE's API: create all four, upload their pictures, make the citizens' menu
// everyone's default, link staff, coordinators and complaint officers each to their own menu, then delete the
// menus they replace. Run again at will: each run makes fresh menus and removes the ones before (ids kept in
// app_settings). Role changes afterwards switch one person's menu (bot/features/roles/rich-menu.ts).
import type { Db } from '../../../db/db.ts';
import { getSetting, setSetting } from '../../../db/queries/app-settings.ts';
import { listRoleHolders } from '../../../db/queries/user-roles.ts';
import {
  MENU_KEYS,
  type MenuKey,
  menuKeyOf,
  RICH_MENU_SETTING,
  StoredMenuIds,
} from '../../features/roles/rich-menu.ts';
import type { LineClient } from '../../line/client.ts';
import { LineApiError } from '../../line/errors.ts';
import { checkMenu, richMenuRequest } from './layout.ts';
import type { MenuDesign } from './menus.ts';
import type { RenderMenuImages } from './render.ts';
import type { UploadMenuImage } from './upload.ts';

export { RICH_MENU_SETTING };

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
  /** How many people were linked to each role's menu (citizens are on the default). */
  linked: Record<Exclude<MenuKey, 'citizen'>, number>;
  deleted: string[];
}

/** Everyone who holds a role anywhere, with the menu of their widest role. */
async function roleHolderMenus(db: Db): Promise<Map<string, MenuKey>> {
  const grants = (
    await Promise.all([
      listRoleHolders(db, { role: 'coordinator' }),
      listRoleHolders(db, { role: 'staff' }),
      listRoleHolders(db, { role: 'officer' }),
    ])
  ).flat();
  const roles = new Map<string, (typeof grants)[number]['role'][]>();
  for (const g of grants) roles.set(g.userId, [...(roles.get(g.userId) ?? []), g.role]);
  return new Map([...roles].map(([userId, held]) => [userId, menuKeyOf(held)]));
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
  const stored = StoredMenuIds.safeParse(await getSetting(deps.db, RICH_MENU_SETTING));
  const recorded = stored.success ? MENU_KEYS.map((key) => stored.data[key]) : [];
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
  designs: Record<MenuKey, MenuDesign>,
): Promise<ApplyReport> {
  const all = MENU_KEYS.map((key) => designs[key]);
  const problems = all.flatMap(checkMenu);
  if (problems.length > 0) throw new Error(`rich menu breaks LINE's limits: ${problems.join('; ')}`);
  const earlier = await earlierMenus(deps, all);
  const images = await deps.render(all);
  if (images.length < all.length) throw new Error('the renderer gave fewer images than menus');
  const ids: Partial<Record<MenuKey, string>> = {};
  for (const [i, key] of MENU_KEYS.entries())
    ids[key] = await createMenu(deps, designs[key], images[i] as Uint8Array);
  const made = ids as Record<MenuKey, string>;
  await deps.line.call('POST', `/v2/bot/user/all/richmenu/${encodeURIComponent(made.citizen)}`);
  const holders = await roleHolderMenus(deps.db);
  const linked = { staff: 0, coordinator: 0, officer: 0 };
  for (const key of ['staff', 'coordinator', 'officer'] as const) {
    const users = [...holders]
      .filter(([, menu]) => menu === key)
      .map(([userId]) => userId)
      .sort();
    linked[key] = users.length;
    for (let i = 0; i < users.length; i += BULK_LINK_MAX)
      await deps.line.call('POST', '/v2/bot/richmenu/bulk/link', {
        richMenuId: made[key],
        userIds: users.slice(i, i + BULK_LINK_MAX),
      });
  }
  await setSetting(deps.db, RICH_MENU_SETTING, made, 'cli', deps.now());
  const current = new Set(Object.values(made));
  const deleted: string[] = [];
  for (const id of earlier) if (!current.has(id) && (await deleteMenu(deps.line, id))) deleted.push(id);
  return { ids: made, linked, deleted };
}

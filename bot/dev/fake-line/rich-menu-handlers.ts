// Handlers of the rich-menu endpoints: create, image upload (api-data), default, per-user links, aliases.
import {
  answer,
  badRequest,
  type FakeReply,
  type Handler,
  notFound,
  ok,
  randomHex,
  stringField,
} from './handler.ts';
import { isJsonObject } from './json.ts';
import type { RichMenuStore } from './rich-menu-store.ts';

/** 404 for an unknown menu; 400 when its image is missing, since LINE shows no menu without one. */
function linkable(store: RichMenuStore, richMenuId: string): FakeReply | undefined {
  const menu = store.menus.get(richMenuId);
  if (menu === undefined) return notFound();
  if (menu.image === undefined) return badRequest('An image has not been uploaded to the richmenu');
  return undefined;
}

const createRichMenu: Handler = ({ state, body }) => {
  const richMenuId = `richmenu-${randomHex(32)}`;
  state.richMenus.menus.set(richMenuId, { menu: body, image: undefined });
  return ok({ richMenuId });
};

const setRichMenuImage: Handler = ({ state, params, body, contentType }) => {
  const menu = state.richMenus.menus.get(params.richMenuId ?? '');
  if (menu === undefined) return notFound();
  if (menu.image !== undefined) return badRequest('An image has already been uploaded to the richmenu');
  menu.image = { bytes: body instanceof Uint8Array ? Uint8Array.from(body) : new Uint8Array(), contentType };
  return ok();
};

const getRichMenuImage: Handler = ({ state, params }) => {
  const image = state.richMenus.menus.get(params.richMenuId ?? '')?.image;
  return image === undefined
    ? notFound()
    : { status: 200, bytes: image.bytes, contentType: image.contentType };
};

const getRichMenu: Handler = ({ state, params }) => {
  const richMenuId = params.richMenuId ?? '';
  const stored = state.richMenus.menus.get(richMenuId);
  return stored === undefined
    ? notFound()
    : ok({ richMenuId, ...(isJsonObject(stored.menu) ? stored.menu : {}) });
};

const setDefaultRichMenu: Handler = ({ state, params }) => {
  const richMenuId = params.richMenuId ?? '';
  const refused = linkable(state.richMenus, richMenuId);
  if (refused !== undefined) return refused;
  state.richMenus.defaultId = richMenuId;
  return ok();
};

const linkRichMenuIdToUser: Handler = ({ state, params }) => {
  const richMenuId = params.richMenuId ?? '';
  const refused = linkable(state.richMenus, richMenuId);
  if (refused !== undefined) return refused;
  state.richMenus.userLinks.set(params.userId ?? '', richMenuId);
  return ok();
};

const linkRichMenuIdToUsers: Handler = ({ state, body }) => {
  const richMenuId = stringField(body, 'richMenuId') ?? '';
  const refused = linkable(state.richMenus, richMenuId);
  if (refused !== undefined) return refused;
  const userIds = isJsonObject(body) && Array.isArray(body.userIds) ? body.userIds : [];
  for (const userId of userIds)
    if (typeof userId === 'string') state.richMenus.userLinks.set(userId, richMenuId);
  return answer(202, {});
};

const createRichMenuAlias: Handler = ({ state, body }) => {
  const richMenuAliasId = stringField(body, 'richMenuAliasId') ?? '';
  const richMenuId = stringField(body, 'richMenuId') ?? '';
  if (!state.richMenus.menus.has(richMenuId)) return notFound();
  if (state.richMenus.aliases.has(richMenuAliasId)) return badRequest('conflict richmenu alias id');
  state.richMenus.aliases.set(richMenuAliasId, richMenuId);
  return ok();
};

const updateRichMenuAlias: Handler = ({ state, params, body }) => {
  const richMenuAliasId = params.richMenuAliasId ?? '';
  const richMenuId = stringField(body, 'richMenuId') ?? '';
  if (!state.richMenus.aliases.has(richMenuAliasId) || !state.richMenus.menus.has(richMenuId))
    return notFound();
  state.richMenus.aliases.set(richMenuAliasId, richMenuId);
  return ok();
};

const getRichMenuAlias: Handler = ({ state, params }) => {
  const richMenuAliasId = params.richMenuAliasId ?? '';
  const richMenuId = state.richMenus.aliases.get(richMenuAliasId);
  return richMenuId === undefined ? notFound() : ok({ richMenuAliasId, richMenuId });
};

export const RICH_MENU_HANDLERS: Record<string, Handler> = {
  createRichMenu,
  validateRichMenuObject: () => ok(),
  setRichMenuImage,
  getRichMenuImage,
  getRichMenu,
  deleteRichMenu: ({ state, params }) => {
    if (!state.richMenus.menus.has(params.richMenuId ?? '')) return notFound();
    state.richMenus.delete(params.richMenuId ?? '');
    return ok();
  },
  getRichMenuList: ({ state }) =>
    ok({
      richmenus: [...state.richMenus.menus].map(([richMenuId, m]) => ({
        richMenuId,
        ...(isJsonObject(m.menu) ? m.menu : {}),
      })),
    }),
  setDefaultRichMenu,
  getDefaultRichMenuId: ({ state }) => {
    const richMenuId = state.richMenus.defaultId;
    return richMenuId === undefined ? notFound() : ok({ richMenuId });
  },
  cancelDefaultRichMenu: ({ state }) => {
    state.richMenus.defaultId = undefined;
    return ok();
  },
  linkRichMenuIdToUser,
  linkRichMenuIdToUsers,
  getRichMenuIdOfUser: ({ state, params }) => {
    const richMenuId = state.richMenus.userLinks.get(params.userId ?? '');
    return richMenuId === undefined ? notFound() : ok({ richMenuId });
  },
  unlinkRichMenuIdFromUser: ({ state, params }) => {
    state.richMenus.userLinks.delete(params.userId ?? '');
    return ok();
  },
  createRichMenuAlias,
  updateRichMenuAlias,
  getRichMenuAlias,
  deleteRichMenuAlias: ({ state, params }) =>
    state.richMenus.aliases.delete(params.richMenuAliasId ?? '') ? ok() : notFound(),
  getRichMenuAliasList: ({ state }) =>
    ok({
      aliases: [...state.richMenus.aliases].map(([richMenuAliasId, richMenuId]) => ({
        richMenuAliasId,
        richMenuId,
      })),
    }),
};

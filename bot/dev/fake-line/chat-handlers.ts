// Handlers for users, groups, rooms, the bot's info and user content (the api-data content endpoints).
import { answer, type FakeReply, type Handler, notFound, ok } from './handler.ts';
import type { FakeLineState } from './state.ts';
import type { Profile } from './types.ts';

function profileOf(state: FakeLineState, userId: string): Profile | undefined {
  const known = state.profiles.get(userId);
  if (known !== undefined) return known ?? undefined;
  if (state.options.unknownProfiles === 'not-found') return undefined;
  return { displayName: `LINE user ${userId.slice(-4)}`, language: 'th' };
}

function groupMemberProfile(state: FakeLineState, chatId: string, userId: string): FakeReply {
  if (state.leftChats.has(chatId)) return notFound();
  const members = state.groups.get(chatId)?.memberIds;
  if (members !== undefined && !members.includes(userId)) return notFound();
  const profile = profileOf(state, userId);
  if (profile === undefined) return notFound();
  const { displayName, pictureUrl } = profile;
  return ok(pictureUrl === undefined ? { displayName, userId } : { displayName, userId, pictureUrl });
}

function leave(state: FakeLineState, chatId: string): FakeReply {
  if (state.leftChats.has(chatId)) return notFound();
  state.leftChats.add(chatId);
  return ok();
}

function content(state: FakeLineState, messageId: string): FakeReply {
  const stored = state.content.get(messageId);
  if (stored === undefined) return notFound();
  return { status: 200, bytes: stored.bytes, contentType: stored.contentType };
}

const getProfile: Handler = ({ state, params }) => {
  const userId = params.userId ?? '';
  const profile = profileOf(state, userId);
  return profile === undefined ? notFound() : ok({ userId, ...profile });
};

const getGroupSummary: Handler = ({ state, params }) => {
  const groupId = params.groupId ?? '';
  if (state.leftChats.has(groupId)) return notFound();
  const group = state.groups.get(groupId);
  const groupName = group?.groupName ?? `Group ${groupId.slice(-4)}`;
  const pictureUrl = group?.pictureUrl;
  return ok(pictureUrl === undefined ? { groupId, groupName } : { groupId, groupName, pictureUrl });
};

const getGroupMemberCount: Handler = ({ state, params }) => {
  const groupId = params.groupId ?? '';
  if (state.leftChats.has(groupId)) return notFound();
  return ok({ count: state.groups.get(groupId)?.memberIds?.length ?? 1 });
};

const getGroupMembersIds: Handler = ({ state, params }) => {
  const groupId = params.groupId ?? '';
  if (state.leftChats.has(groupId)) return notFound();
  return ok({ memberIds: state.groups.get(groupId)?.memberIds ?? [] });
};

export const CHAT_HANDLERS: Record<string, Handler> = {
  getProfile,
  getGroupSummary,
  getGroupMemberCount,
  getGroupMembersIds,
  getGroupMemberProfile: ({ state, params }) =>
    groupMemberProfile(state, params.groupId ?? '', params.userId ?? ''),
  getRoomMemberProfile: ({ state, params }) =>
    groupMemberProfile(state, params.roomId ?? '', params.userId ?? ''),
  leaveGroup: ({ state, params }) => leave(state, params.groupId ?? ''),
  leaveRoom: ({ state, params }) => leave(state, params.roomId ?? ''),
  getMessageContent: ({ state, params }) => content(state, params.messageId ?? ''),
  getMessageContentPreview: ({ state, params }) => content(state, params.messageId ?? ''),
  getMessageContentTranscodingByMessageId: ({ state, params }) =>
    state.content.has(params.messageId ?? '') ? ok({ status: 'succeeded' }) : notFound(),
  getBotInfo: ({ state }) =>
    ok({
      userId: state.botUserId,
      basicId: '@000fake',
      displayName: 'ITA (fake LINE)',
      chatMode: 'bot',
      markAsReadMode: 'auto',
    }),
  getFollowers: () => ok({ userIds: [] }),
  getWebhookEndpoint: () => answer(200, { endpoint: 'https://example.com/webhook', active: true }),
};

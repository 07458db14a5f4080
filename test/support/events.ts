// Factories for LINE webhook events and bodies, one per event kind of LINE's webhook spec (webhook.yml).
let counter = 0;

export const BOT_ID = `U${'f'.repeat(32)}`;
export const USER_ID = `U${'1'.repeat(32)}`;
export const OTHER_USER_ID = `U${'2'.repeat(32)}`;
export const GROUP_ID = `C${'3'.repeat(32)}`;
export const ROOM_ID = `R${'4'.repeat(32)}`;

export type Source =
  | { type: 'user'; userId: string }
  | { type: 'group'; groupId: string; userId?: string }
  | { type: 'room'; roomId: string; userId?: string };

export const userSource = (userId = USER_ID): Source => ({ type: 'user', userId });
export const groupSource = (groupId = GROUP_ID, userId: string | undefined = USER_ID): Source =>
  userId === undefined ? { type: 'group', groupId } : { type: 'group', groupId, userId };

export interface EventOptions {
  source?: Source;
  timestamp?: number;
  webhookEventId?: string;
  mode?: 'active' | 'standby';
  isRedelivery?: boolean;
}

/** A ULID-shaped id, unique in this process (26 Crockford base-32 characters). */
export function nextEventId(): string {
  counter += 1;
  return `01J${String(counter).padStart(23, '0')}`;
}

function base(type: string, options: EventOptions, withSource = true) {
  return {
    type,
    mode: options.mode ?? 'active',
    timestamp: options.timestamp ?? Date.now(),
    webhookEventId: options.webhookEventId ?? nextEventId(),
    deliveryContext: { isRedelivery: options.isRedelivery ?? false },
    ...(withSource ? { source: options.source ?? userSource() } : {}),
  };
}

const replyToken = () => `rt-${nextEventId()}`;

export function makeTextEvent(text: string, options: EventOptions = {}) {
  return {
    ...base('message', options),
    replyToken: replyToken(),
    message: { type: 'text', id: String(100_000 + counter), quoteToken: `q${counter}`, text },
  };
}

export function makePostbackEvent(data: string, options: EventOptions = {}) {
  return { ...base('postback', options), replyToken: replyToken(), postback: { data } };
}

export const makeFollowEvent = (options: EventOptions = {}) => ({
  ...base('follow', options),
  replyToken: replyToken(),
  follow: { isUnblocked: false },
});

export const makeJoinEvent = (options: EventOptions = {}) => ({
  ...base('join', { source: groupSource(GROUP_ID, undefined), ...options }),
  replyToken: replyToken(),
});

const provider = { type: 'line' };

/** One event of every kind in LINE's webhook spec, with a valid body for each. */
export function everyEventKind(options: EventOptions = {}) {
  const msg = (message: Record<string, unknown>) => ({
    ...base('message', options),
    replyToken: replyToken(),
    message: { id: String(200_000 + counter), ...message },
  });
  const group = { ...options, source: options.source ?? groupSource(GROUP_ID, undefined) };
  return {
    text: makeTextEvent('สวัสดี', options),
    image: msg({ type: 'image', contentProvider: provider, quoteToken: 'q' }),
    video: msg({ type: 'video', duration: 1000, contentProvider: provider, quoteToken: 'q' }),
    audio: msg({ type: 'audio', duration: 1000, contentProvider: provider }),
    file: msg({ type: 'file', fileName: 'a.pdf', fileSize: 1024 }),
    location: msg({
      type: 'location',
      title: 'ศาลากลาง',
      address: 'ปทุมธานี',
      latitude: 14.02,
      longitude: 100.53,
    }),
    sticker: msg({
      type: 'sticker',
      packageId: '446',
      stickerId: '1988',
      stickerResourceType: 'STATIC',
      quoteToken: 'q',
    }),
    unsend: { ...base('unsend', options), unsend: { messageId: '325708' } },
    follow: makeFollowEvent(options),
    unfollow: base('unfollow', options),
    join: makeJoinEvent(options),
    leave: base('leave', group),
    memberJoined: {
      ...base('memberJoined', group),
      replyToken: replyToken(),
      joined: { members: [userSource()] },
    },
    memberLeft: { ...base('memberLeft', group), left: { members: [userSource()] } },
    postback: makePostbackEvent('action=noop', options),
    videoPlayComplete: {
      ...base('videoPlayComplete', options),
      replyToken: replyToken(),
      videoPlayComplete: { trackingId: 't1' },
    },
    beacon: {
      ...base('beacon', options),
      replyToken: replyToken(),
      beacon: { hwid: 'd41d8cd98f', type: 'enter' },
    },
    accountLink: {
      ...base('accountLink', options),
      replyToken: replyToken(),
      link: { result: 'ok', nonce: 'n' },
    },
    membership: {
      ...base('membership', options),
      replyToken: replyToken(),
      membership: { type: 'joined', membershipId: 1 },
    },
    module: {
      ...base('module', options),
      module: { type: 'detached', botId: BOT_ID, reason: 'bot_deleted' },
    },
    activated: { ...base('activated', options), chatControl: { expireAt: Date.now() + 60_000 } },
    deactivated: base('deactivated', options),
    botSuspended: base('botSuspended', options, false),
    botResumed: base('botResumed', options, false),
    delivery: { ...base('delivery', options), delivery: { data: 'hash' } },
  };
}

export function makeCallback(...events: unknown[]) {
  return { destination: BOT_ID, events };
}

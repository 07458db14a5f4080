// Builders of LINE message objects and webhook events for the fake LINE API's tests.

export const USER = `U${'1'.repeat(32)}`;
export const OTHER_USER = `U${'2'.repeat(32)}`;
export const GROUP = `C${'3'.repeat(32)}`;
export const BOT = `U${'f'.repeat(32)}`;

export const text = (value = 'สวัสดีครับ') => ({ type: 'text', text: value });

export const quickReply = (count: number) => ({
  items: Array.from({ length: count }, (_, i) => ({
    type: 'action',
    action: { type: 'message', label: `ตัวเลือก ${i + 1}`, text: `เลือก ${i + 1}` },
  })),
});

/** A bubble whose JSON is about `bytes` long (padding in one text component). */
export function bubble(bytes = 200) {
  const shell = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: '' }] },
  };
  const padding = Math.max(0, bytes - JSON.stringify(shell).length);
  return {
    ...shell,
    body: { ...shell.body, contents: [{ type: 'text', text: 'ก'.repeat(Math.ceil(padding / 3)) }] },
  };
}

export const flex = (contents: unknown, altText = 'ผลคะแนน ITA') => ({ type: 'flex', altText, contents });

export const carousel = (count: number, bytesEach = 200) => ({
  type: 'carousel',
  contents: Array.from({ length: count }, () => bubble(bytesEach)),
});

export const image = (url = 'https://example.com/qr.png') => ({
  type: 'image',
  originalContentUrl: url,
  previewImageUrl: url,
});

export const buttons = () => ({
  type: 'template',
  altText: 'งานที่ต้องทำ',
  template: {
    type: 'buttons',
    text: 'เผยแพร่ข้อมูล OIT ภายใน 30 มิ.ย.',
    actions: [
      { type: 'postback', label: 'เสร็จแล้ว', data: 'done=1' },
      { type: 'uri', label: 'เปิด', uri: 'https://example.com/liff' },
    ],
  },
});

const common = (type: string, source: unknown) => ({
  type,
  mode: 'active',
  timestamp: 1_720_000_000_000,
  webhookEventId: '01J0000000000000000000000A',
  deliveryContext: { isRedelivery: false },
  source,
});

export const userSource = (userId = USER) => ({ type: 'user', userId });
export const groupSource = (groupId = GROUP, userId = USER) => ({ type: 'group', groupId, userId });

export const messageEvent = (source: unknown = userSource(), value = 'IIT') => ({
  ...common('message', source),
  replyToken: 'reply-token-1',
  message: { type: 'text', id: '468789577898262530', quoteToken: 'q3Plxr4AgKd', text: value },
});

export const followEvent = () => ({
  ...common('follow', userSource()),
  replyToken: 'reply-token-2',
  follow: { isUnblocked: false },
});

export const postbackEvent = () => ({
  ...common('postback', groupSource()),
  replyToken: 'reply-token-3',
  postback: { data: 'done=1' },
});

export const joinEvent = () => ({
  ...common('join', { type: 'group', groupId: GROUP }),
  replyToken: 'reply-token-4',
});

export const callback = (...events: unknown[]) => ({ destination: BOT, events });

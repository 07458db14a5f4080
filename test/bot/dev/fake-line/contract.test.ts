// The contract: messaging-api.yml request bodies plus LINE's size limits, and webhook.yml CallbackRequest.
import { describe, expect, it } from 'vitest';
import {
  lineOperations,
  matchOperation,
  validateRequest,
  validateWebhook,
} from '../../../../bot/dev/fake-line/contract.ts';
import * as f from './factories.ts';

const push = (...messages: unknown[]) => ({ to: f.USER, messages });
const PUSH = '/v2/bot/message/push';

describe('validateRequest', () => {
  it.each([
    ['a push text message lacking text', PUSH, push({ type: 'text' }), 'messages[0].text: is required'],
    [
      '6 messages',
      PUSH,
      push(...Array.from({ length: 6 }, () => f.text())),
      'messages: must NOT have more than 5 items',
    ],
    [
      '14 quick-reply items',
      PUSH,
      push({ ...f.text(), quickReply: f.quickReply(14) }),
      'messages[0].quickReply.items',
    ],
    [
      'flex without altText',
      PUSH,
      push({ type: 'flex', contents: f.bubble() }),
      'messages[0].altText: is required',
    ],
    ['a carousel with 13 bubbles', PUSH, push(f.flex(f.carousel(13))), 'at most 12 bubbles, not 13'],
    ['a 31 KB bubble', PUSH, push(f.flex(f.bubble(31 * 1024))), 'bubble JSON must be at most 30000 bytes'],
    [
      'a carousel over 50 KB',
      PUSH,
      push(f.flex(f.carousel(12, 5_000))),
      'carousel JSON must be at most 50000 bytes',
    ],
    [
      'text over 5,000 characters',
      PUSH,
      push(f.text('ก'.repeat(5_001))),
      'messages[0].text: must be at most 5000',
    ],
    [
      'flex altText over 1,500',
      PUSH,
      push(f.flex(f.bubble(), 'a'.repeat(1_501))),
      'messages[0].altText: must be at most 1500',
    ],
    ['template altText over 400', PUSH, push({ ...f.buttons(), altText: 'a'.repeat(401) }), 'at most 400'],
    [
      'an http image URL',
      PUSH,
      push(f.image('http://example.com/a.png')),
      'originalContentUrl: must be an https URL',
    ],
    [
      'an image URL over 2,000',
      PUSH,
      push(f.image(`https://e.com/${'a'.repeat(2_000)}`)),
      'at most 2000 characters',
    ],
    [
      'a sender name over 20',
      PUSH,
      push({ ...f.text(), sender: { name: 'ก'.repeat(21) } }),
      'sender.name: must NOT have more than 20 characters',
    ],
    [
      'a push to something not a chat ID',
      PUSH,
      { to: 'agency-12', messages: [f.text()] },
      'to: must be a user, group or room ID',
    ],
    [
      'a multicast to 501 users',
      '/v2/bot/message/multicast',
      { to: Array(501).fill(f.USER), messages: [f.text()] },
      'to: must',
    ],
    [
      'a multicast to a group',
      '/v2/bot/message/multicast',
      { to: [f.USER, f.GROUP], messages: [f.text()] },
      'to[1]: must be a user ID',
    ],
    [
      'a reply without replyToken',
      '/v2/bot/message/reply',
      { messages: [f.text()] },
      'replyToken: is required',
    ],
    [
      'a text that is not a string',
      PUSH,
      push({ type: 'text', text: 1 }),
      'messages[0].text: must be string',
    ],
    [
      'a message type LINE does not have',
      PUSH,
      push({ type: 'html', html: '<b>' }),
      'messages[0].type: must be one of text',
    ],
    [
      'a flex box with a bad layout',
      PUSH,
      push(f.flex({ type: 'bubble', body: { type: 'box', layout: 'grid', contents: [] } })),
      'layout',
    ],
  ])('rejects %s', (_name, path, body, expected) => {
    const result = validateRequest('POST', path, body);
    expect(result.errors.join('\n')).toContain(expected);
  });

  it('rejects a path LINE does not have', () => {
    const result = validateRequest('POST', '/v2/bot/message/send', push(f.text()));
    expect(result).toMatchObject({ errors: ['LINE has no endpoint /v2/bot/message/send'] });
    expect(result.operationId).toBeUndefined();
  });

  it('rejects a method the path does not take', () => {
    expect(validateRequest('GET', PUSH, undefined).errors[0]).toContain(
      'GET is not allowed on /v2/bot/message/push',
    );
  });

  it.each([
    [
      'a valid push',
      PUSH,
      push(f.text(), { ...f.text('เลือก'), quickReply: f.quickReply(13) }),
      'pushMessage',
    ],
    [
      'a push to a group',
      PUSH,
      { to: f.GROUP, messages: [f.text()], notificationDisabled: true },
      'pushMessage',
    ],
    ['a reply', '/v2/bot/message/reply', { replyToken: 'abc', messages: [f.text()] }, 'replyMessage'],
    [
      'a multicast of 500',
      '/v2/bot/message/multicast',
      { to: Array(500).fill(f.USER), messages: [f.text()] },
      'multicast',
    ],
    ['a flex bubble', PUSH, push(f.flex(f.bubble(29_000))), 'pushMessage'],
    ['a carousel of 12', PUSH, push(f.flex(f.carousel(12, 4_000))), 'pushMessage'],
    ['an image message', PUSH, push(f.image()), 'pushMessage'],
    ['a buttons template', PUSH, push(f.buttons()), 'pushMessage'],
    [
      'a loading animation',
      '/v2/bot/chat/loading/start',
      { chatId: f.USER, loadingSeconds: 10 },
      'showLoadingAnimation',
    ],
  ])('accepts %s', (_name, path, body, operationId) => {
    expect(validateRequest('POST', path, body)).toEqual({ operationId, errors: [], details: [] });
  });

  it('gives LINE-style details with property paths', () => {
    const result = validateRequest('POST', PUSH, push(f.text(), { type: 'image' }));
    expect(result.details).toEqual([
      { property: 'messages[1].originalContentUrl', message: 'is required' },
      { property: 'messages[1].previewImageUrl', message: 'is required' },
    ]);
  });
});

describe('matchOperation', () => {
  it('prefers literal segments over path parameters', () => {
    const list = matchOperation('GET', '/v2/bot/richmenu/alias/list');
    const alias = matchOperation('GET', '/v2/bot/richmenu/alias/home');
    expect(list.kind === 'found' && list.operation.operationId).toBe('getRichMenuAliasList');
    expect(alias.kind === 'found' && alias.params).toEqual({ richMenuAliasId: 'home' });
  });

  it('puts operations with their own servers entry on the data host', () => {
    const data = lineOperations()
      .filter((op) => op.server === 'api-data')
      .map((op) => op.operationId);
    expect(data.sort()).toEqual([
      'getMessageContent',
      'getMessageContentPreview',
      'getMessageContentTranscodingByMessageId',
      'getRichMenuImage',
      'setRichMenuImage',
    ]);
    expect(lineOperations()).toHaveLength(73);
  });
});

describe('validateWebhook', () => {
  it.each([
    ['a text message event', f.messageEvent()],
    ['a message event from a group', f.messageEvent(f.groupSource())],
    ['a follow event', f.followEvent()],
    ['a postback event', f.postbackEvent()],
    ['a join event', f.joinEvent()],
    ['an event type LINE adds later', { ...f.followEvent(), type: 'somethingNew' }],
  ])('accepts %s', (_name, event) => {
    expect(validateWebhook(f.callback(event)).errors).toEqual([]);
  });

  it('accepts the empty events array LINE sends to check the connection', () => {
    expect(validateWebhook(f.callback()).errors).toEqual([]);
  });

  it.each([
    [
      'a group source without groupId',
      f.messageEvent({ type: 'group', userId: f.USER }),
      'events[0].source.groupId: is required',
    ],
    [
      'a follow event without follow',
      { ...f.followEvent(), follow: undefined },
      'events[0].follow: is required',
    ],
    [
      'a text message without quoteToken',
      { ...f.messageEvent(), message: { type: 'text', id: '1', text: 'x' } },
      'quoteToken',
    ],
  ])('rejects %s', (_name, event, expected) => {
    expect(validateWebhook(JSON.parse(JSON.stringify(f.callback(event)))).errors.join('\n')).toContain(
      expected,
    );
  });

  it('rejects a destination that is not a user ID', () => {
    expect(validateWebhook({ destination: 'bot', events: [] }).errors[0]).toContain('destination');
  });
});
